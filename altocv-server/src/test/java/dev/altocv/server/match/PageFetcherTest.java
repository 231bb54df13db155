package dev.altocv.server.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard of job-posting URLs. Refused addresses are refused before any connection: a canary socket on
 * 127.0.0.1 counts connection attempts and must see none. The only server ever connected to is this test's own,
 * allowed by an explicit rule for its port.
 */
class PageFetcherTest {
  static HttpServer site;
  static ServerSocket canary;
  static final AtomicInteger canaryHits = new AtomicInteger();
  static final List<String> resolved = new ArrayList<>();
  static PageFetcher fetcher;

  static final Map<String, List<String>> DNS = Map.of(
      "jobs.example", List.of("127.0.0.1"),
      "intranet.example", List.of("10.1.2.3"),
      "mixed.example", List.of("93.184.216.34", "192.168.1.20"),
      "metadata.example", List.of("169.254.169.254"),
      "v6.example", List.of("fd00::5"),
      "mapped.example", List.of("::ffff:10.0.0.7"));

  @BeforeAll
  static void start() throws IOException {
    canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!canary.isClosed()) {
        try {
          canary.accept().close();
          canaryHits.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext("/job", ex -> send(ex, 200, "text/html; charset=utf-8",
        "<html><body><h1>Backend Engineer</h1><ul><li>Java</li></ul></body></html>"));
    site.createContext("/hop", ex -> {
      ex.getResponseHeaders().add("Location", "/job");
      send(ex, 302, "text/plain", "");
    });
    site.createContext("/to-private", ex -> {
      ex.getResponseHeaders().add("Location", "http://10.0.0.1/admin");
      send(ex, 301, "text/plain", "");
    });
    site.createContext("/to-canary", ex -> {
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + canary.getLocalPort() + "/");
      send(ex, 302, "text/plain", "");
    });
    site.createContext("/loop", ex -> {
      ex.getResponseHeaders().add("Location", "/loop");
      send(ex, 302, "text/plain", "");
    });
    site.createContext("/big", ex -> send(ex, 200, "text/html", "x".repeat(300_000)));
    site.createContext("/pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.7"));
    site.createContext("/gone", ex -> send(ex, 404, "text/html", "no"));
    site.start();
    int port = site.getAddress().getPort();
    PageFetcher.Resolver resolver = host -> {
      resolved.add(host);
      List<String> ips = DNS.get(host);
      if (ips == null) {
        throw new UnknownHostException(host);
      }
      List<InetAddress> out = new ArrayList<>();
      for (String ip : ips) {
        out.add(InetAddress.getByName(ip));
      }
      return out;
    };
    fetcher = new PageFetcher(new PageFetcher.Policy(resolver,
        a -> a.getAddress().isLoopbackAddress() && a.getPort() == port, 100_000, Duration.ofSeconds(5), 3));
  }

  static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
    ex.close();
  }

  @AfterAll
  static void stop() throws IOException {
    fetcher.close();
    site.stop(0);
    canary.close();
  }

  String base() {
    return "http://jobs.example:" + site.getAddress().getPort();
  }

  @Test
  void readsAnAllowedPageAndFollowsCheckedRedirects() {
    PageFetcher.Page p = fetcher.fetch(base() + "/hop");
    assertThat(p.html()).isTrue();
    assertThat(p.body()).contains("Backend Engineer");
    assertThat(p.url().getPath()).isEqualTo("/job");
  }

  @Test
  void refusesInternalAddressesBeforeConnecting() {
    int port = canary.getLocalPort();
    for (String url : List.of("http://127.0.0.1:" + port + "/", "http://[::1]:" + port + "/",
        "http://[::ffff:127.0.0.1]:" + port + "/", "http://0.0.0.0:" + port + "/", "http://127.1:" + port + "/",
        "http://2130706433:" + port + "/", "http://0x7f.0.0.1:" + port + "/", "http://10.0.0.5/",
        "http://172.16.0.1/", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/", "http://224.0.0.1/", "http://[fe80::1]/", "http://[fd12::1]/", "http://[::]/",
        "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://intranet.example/",
        "http://mixed.example/", "http://metadata.example/", "http://v6.example/", "http://mapped.example/")) {
      assertThatThrownBy(() -> fetcher.fetch(url)).as(url)
          .isInstanceOfSatisfying(PageFetcher.FetchException.class, e -> assertThat(e.refused()).isTrue());
    }
    assertThatThrownBy(() -> fetcher.fetch(base() + "/to-canary"))
        .isInstanceOfSatisfying(PageFetcher.FetchException.class, e -> assertThat(e.refused()).isTrue());
    assertThatThrownBy(() -> fetcher.fetch(base() + "/to-private"))
        .hasMessageContaining("10.0.0.1").hasMessageContaining("private");
    assertThat(canaryHits.get()).isZero();
  }

  @Test
  void refusesOtherSchemesAndCredentials() {
    for (String url : List.of("file:///etc/passwd", "ftp://jobs.example/x", "gopher://jobs.example/",
        "http://user:pw@jobs.example/", "jobs.example/x", "http:///nohost")) {
      assertThatThrownBy(() -> fetcher.fetch(url)).as(url)
          .isInstanceOfSatisfying(PageFetcher.FetchException.class, e -> assertThat(e.refused()).isTrue());
    }
  }

  @Test
  void limitsSizeRedirectsTypeAndStatus() {
    assertThatThrownBy(() -> fetcher.fetch(base() + "/big")).hasMessageContaining("larger than");
    assertThatThrownBy(() -> fetcher.fetch(base() + "/loop")).hasMessageContaining("redirected more than 3");
    assertThatThrownBy(() -> fetcher.fetch(base() + "/pdf")).hasMessageContaining("application/pdf");
    assertThatThrownBy(() -> fetcher.fetch(base() + "/gone")).hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> fetcher.fetch("http://nowhere.example/"))
        .isInstanceOfSatisfying(PageFetcher.FetchException.class, e -> assertThat(e.refused()).isFalse());
  }

  @Test
  void publicAddressesPassTheRules() throws Exception {
    for (String ip : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "2a00:1450:4001::200e")) {
      assertThat(PageFetcher.refusal(InetAddress.getByName(ip))).as(ip).isNull();
    }
    for (String ip : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1",
        "100.100.100.100", "0.0.0.0", "255.255.255.255", "240.0.0.1", "::1", "::", "fc00::1", "fe80::1",
        "ff02::1", "2001:db8::1", "::ffff:192.168.1.1", "64:ff9b::7f00:1", "2002:0a00:0001::1", "2001::1")) {
      assertThat(PageFetcher.refusal(InetAddress.getByName(ip))).as(ip).isNotNull();
    }
  }
}
