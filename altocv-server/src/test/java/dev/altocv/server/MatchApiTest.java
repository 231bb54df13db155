package dev.altocv.server;

import static dev.altocv.server.support.Fixtures.createCv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.altocv.server.match.Embeddings;
import dev.altocv.server.match.PageFetcher;
import dev.altocv.server.match.PostingService;
import dev.altocv.server.support.Fixtures;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Job matching over HTTP: a pasted posting, a posting's page fetched by URL (this test's own page server, allowed
 * by an explicit rule; every other address is resolved by an injected resolver and never contacted), the
 * postings and matches stored, semantic matching once the local embedding model is loaded.
 */
class MatchApiTest {
  static final String POSTING = """
      Senior Backend Engineer
      Klarfeld Payments - Stockholm

      Requirements:
      - 5+ years of experience with Java or Kotlin
      - PostgreSQL and Kubernetes
      - Apache Kafka

      Nice to have:
      - Terraform
      """;

  static HttpServer site;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext("/jobs/42", ex -> {
      byte[] b = ("<html><head><title>Job</title><script>alert(1)</script></head><body><h1>Senior Backend "
          + "Engineer</h1><p>Klarfeld Payments</p><h2>Requirements</h2><ul><li>5+ years of Java</li>"
          + "<li>PostgreSQL</li><li>Kubernetes</li></ul></body></html>").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    site.start();
    int port = site.getAddress().getPort();
    PageFetcher.Resolver dns = host -> switch (host) {
      case "careers.example" -> List.of(InetAddress.getByName("127.0.0.1"));
      case "intranet.example" -> List.of(InetAddress.getByName("10.20.30.40"));
      default -> throw new UnknownHostException(host);
    };
    PageFetcher.Policy policy = PageFetcher.Policy.DEFAULT.withResolver(dns)
        .withAllow(a -> a.getAddress().isLoopbackAddress() && a.getPort() == port);
    server = TestServer.withOptions(Map.of("ALTOCV_SEMANTIC_MATCH", "true", "ALTOCV_RATE_FETCH", "10/m",
        "ALTOCV_RATE_MATCH", "15/m"),
        o -> o.withFetchPolicy(policy));
  }

  @AfterAll
  static void stop() {
    server.close();
    site.stop(0);
  }

  @Test
  void aPastedPostingIsMatchedStoredAndSemanticOnceTheModelIsLoaded() {
    assertThat(server.services.embeddings.await(Duration.ofSeconds(60))).isTrue();
    assertThat(server.services.embeddings.state()).isEqualTo("ready");
    Http u = server.user("match@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = Fixtures.balance(u);
    Http.Res r = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("text", POSTING)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode m = r.json();
    for (String f : List.of("overall", "skills", "experience", "education", "summary")) {
      assertThat(m.path(f).asInt()).as(f).isBetween(0, 100);
    }
    assertThat(m.path("semantic").asBoolean()).isTrue();
    assertThat(m.path("matchedKeywords").findValuesAsText("keyword")).contains("PostgreSQL", "Kubernetes");
    assertThat(m.path("missingKeywords").findValuesAsText("keyword")).contains("Apache Kafka");
    assertThat(m.path("version").asLong()).isEqualTo(1);
    assertThat(m.path("posting").path("title").asText()).isEqualTo("Senior Backend Engineer");
    UUID posting = UUID.fromString(m.path("postingId").asText());
    assertThat(Fixtures.balance(u)).isEqualTo(before);
    Long stored = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from job_matches m join "
        + "job_postings p on p.id = m.posting_id where p.id = :p and m.cv_id = :cv and m.cv_version = 1")
        .bind("p", posting).bind("cv", UUID.fromString(cv)).mapTo(Long.class).one());
    assertThat(stored).isEqualTo(1);

    // with the model off, the same match is lexical
    PostingService lexical = new PostingService(server.services.jdbi, server.clock, new Embeddings(null));
    UUID user = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    JsonNode plain = lexical.match(user, server.services.cvs.get(user, UUID.fromString(cv)).cv(), null,
        PostingService.parse(POSTING, false));
    assertThat(plain.path("semantic").asBoolean()).isFalse();
  }

  @Test
  void aPostingIsFetchedByUrlAndInternalAddressesAreRefused() {
    Http u = server.user("match-url@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    String url = "http://careers.example:" + site.getAddress().getPort() + "/jobs/42";
    Http.Res r = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("url", url)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("posting").path("url").asText()).isEqualTo(url);
    assertThat(r.json().path("matchedKeywords").findValuesAsText("keyword")).contains("PostgreSQL");

    for (String bad : List.of("http://127.0.0.1/", "http://10.0.0.8/jobs", "http://169.254.169.254/latest/",
        "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://intranet.example/job", "file:///etc/passwd")) {
      Http.Res refused = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("url", bad)));
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().path("error").path("details").path("field").asText()).isEqualTo("url");
    }
    Http.Res unknown = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("url", "http://gone.example/")));
    assertThat(unknown.status()).isEqualTo(502);
    assertThat(unknown.code()).isEqualTo("fetch_failed");
    // ten fetches a minute (this test's setting): nine so far, so the next is the last one allowed
    Http.Res limited = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("url", url)));
    if (limited.status() == 200) { // keep going until the window is used up (it may have turned over)
      for (int i = 0; i < 10 && limited.status() == 200; i++) {
        limited = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("url", url)));
      }
    }
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    // pasted text has its own, higher limit
    assertThat(u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("text", POSTING))).status())
        .isEqualTo(200);
  }

  @Test
  void matchesAreRateLimitedPerUser() {
    Http u = server.user("match-rate@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    Http.Res r = null;
    for (int i = 0; i < 40; i++) {
      r = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("text", POSTING)));
      if (r.status() != 200) {
        break;
      }
    }
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.code()).isEqualTo("rate_limited");
    assertThat(r.header("Retry-After")).isNotNull();
    // another person is not affected
    Http other = server.user("match-rate-2@example.com");
    assertThat(other.post("/api/v1/cvs/" + createCv(other, Fixtures.sampleResume()) + "/match",
        Fixtures.json(Map.of("text", POSTING))).status()).isEqualTo(200);
  }

  @Test
  void badInputAndOtherPeoplesCvs() {
    Http u = server.user("match-bad@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    String path = "/api/v1/cvs/" + cv + "/match";
    assertThat(u.post(path, "{\"text\":").status()).isEqualTo(400);
    assertThat(u.post(path, "{}").json().path("error").path("message").asText()).contains("one of the two");
    assertThat(u.post(path, Fixtures.json(Map.of("text", POSTING, "url", "http://careers.example/"))).status())
        .isEqualTo(400);
    assertThat(u.post(path, Fixtures.json(Map.of("text", " "))).status()).isEqualTo(400);
    assertThat(u.post(path, Fixtures.json(Map.of("text", "x".repeat(60_000)))).status()).isEqualTo(400);
    assertThat(u.send("POST", path, "text/plain", POSTING).status()).isEqualTo(415);
    assertThat(server.user("match-other@example.com").post(path, Fixtures.json(Map.of("text", POSTING))).status())
        .isEqualTo(404);
    // this server has no AI provider: tailoring says so, and charges nothing
    long before = Fixtures.balance(u);
    Http.Res tailor = u.post("/api/v1/cvs/" + cv + "/tailor", Fixtures.json(Map.of("text", POSTING)),
        "Accept", "text/event-stream");
    assertThat(tailor.status()).isEqualTo(503);
    assertThat(tailor.code()).isEqualTo("ai_unavailable");
    assertThat(Fixtures.balance(u)).isEqualTo(before);
  }
}
