package dev.altocv.server;

import static dev.altocv.server.support.Fixtures.balance;
import static dev.altocv.server.support.Fixtures.createCv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.server.support.Fixtures;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ATS analysis and one-click fixes over HTTP, on PostgreSQL. */
class AtsApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Spends the user's credits down to {@code leave}. */
  static void drain(Http u, long leave) {
    UUID id = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    long b = balance(u);
    if (b > leave) {
      server.services.credits.spend(id, b - leave, "test: drain", null);
    }
  }

  @Test
  void analysisAnswersTheCliJsonWithTheVersionAndCharges() {
    Http u = server.user("ats@example.com");
    String cv = createCv(u, Fixtures.resumeWithPronouns());
    long before = balance(u);
    Http.Res r = u.postEmpty("/api/v1/cvs/" + cv + "/ats");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.path("version").asLong()).isEqualTo(1);
    assertThat(report.path("score").asInt()).isBetween(1, 99);
    JsonNode pronoun = null;
    for (JsonNode rule : report.path("rules")) {
      assertThat(rule.has("id") && rule.has("category") && rule.has("severity") && rule.has("message")
          && rule.has("pointer") && rule.has("evidence") && rule.has("weight") && rule.has("effect")).isTrue();
      if (rule.path("id").asText().equals("content.pronouns") && pronoun == null) {
        pronoun = rule;
      }
    }
    assertThat(pronoun).isNotNull();
    assertThat(pronoun.path("fix").isArray()).isTrue();
    assertThat(pronoun.path("fix").path(0).path("op").asText()).isEqualTo("test");
    assertThat(balance(u)).isEqualTo(before - 10);

    // with a job posting the job.keywords rule joins
    Http.Res withJob = u.post("/api/v1/cvs/" + cv + "/ats", Fixtures.json(Map.of("job",
        "Senior Backend Engineer\nRequirements:\n- 5+ years of Java\n- Kubernetes and Apache Kafka\n- PostgreSQL")));
    assertThat(withJob.status()).as(withJob.body()).isEqualTo(200);
    assertThat(withJob.json().path("rules").findValuesAsText("id")).contains("job.keywords");
    assertThat(balance(u)).isEqualTo(before - 20);
  }

  @Test
  void aRepeatedIdempotencyKeyIsNotChargedTwice() {
    Http u = server.user("ats-idem@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = balance(u);
    Http.Res first = u.postEmpty("/api/v1/cvs/" + cv + "/ats", "Idempotency-Key", "k1");
    Http.Res again = u.postEmpty("/api/v1/cvs/" + cv + "/ats", "Idempotency-Key", "k1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(balance(u)).isEqualTo(before - 10);
  }

  @Test
  void badInputIsRefusedAndNothingIsCharged() {
    Http u = server.user("ats-bad@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = balance(u);
    Http.Res malformed = u.post("/api/v1/cvs/" + cv + "/ats", "{\"job\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("error").path("message").asText()).contains("line 1");
    assertThat(u.post("/api/v1/cvs/" + cv + "/ats", "{\"posting\":\"x\"}").code()).isEqualTo("validation_failed");
    assertThat(u.send("POST", "/api/v1/cvs/" + cv + "/ats", "text/plain", "job").status()).isEqualTo(415);
    Http.Res empty = u.post("/api/v1/cvs/" + cv + "/ats", "{\"job\":\"   \"}");
    assertThat(empty.status()).isEqualTo(400);
    Http.Res german = u.post("/api/v1/cvs/" + cv + "/ats", Fixtures.json(Map.of("job", "Wir suchen eine "
        + "erfahrene Entwicklerin für unser Team in Berlin. Sie haben Erfahrung mit Java und arbeiten gerne im "
        + "Team. Wir bieten Ihnen eine Stelle mit Verantwortung und der Möglichkeit, sich weiterzuentwickeln.")));
    assertThat(german.status()).isEqualTo(400);
    assertThat(german.json().path("error").path("message").asText()).contains("German");
    Http other = server.user("ats-other@example.com");
    assertThat(other.postEmpty("/api/v1/cvs/" + cv + "/ats").status()).isEqualTo(404);
    assertThat(other.post("/api/v1/cvs/" + cv + "/ats/fixes/content.pronouns", "{}", "If-Match", "1").status())
        .isEqualTo(404);
    assertThat(u.postEmpty("/api/v1/cvs/" + UUID.randomUUID() + "/ats").status()).isEqualTo(404);
    assertThat(balance(u)).isEqualTo(before);

    drain(u, 9);
    Http.Res poor = u.postEmpty("/api/v1/cvs/" + cv + "/ats");
    assertThat(poor.status()).isEqualTo(402);
    assertThat(poor.json().path("error").path("details").path("cost").asInt()).isEqualTo(10);
    assertThat(balance(u)).isEqualTo(9);
  }

  @Test
  void aFixIsANewUndoableVersionWithSourceAtsFix() {
    Http u = server.user("ats-fix@example.com");
    String cv = createCv(u, Fixtures.resumeWithPronouns());
    String fix = "/api/v1/cvs/" + cv + "/ats/fixes/content.pronouns";
    long before = balance(u);

    assertThat(u.post(fix, "{\"pointer\":\"/work/[id=w2]/highlights/0\"}").status()).isEqualTo(428);
    Http.Res ambiguous = u.post(fix, "{}", "If-Match", "1");
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.json().path("error").path("details").path("pointers")).hasSize(2);
    assertThat(u.post(fix, "{\"pointer\":\"/work/[id=w2]/highlights/0\"}", "If-Match", "7").code())
        .isEqualTo("version_conflict");
    assertThat(balance(u)).isEqualTo(before);

    Http.Res fixed = u.post(fix, "{\"pointer\":\"/work/[id=w2]/highlights/0\"}", "If-Match", "1");
    assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
    assertThat(fixed.header("ETag")).isEqualTo("\"2\"");
    assertThat(fixed.json().path("version").asLong()).isEqualTo(2);
    assertThat(fixed.json().path("canUndo").asBoolean()).isTrue();
    assertThat(fixed.json().path("content").path("work").path(1).path("highlights").path(0).asText())
        .isEqualTo("Built the route-planning service used by 300 drivers daily");
    assertThat(balance(u)).isEqualTo(before - 1);
    JsonNode latest = u.get("/api/v1/cvs/" + cv + "/versions").json().path("versions").path(0);
    assertThat(latest.path("source").asText()).isEqualTo("ats-fix");
    assertThat(latest.path("name").asText()).startsWith("ATS fix (content.pronouns)");

    // the same finding is gone: nothing to fix, nothing charged
    Http.Res again = u.post(fix, "{\"pointer\":\"/work/[id=w2]/highlights/0\"}", "If-Match", "2");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().path("error").path("message").asText()).contains("no finding");
    // one finding left: no pointer needed
    Http.Res second = u.post(fix, "", "If-Match", "2");
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().path("content").path("work").path(0).path("highlights").path(2).asText())
        .startsWith("Introduced contract tests");
    // a rule whose findings need a person
    Http.Res manual = u.post("/api/v1/cvs/" + cv + "/ats/fixes/content.action-verbs", "{}", "If-Match", "3");
    assertThat(manual.status()).isEqualTo(422);
    assertThat(manual.json().path("error").path("message").asText()).contains("no automatic fix");
    assertThat(u.post("/api/v1/cvs/" + cv + "/ats/fixes/no.such-rule", "{}", "If-Match", "3").status())
        .isEqualTo(404);
    assertThat(balance(u)).isEqualTo(before - 2);

    // undo takes the fix back
    Http.Res undone = u.postEmpty("/api/v1/cvs/" + cv + "/undo", "If-Match", "3");
    assertThat(undone.json().path("content").path("work").path(0).path("highlights").path(2).asText())
        .startsWith("I introduced contract tests");

    // not enough credits: 402 and the CV is unchanged
    drain(u, 0);
    Http.Res poor = u.post(fix, "", "If-Match", "4");
    assertThat(poor.status()).isEqualTo(402);
    assertThat(u.get("/api/v1/cvs/" + cv).json().path("version").asLong()).isEqualTo(4);
  }
}
