package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes that once reached the database or the JVM's limits as a 500: each is now a 4xx in the one
 * error shape, names what was wrong, leaks no Java names, and changes nothing.
 */
class BadInputTest {
  static TestServer server;
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @BeforeAll
  static void start() {
    LOGS.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    server = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
  }

  /** Everything logged so far: messages, key-value pairs and the errors' class names and messages. */
  private static String logs() {
    StringBuilder all = new StringBuilder();
    synchronized (LOGS) {
      for (ILoggingEvent e : List.copyOf(LOGS.list)) {
        all.append(e.getLevel()).append(' ').append(e.getFormattedMessage()).append(' ').append(e.getKeyValuePairs());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
          all.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        all.append('\n');
      }
    }
    return all.toString();
  }

  private static final String PATCH = "application/json-patch+json";

  private static String create(Http u) {
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"CV\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static long balance(Http u) {
    return u.get("/api/v1/credits").json().path("balance").asLong();
  }

  private static void assertClean(Http.Res r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.json().path("error").path("message").asText()).isNotBlank()
        .doesNotContain("`").doesNotContain("java.").doesNotContain("Exception").doesNotContain("REDACTED")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void nulCharactersAreRefusedBeforeTheDatabaseSeesThem() {
    Http u = server.user("nul@example.com");
    long before = balance(u);
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"a\\u0000b\"}");
    assertClean(r, 400, "validation_failed");
    assertThat(r.json().path("error").path("message").asText()).contains("NUL").contains("line 1, column 12");
    // an escaped backslash before "u0000" is ordinary text
    Http.Res fine = u.post("/api/v1/cvs", "{\"title\":\"C:\\\\u0000\"}");
    assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    assertThat(fine.json().path("title").asText()).isEqualTo("C:\\u0000");

    // half a surrogate pair, and bytes that are not UTF-8: refused, not stored as "?"
    Http.Res half = u.post("/api/v1/cvs", "{\"title\":\"x\\ud800y\"}");
    assertClean(half, 400, "validation_failed");
    assertThat(half.json().path("error").path("message").asText()).contains("surrogate").contains("column 12");
    Http.Res pair = u.post("/api/v1/cvs", "{\"title\":\"\\ud83d\\ude00 smile\"}");
    assertThat(pair.status()).as(pair.body()).isEqualTo(201);
    assertThat(pair.json().path("title").asText()).isEqualTo("\ud83d\ude00 smile");
    byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    Http.Res notUtf8 = u.sendBytes("POST", "/api/v1/cvs", "application/json", latin1);
    assertClean(notUtf8, 400, "validation_failed");
    assertThat(notUtf8.json().path("error").path("message").asText()).contains("not UTF-8");
    assertThat(balance(u)).isEqualTo(before - 10);

