package dev.altocv.server.match;

import dev.altocv.core.AltoCvException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a job posting's page from a URL a person gave, without letting that URL reach inside the network
 * (SSRF): only http and https, no user name or password in the URL; every address the host name resolves to is
 * checked <em>before</em> a connection is opened, and the connection goes to exactly the checked addresses (no
 * second lookup a DNS rebinding could answer differently); loopback, private (RFC 1918, unique local), link-local,
 * carrier-grade NAT, multicast, unspecified, documentation and reserved ranges are refused, for IPv4 and IPv6,
 * including IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4); redirects are followed by hand
 * (at most {@link Policy#maxRedirects()}) and each target is checked the same way; the body is capped in size and
 * the whole fetch in time; only text and HTML are read. Thread-safe; one instance serves every request.
 */
public final class PageFetcher implements AutoCloseable {

  /** Resolves a host name to its addresses; tests inject one that answers without DNS. */
  @FunctionalInterface
  public interface Resolver {
    /**
     * The addresses of a host.
     *
     * @param host a host name (never an address literal)
     * @return its addresses
     * @throws UnknownHostException when it has none
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver. */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  /**
   * What the fetcher may do.
   *
   * @param resolver resolves host names
   * @param allow Expert: addresses allowed although the rules refuse them (tests allow their own local server
   *     here and nothing else); the default allows none
   * @param maxBytes the largest body read
   * @param timeout the longest a fetch may take, redirects included
   * @param maxRedirects redirects followed
   */
  public record Policy(Resolver resolver, Predicate<InetSocketAddress> allow, int maxBytes, Duration timeout,
      int maxRedirects) {
    /** The server's policy: system DNS, no exceptions, 2 MB, 10 s, 5 redirects. */
    public static final Policy DEFAULT = new Policy(Resolver.SYSTEM, a -> false, 2 * 1024 * 1024,
        Duration.ofSeconds(10), 5);

    /**
     * This policy with another resolver.
     *
     * @param r the resolver
     * @return the copy
     */
    public Policy withResolver(Resolver r) {
      return new Policy(r, allow, maxBytes, timeout, maxRedirects);
    }

    /**
     * Expert: this policy with addresses allowed that the rules refuse.
     *
     * @param a the exception
     * @return the copy
     */
    public Policy withAllow(Predicate<InetSocketAddress> a) {
      return new Policy(resolver, a, maxBytes, timeout, maxRedirects);
    }
  }

  /** A URL was refused or could not be read; the message says why, for a person. */
  public static final class FetchException extends AltoCvException {
    private static final long serialVersionUID = 1L;
    private final boolean refused;

    FetchException(boolean refused, String message) {
      super(message);
      this.refused = refused;
    }

    /** @return true when the URL was refused (a caller mistake), false when the site failed */
    public boolean refused() {
      return refused;
    }
  }

  /**
   * A fetched page.
   *
   * @param url the URL it was read from (after redirects)
   * @param html whether it is HTML
   * @param body the text
   */
  public record Page(URI url, boolean html, String body) {}

  private final Policy policy;
  private final HttpClient client;

  /**
   * @param policy what the fetcher may do
   */
  public PageFetcher(Policy policy) {
    this.policy = policy;
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(new org.eclipse.jetty.util.ssl.SslContextFactory.Client());
    this.client = new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector));
    org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(16, 1);
    pool.setName("altocv-fetch");
    pool.setDaemon(true);
    client.setExecutor(pool);
    client.setFollowRedirects(false);
    client.setConnectTimeout(policy.timeout().toMillis());
    client.setIdleTimeout(policy.timeout().toMillis());
    client.setMaxResponseHeadersSize(16 * 1024);
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "AltoCV job-posting reader"));
    client.setSocketAddressResolver(new CheckingResolver());
    client.getContentDecoderFactories().clear();
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the HTTP client", e);
    }
  }

  /**
   * Fetches a page.
   *
   * @param url the URL a person gave
   * @return the page
   * @throws FetchException when the URL is refused ({@link FetchException#refused()}) or the site fails
   */
  public Page fetch(String url) {
    URI uri = check(url);
    long deadline = System.nanoTime() + policy.timeout().toNanos();
    for (int hop = 0; ; hop++) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new FetchException(false, "the page took longer than " + policy.timeout().toSeconds() + " s to load");
      }
      Request request = client.newRequest(uri).timeout(left, TimeUnit.NANOSECONDS)
          .headers(h -> h.put(HttpHeader.ACCEPT, "text/html, application/xhtml+xml, text/plain;q=0.9")
              .put(HttpHeader.ACCEPT_ENCODING, "identity"));
      ContentResponse response;
      try {
        response = new CompletableResponseListener(request, policy.maxBytes()).send()
            .get(left + 1_000_000_000L, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException(false, "the page could not be loaded: interrupted");
      } catch (TimeoutException e) {
        throw new FetchException(false, "the page took longer than " + policy.timeout().toSeconds() + " s to load");
      } catch (ExecutionException e) {
        throw failure(e.getCause() == null ? e : e.getCause());
      }
      int status = response.getStatus();
      if (status >= 300 && status < 400 && response.getHeaders().get(HttpHeader.LOCATION) != null) {
        if (hop >= policy.maxRedirects()) {
          throw new FetchException(false, "the page redirected more than " + policy.maxRedirects() + " times");
        }
        uri = check(uri.resolve(response.getHeaders().get(HttpHeader.LOCATION).strip()).toString());
        continue;
      }
      if (status != 200) {
        throw new FetchException(false, "the site answered HTTP " + status + " for " + display(uri));
      }
      String type = response.getMediaType() == null ? "" : response.getMediaType().toLowerCase(Locale.ROOT);
      boolean html = type.equals("text/html") || type.equals("application/xhtml+xml");
      if (!html && !type.equals("text/plain")) {
        throw new FetchException(false, "the page is not a web page or text (it is " + (type.isEmpty() ? "of no "
            + "stated type" : type) + "): copy the posting's text and paste it instead");
      }
      Charset cs = StandardCharsets.UTF_8;
      try {
        if (response.getEncoding() != null) {
          cs = Charset.forName(response.getEncoding());
        }
      } catch (IllegalArgumentException e) {
        cs = StandardCharsets.UTF_8;
      }
      return new Page(uri, html, new String(response.getContent(), cs));
    }
  }

  private FetchException failure(Throwable t) {
    if (t instanceof FetchException f) {
      return f;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FetchException f) {
        return f;
      }
      String m = String.valueOf(c.getMessage());
      if (m.contains("Buffering capacity") || m.contains("exceeded")) {
        return new FetchException(false, "the page is larger than " + policy.maxBytes() / 1024 + " KB");
      }
      if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException) {
        return new FetchException(false, "the page took longer than " + policy.timeout().toSeconds()
            + " s to load");
      }
      if (c instanceof UnknownHostException) {
        return new FetchException(false, "the site's name could not be found: " + c.getMessage());
      }
      if (c instanceof javax.net.ssl.SSLException) {
        return new FetchException(false, "the site's secure connection could not be checked ("
            + c.getClass().getSimpleName() + ")");
      }
    }
    return new FetchException(false, "the page could not be loaded (" + t.getClass().getSimpleName() + ")");
  }

  /**
   * Checks a URL's form: http or https, a host, no user information.
   *
   * @param url the URL
   * @return the URI
   * @throws FetchException when refused
   */
  static URI check(String url) {
    String u = url.strip();
    if (u.length() > 2000) {
      throw new FetchException(true, "the URL is longer than 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new FetchException(true, "'" + u + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(true, "only http and https URLs can be read, not '" + (scheme.isEmpty() ? u : scheme
          + ":'"));
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(true, "a URL with a user name or password is not read");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(true, "the URL has no host name");
    }
    return uri;
  }

  private static String display(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
  }

  /** Resolves and checks every address before Jetty may connect to any. */
  private final class CheckingResolver implements SocketAddressResolver {
    @Override
    public void resolve(String host, int port, Map<String, Object> context,
        Promise<List<InetSocketAddress>> promise) {
      try {
        promise.succeeded(addresses(host, port));
      } catch (FetchException | UnknownHostException e) {
        promise.failed(e);
      }
    }
  }

  /**
   * The addresses a host may be reached at: all of them checked.
   *
   * @param host a host name or address literal
   * @param port the port
   * @return the addresses
   * @throws FetchException when any address is refused
   * @throws UnknownHostException when the host has no address
   */
  List<InetSocketAddress> addresses(String host, int port) throws UnknownHostException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<InetAddress> found;
    InetAddress literal = literal(h);
    if (literal != null) {
      found = List.of(literal);
    } else {
      found = policy.resolver().resolve(h);
      if (found.isEmpty()) {
        throw new UnknownHostException(h);
      }
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetAddress a : found) {
      InetSocketAddress sa = new InetSocketAddress(a, port);
      String why = refusal(a);
      if (why != null && !policy.allow().test(sa)) {
        throw new FetchException(true, (literal != null ? "the URL's address " + h + " is " + why
            : "the URL's host " + h + " is at " + a.getHostAddress() + ", " + why)
            + ": only public web pages can be read");
      }
      out.add(sa);
    }
    return out;
  }

  /**
   * An IP address literal without any lookup, or null when the text is a host name.
   *
   * @param h the host
   * @return the address, or null
   */
  static @Nullable InetAddress literal(String h) {
    boolean v4 = h.matches("[0-9.]+") && !h.isEmpty();
    boolean v6 = h.contains(":");
    boolean numericOther = h.matches("(?i)(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*");
    if (!v4 && !v6 && !numericOther) {
      return null;
    }
    if (!h.matches("(?i)[0-9a-f:.%a-z_-]+")) {
      throw new FetchException(true, "'" + h + "' is not a valid host");
    }
    if (!v6 && !h.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
      // 0x7f.1, 2130706433, 127.1 and octal forms: some resolvers read them as loopback
      throw new FetchException(true, "'" + h + "' is not a plain dotted IPv4 address; write the address as "
          + "four decimal numbers or use the site's name");
    }
    try {
      return InetAddress.getByName(h); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      throw new FetchException(true, "'" + h + "' is not a valid address");
    }
  }

  /**
   * Why an address may not be fetched from, or null when it is a public unicast address.
   *
   * @param a the address
   * @return the reason, or null
   */
  static @Nullable String refusal(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return refusal4(b);
    }
    if (a instanceof Inet6Address) {
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= b[i] == 0;
      }
      if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        String r = refusal4(slice(b, 12));
        return r == null ? null : r + " (IPv4-mapped)";
      }
      if (zeroPrefix && b[10] == 0 && b[11] == 0) {
        boolean upperZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
        if (upperZero && (b[15] == 0 || b[15] == 1)) {
          return b[15] == 0 ? "the unspecified address" : "a loopback address";
        }
        String r = refusal4(slice(b, 12));
        return r == null ? "an IPv4-compatible address (deprecated)" : r + " (IPv4-compatible)";
      }
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0xff) {
        return "a multicast address";
      }
      if ((first & 0xfe) == 0xfc) {
        return "a private (unique local) address";
      }
      if (first == 0xfe && (second & 0xc0) == 0x80) {
        return "a link-local address";
      }
      if (first == 0xfe && (second & 0xc0) == 0xc0) {
        return "a private (site-local) address";
      }
      if (first == 0x00 && second == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
        String r = refusal4(slice(b, 12));
        return r == null ? null : r + " (NAT64)";
      }
      if (first == 0x20 && second == 0x02) {
        byte[] v4 = {b[2], b[3], b[4], b[5]};
        String r = refusal4(v4);
        return r == null ? null : r + " (6to4)";
      }
      if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
        return "a Teredo tunnel address";
      }
      if (first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
        return "a documentation address";
      }
      if (first == 0x01 && second == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0
          && b[7] == 0) {
        return "a discard-only address";
      }
      if (first == 0 || (first & 0xe0) != 0x20) {
        return "a reserved address (not global unicast)";
      }
      return null;
    }
    return "not an IP address";
  }

  private static byte[] slice(byte[] b, int from) {
    return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
  }

  private static @Nullable String refusal4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return "the unspecified network (0.0.0.0/8)";
    }
    if (a0 == 127) {
      return "a loopback address";
    }
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
      return "a private address";
    }
    if (a0 == 169 && a1 == 254) {
      return "a link-local address";
    }
    if (a0 == 100 && a1 >= 64 && a1 <= 127) {
      return "a carrier-grade NAT address";
    }
    if (a0 >= 224 && a0 <= 239) {
      return "a multicast address";
    }
    if (a0 >= 240) {
      return a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255 ? "the broadcast address"
          : "a reserved address";
    }
    if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
      return a2 == 0 ? "a protocol-assignment address" : "a documentation address";
    }
    if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
      return "a documentation address";
    }
    if (a0 == 198 && (a1 == 18 || a1 == 19)) {
      return "a benchmarking address";
    }
    return null;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // stopping: nothing to do
    }
  }
}
