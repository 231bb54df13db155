package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OperationsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("ALTOCV_RATE_EXPORT", "2/m", "ALTOCV_RATE_SIGNUP", "50/h",
        "ALTOCV_METRICS_TOKEN", "metrics-token", "ALTOCV_SAMPLE_CV", "true"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthReportsTheDatabaseAndVersion() {
    Http c = server.client();
    Http.Res h = c.get("/api/health");
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.json().path("status").asText()).isEqualTo("up");
    assertThat(h.json().path("database").path("status").asText()).isEqualTo("up");
    assertThat(h.json().has("version")).isTrue();
    assertThat(c.get("/api/health/live").status()).isEqualTo(200);
    assertThat(c.get("/api/health/ready").status()).isEqualTo(200);
  }

  @Test
  void metricsArePrometheusTextBehindTheToken() {
    Http c = server.client();
    c.get("/api/health");
    assertThat(c.get("/metrics").status()).isEqualTo(401);
    Http.Res m = c.get("/metrics", "Authorization", "Bearer metrics-token");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/health\"")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void everyResponseCarriesSecurityHeadersAndARequestId() {
    Http.Res r = server.client().get("/signin");
    assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.header("Strict-Transport-Security")).as("http: no HSTS").isNull();
    assertThat(r.header("X-Request-Id")).isNotBlank();
    Http.Res err = server.client().get("/api/v1/cvs");
    assertThat(err.header("Content-Security-Policy")).isNotNull();
    assertThat(server.client().get("/no/such/page").code()).isEqualTo("not_found");
  }

  @Test
  void exportsAreRateLimitedWithRetryAfter() {
    Http u = server.user("limited@example.com");
    String cv = u.get("/api/v1/cvs").json().path("cvs").path(0).path("id").asText();
    assertThat(u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"altocv\"}").status()).isEqualTo(202);
    assertThat(u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"altocv\"}").status()).isEqualTo(202);
    Http.Res r = u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"altocv\"}");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.code()).isEqualTo("rate_limited");
    assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
    // another user has an allowance of their own
    Http v = server.user("unlimited@example.com");
    String cv2 = v.get("/api/v1/cvs").json().path("cvs").path(0).path("id").asText();
    assertThat(v.post("/api/v1/cvs/" + cv2 + "/exports", "{\"format\":\"altocv\"}").status()).isEqualTo(202);
  }

  @Test
  void newAccountsGetTheSampleCv() {
    Http u = server.user("sample@example.com");
    assertThat(u.get("/api/v1/cvs").json().path("cvs").path(0).path("title").asText()).isEqualTo("Sample CV");
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(50);
  }

  @Test
  void signOutEverywhereEndsEverySession() {
    Http a = server.user("everywhere@example.com");
    Http b = server.user("everywhere@example.com");
    Http.Res r = a.postEmpty("/api/v1/session/revoke-all");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("revoked").asInt()).isEqualTo(2);
    assertThat(a.get("/api/v1/session").status()).isEqualTo(401);
    assertThat(b.get("/api/v1/session").status()).isEqualTo(401);
    Http c = server.user("everywhere@example.com");
    assertThat(c.delete("/api/v1/session").status()).isEqualTo(204);
    assertThat(c.get("/api/v1/session").status()).isEqualTo(401);
  }

  @Test
  void anIdleSessionEnds() {
    Http a = server.user("idle@example.com");
    assertThat(a.get("/api/v1/session").status()).isEqualTo(200);
    server.clock.advance(Duration.ofDays(8));
    assertThat(a.get("/api/v1/session").status()).isEqualTo(401);
  }

  @Test
  void deletingTheAccountRemovesEverythingItOwns() {
    Http u = server.user("leaving@example.com");
    String cv = u.get("/api/v1/cvs").json().path("cvs").path(0).path("id").asText();
    u.patch("/api/v1/cvs/" + cv, "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/basics/name\",\"value\":\"Leaving\"}]", "If-Match", "1");
    u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"altocv\"}");
    String userId = u.get("/api/v1/session").json().path("user").path("id").asText();
    assertThat(u.send("DELETE", "/api/v1/account", "application/json", "{\"confirmEmail\":\"wrong@example.com\"}")
        .status()).isEqualTo(400);
    Http.Res r = u.send("DELETE", "/api/v1/account", "application/json", "{\"confirmEmail\":\"leaving@example.com\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(u.get("/api/v1/session").status()).isEqualTo(401);
    for (String table : List.of("users", "cvs", "cv_versions", "cv_edits", "credit_transactions", "sessions",
        "jobs", "exported_files")) {
      String col = table.equals("users") ? "id" : table.startsWith("cv_") ? "cv_id" : "user_id";
      String key = table.startsWith("cv_") ? cv : userId;
      long n = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from " + table + " where "
          + col + " = cast(:k as uuid)").bind("k", key).mapTo(Long.class).one());
      assertThat(n).as(table).isZero();
    }
  }

  @Test
  void logsCarryIdsButNoPersonalData() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    ch.qos.logback.classic.Level before = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      Http u = server.user("private.person@example.com");
      String id = u.post("/api/v1/cvs", "{\"title\":\"Secret title\",\"content\":{\"basics\":{\"name\":"
          + "\"Very Private Name\"}}}").json().path("id").asText();
      u.patch("/api/v1/cvs/" + id, "application/json-patch+json",
          "[{\"op\":\"add\",\"path\":\"/basics/summary\",\"value\":\"confidential summary\"}]", "If-Match", "1");
      u.get("/api/v1/cvs/" + id);
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
    }
    List<ILoggingEvent> access = appender.list.stream()
        .filter(e -> e.getLoggerName().equals("dev.altocv.server.access")).toList();
    assertThat(access).hasSizeGreaterThanOrEqualTo(4);
    assertThat(access.get(access.size() - 1).getKeyValuePairs().toString()).contains("requestId")
        .contains("/api/v1/cvs/{id}");
    String all = appender.list.stream().map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs() + " "
        + e.getMDCPropertyMap()).reduce("", String::concat);
    assertThat(all).doesNotContain("private.person").doesNotContain("Very Private Name")
        .doesNotContain("confidential").doesNotContain("Secret title");
  }

  @Test
  void previewsOfUnsavedEditsAreLimitedPerUser() {
    try (TestServer limited = TestServer.start(Map.of("ALTOCV_RATE_PREVIEW", "2/m"))) {
      Http u = limited.user("previews@example.com");
      String id = u.post("/api/v1/cvs", "{\"title\":\"CV\"}").json().path("id").asText();
      String draft = "{\"content\":{\"basics\":{\"name\":\"Ada\"}}}";
      assertThat(u.post("/api/v1/cvs/" + id + "/preview", draft).status()).isEqualTo(200);
      assertThat(u.post("/api/v1/cvs/" + id + "/preview", draft).status()).isEqualTo(200);
      Http.Res third = u.post("/api/v1/cvs/" + id + "/preview", draft);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.code()).isEqualTo("rate_limited");
      assertThat(third.header("Retry-After")).isNotNull();
      // another user is not held back by the first one's previews
      Http other = limited.user("other-previews@example.com");
      String otherId = other.post("/api/v1/cvs", "{\"title\":\"CV\"}").json().path("id").asText();
      assertThat(other.post("/api/v1/cvs/" + otherId + "/preview", draft).status()).isEqualTo(200);
    }
  }

  @Test
  void signUpsAreLimitedPerClientAddressButSignInsAreNot() {
    try (TestServer limited = TestServer.start(Map.of("ALTOCV_RATE_SIGNUP", "2/h"))) {
      assertThat(limited.client().form("/auth/dev", Map.of("email", "one@example.com")).status()).isEqualTo(303);
      assertThat(limited.client().form("/auth/dev", Map.of("email", "two@example.com")).status()).isEqualTo(303);
      Http.Res third = limited.client().form("/auth/dev", Map.of("email", "three@example.com"));
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.code()).isEqualTo("rate_limited");
      assertThat(third.header("Retry-After")).isNotNull();
      assertThat(limited.client().form("/auth/dev", Map.of("email", "one@example.com")).status())
          .as("an existing account still signs in").isEqualTo(303);
    }
  }
}