    Http anon = new Http(server.base());
    Http.Res dev = anon.form("/auth/dev", Map.of("email", "a\u0000b@example.com"));
    assertClean(dev, 400, "validation_failed");
    assertThat(logs()).doesNotContain("a\u0000b@example.com").doesNotContain("invalid byte sequence");
  }

  @Test
  void aNullOrWronglyTypedBodyIsABadRequest() {
    Http u = server.user("types@example.com");
    String id = create(u);
    assertClean(u.post("/api/v1/cvs", "null"), 400, "validation_failed");
    assertClean(u.post("/api/v1/cvs/" + id + "/rename", "null"), 400, "validation_failed");
    assertClean(u.post("/api/v1/cvs/" + id + "/ats", "null"), 400, "validation_failed");

    Http.Res number = u.post("/api/v1/cvs", "{\"title\":123}");
    assertClean(number, 400, "validation_failed");
    assertThat(number.json().path("error").path("message").asText()).isEqualTo("field 'title' must be a text");
    assertThat(number.json().path("error").path("details").path("field").asText()).isEqualTo("title");
    Http.Res yes = u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":\"yes\"}");
    assertClean(yes, 400, "validation_failed");
    assertThat(yes.json().path("error").path("message").asText())
        .isEqualTo("field 'aiConsent' must be a boolean (true or false)");
    assertClean(u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":1}"), 400,
        "validation_failed");
    assertClean(u.post("/api/v1/cvs", "{\"title\":\"x\""), 400, "validation_failed");
  }

  @Test
  void deepNestingIsRefusedAtTheParserNotByAStackOverflow() {
    Http u = server.user("deep@example.com");
    long before = balance(u);
    String deep = "{\"a\":".repeat(700) + "1" + "}".repeat(700);
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"x\",\"content\":{\"basics\":{\"name\":\"A\"},\"meta\":" + deep
        + "}}");
    assertClean(r, 400, "validation_failed");
    assertThat(r.json().path("error").path("message").asText())
        .contains("objects and arrays are nested more than 100 levels deep");
    assertThat(balance(u)).isEqualTo(before);
    assertThat(logs()).doesNotContain("StackOverflowError").doesNotContain("ERROR");
  }

  @Test
  void copiesThatDoubleTheCvAreRejectedAndChangeNothing() {
    Http u = server.user("copies@example.com");
    String id = create(u);
    StringBuilder ops = new StringBuilder("[{\"op\":\"add\",\"path\":\"/meta\",\"value\":{\"n\":\""
        + "x".repeat(10_000) + "\"}}");
    for (int i = 0; i < 30; i++) {
      ops.append(",{\"op\":\"copy\",\"from\":\"/meta\",\"path\":\"/meta/c").append(i).append("\"}");
    }
    Http.Res r = u.patch("/api/v1/cvs/" + id, PATCH, ops.append(']').toString(), "If-Match", "\"1\"");
    assertClean(r, 422, "validation_failed");
    assertThat(r.json().path("error").path("details").path("reason").asText())
        .isEqualTo("the CV would grow past 2 million characters of JSON");
    assertThat(u.get("/api/v1/cvs/" + id).header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void unknownTemplatesAreRefusedWhenWritten() {
    Http u = server.user("templates@example.com");
    long before = balance(u);
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"x\",\"templateId\":\"nope\"}");
    assertClean(r, 422, "validation_failed");
    assertThat(r.json().path("error").path("message").asText()).contains("'nope'").contains("modern");
    assertThat(r.json().path("error").path("details").path("violations").path(0).path("pointer").asText())
        .isEqualTo("/altocv/design/templateId");
    assertThat(balance(u)).isEqualTo(before);

    String id = create(u);
    Http.Res p = u.patch("/api/v1/cvs/" + id, PATCH,
        "[{\"op\":\"replace\",\"path\":\"/altocv/design/templateId\",\"value\":\"zzz\"}]", "If-Match", "\"1\"");
    assertClean(p, 422, "validation_failed");
    assertThat(u.get("/api/v1/cvs/" + id).header("ETag")).isEqualTo("\"1\"");
    Http.Res ok = u.patch("/api/v1/cvs/" + id, PATCH,
        "[{\"op\":\"replace\",\"path\":\"/altocv/design/templateId\",\"value\":\"classic\"}]", "If-Match", "\"1\"");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void brokenMultipartIsABadRequest() {
    Http u = server.user("multipart@example.com");
    long before = balance(u);
    Http.Res r = u.send("POST", "/api/v1/imports", "multipart/form-data; boundary=XYZ", "garbage, no parts");
    assertClean(r, 400, "validation_failed");
    assertThat(r.json().path("error").path("message").asText()).contains("'file'");
    assertClean(u.send("POST", "/api/v1/imports", "multipart/form-data", "--\r\n"), 400, "validation_failed");
    assertThat(balance(u)).isEqualTo(before);
  }

  @Test
  void requestsJettyRefusesAndWrongMethodsGetTheErrorShape() {
    Http u = server.user("methods@example.com");
    String id = create(u);
    assertClean(u.get("/api/v1/cvs/%00"), 400, "validation_failed");
    Http.Res put = u.send("PUT", "/api/v1/cvs/" + id, "application/json", "{}");
    assertClean(put, 405, "method_not_allowed");
    assertThat(u.get("/api/v1/cvs/" + id).status()).isEqualTo(200);
  }

  @Test
  void ambiguousOrOversizedEditMetadataIsRefused() {
    Http u = server.user("ifmatch@example.com");
    String id = create(u);
    String op = "[{\"op\":\"add\",\"path\":\"/basics/name\",\"value\":\"Ada\"}]";
    Http.Res two = u.patch("/api/v1/cvs/" + id, PATCH, op, "If-Match", "\"1\"", "If-Match", "\"2\"");
    assertClean(two, 400, "validation_failed");
    assertThat(two.json().path("error").path("message").asText()).contains("one If-Match");
    Http.Res longDescription = u.patch("/api/v1/cvs/" + id, "application/json",
        "{\"operations\":" + op + ",\"description\":\"" + "d".repeat(1_001) + "\"}", "If-Match", "\"1\"");
    assertClean(longDescription, 400, "validation_failed");
    assertThat(longDescription.json().path("error").path("details").path("field").asText()).isEqualTo("description");
    assertThat(u.get("/api/v1/cvs/" + id).header("ETag")).isEqualTo("\"1\"");

    // the preview of unsaved content says what is wrong with it
    Http.Res five = u.post("/api/v1/cvs/" + id + "/preview", "{\"content\":5}");
    assertClean(five, 400, "validation_failed");
    assertThat(five.json().path("error").path("message").asText()).contains("must be a JSON object").contains("number");
    Http.Res invalid = u.post("/api/v1/cvs/" + id + "/preview",
        "{\"content\":{\"work\":[{\"name\":\"A\",\"startDate\":\"2021-13\"}]}}");
    assertClean(invalid, 422, "validation_failed");
    assertThat(invalid.json().path("error").path("details").path("violations").path(0).path("pointer").asText())
        .isEqualTo("/work/0/startDate");

    // an ATS request names the field it got
    Http.Res ats = u.post("/api/v1/cvs/" + id + "/ats", "{\"job\":\"   \"}");
    assertClean(ats, 400, "validation_failed");
    assertThat(ats.json().path("error").path("details").path("field").asText()).isEqualTo("job");
  }

  @Test
  void aForeignHostNameAndMethodOverridesAreRefused() throws Exception {
    // DNS rebinding: a page whose name now points at 127.0.0.1 must not reach development sign-in
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(server.base()).getPort())) {
      String body = "email=victim%40example.com";
      socket.getOutputStream().write(("POST /auth/dev HTTP/1.1\r\nHost: rebind.attacker.example\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
          + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 403").contains("\"forbidden\"").contains("answers only to")
          .doesNotContain("altocv_session=");
    }
    Http u = server.user("override@example.com");
    String id = create(u);
    Http.Res r = u.send("GET", "/api/v1/cvs/" + id + "/rename", "application/json", "{\"title\":\"x\"}",
        "X-HTTP-Method-Override", "POST");
    assertClean(r, 400, "validation_failed");
    assertThat(u.get("/api/v1/cvs/" + id).json().path("title").asText()).isEqualTo("CV");
  }

  @Test
  void developmentSignInTakesJsonWithACharsetAndRefusesOtherTypes() {
    Http a = new Http(server.base());
    Http.Res json = a.send("POST", "/auth/dev", "application/json; charset=utf-8",
        "{\"email\":\"charset@example.com\"}");
    assertThat(json.status()).as(json.body()).isIn(302, 303);
    Http b = new Http(server.base());
    Http.Res text = b.send("POST", "/auth/dev", "text/plain", "charset@example.com");
    assertClean(text, 415, "unsupported_media_type");
    assertThat(new String(text.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .contains("application/json");
  }
}
