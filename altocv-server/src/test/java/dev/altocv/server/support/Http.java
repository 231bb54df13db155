package dev.altocv.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: its own cookies, the CSRF token once signed in, no redirects followed. */
public final class Http {
  private static final ObjectMapper M = new ObjectMapper();
  private final String base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String csrf;

  /**
   * @param base the server's base URL
   */
  public Http(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** @return the cookies */
  public CookieManager cookies() {
    return cookies;
  }

  /** A response. */
  public record Res(int status, Map<String, List<String>> headers, String body) {
    /** @return the body as JSON */
    public JsonNode json() {
      try {
        return M.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /**
     * A header.
     *
     * @param name the name
     * @return its first value or null
     */
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** @return the error code of an error response */
    public String code() {
      return json().path("error").path("code").asText();
    }
  }

  /**
   * Signs in with the development sign-in and fetches the CSRF token.
   *
   * @param email the address
   * @return this client
   */
  public Http signIn(String email) {
    Res r = form("/auth/dev", Map.of("email", email));
    if (r.status() != 303) {
      throw new AssertionError("sign-in failed: " + r);
    }
    refreshCsrf();
    return this;
  }

  /** Reads the CSRF token from the session endpoint. */
  public void refreshCsrf() {
    Res s = get("/api/v1/session");
    csrf = s.status() == 200 ? s.json().path("csrfToken").asText() : null;
  }

  /** @return the CSRF token */
  public String csrf() {
    return csrf;
  }

  /** Drops the CSRF token, to test requests without it. */
  public void forgetCsrf() {
    csrf = null;
  }

  public Res get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public Res delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  public Res post(String path, String json, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  public Res postEmpty(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
  }

  public Res patch(String path, String contentType, String body, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public Res send(String method, String path, String contentType, String body, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public Res sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)), headers);
  }

  /**
   * A multipart/form-data POST with one file field.
   *
   * @param path the path
   * @param field the field name
   * @param fileName the file's name
   * @param contentType the file's type
   * @param bytes the file
   * @param headers extra headers
   * @return the response
   */
  public Res multipart(String path, String field, String fileName, String contentType, byte[] bytes,
      String... headers) {
    String boundary = "----altocv" + Long.toHexString(System.nanoTime());
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
  }

  /**
   * Downloads bytes.
   *
   * @param path the path
   * @return the status and the bytes
   */
  public byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + ": " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Res form(String path, Map<String, String> fields, String... headers) {
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private Res send(HttpRequest.Builder b, String... headers) {
    List<String> h = new ArrayList<>(List.of(headers));
    boolean hasCsrf = false;
    for (int i = 0; i < h.size(); i += 2) {
      hasCsrf |= h.get(i).equalsIgnoreCase("X-CSRF-Token");
    }
    if (csrf != null && !hasCsrf) {
      h.add("X-CSRF-Token");
      h.add(csrf);
    }
    for (int i = 0; i < h.size(); i += 2) {
      b.header(h.get(i), h.get(i + 1));
    }
    try {
      HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The value of a cookie.
   *
   * @param name the name
   * @return the value
   */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst();
  }
}
