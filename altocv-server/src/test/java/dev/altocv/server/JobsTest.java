package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.server.jobs.JobFailedException;
import dev.altocv.server.jobs.Jobs;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobsTest {
  static final AtomicInteger flakyRuns = new AtomicInteger();
  static final AtomicInteger resumedRuns = new AtomicInteger();
  static TestServer server;

  @BeforeAll
  static void start() {
    List<Jobs.Type> types = List.of(
        new Jobs.Type("always-fails", 2, ctx -> {
          throw new IllegalStateException("boom");
        }),
        new Jobs.Type("fails-permanently", 3, ctx -> {
          throw new JobFailedException("the input cannot be read");
        }),
        new Jobs.Type("flaky", 3, ctx -> {
          if (flakyRuns.incrementAndGet() == 1) {
            throw new IllegalStateException("first attempt fails");
          }
          return Map.of("ok", true);
        }),
        new Jobs.Type("resumable", 3, ctx -> {
          resumedRuns.incrementAndGet();
          ctx.progress(50, "half-way");
          return Map.of("attempt", ctx.attempt());
        }));
    server = TestServer.start(Map.of(), types, true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode awaitJob(Http u, String jobId) throws InterruptedException {
    Instant end = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(end)) {
      JsonNode job = u.get("/api/v1/jobs/" + jobId).json();
      String status = job.path("status").asText();
      if (status.equals("succeeded") || status.equals("failed")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not finish: " + u.get("/api/v1/jobs/" + jobId).body());
  }

  private static UUID enqueue(UUID user, String type, long cost) {
    UUID id = server.services.jdbi.inTransaction(h -> server.services.jobs.enqueue(h, user, null, type, Map.of(),
        cost, type));
    server.services.jobs.poke();
    return id;
  }

  @Test
  void exportRunsAsAJobStreamsProgressAndDownloadsThroughASignedLink() throws Exception {
    Http u = server.user("export@example.com");
    String cv = u.post("/api/v1/cvs", "{\"title\":\"My CV\",\"content\":{\"basics\":{\"name\":\"Ada\"}}}")
        .json().path("id").asText();
    Http.Res started = u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"json-resume\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String jobId = started.json().path("id").asText();
    assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/" + jobId);

    // the event stream, read as a browser's fetch would
    HttpClient sse = HttpClient.newBuilder().cookieHandler(u.cookies()).build();
    HttpResponse<java.io.InputStream> stream = sse.send(HttpRequest.newBuilder(
        URI.create(server.base() + "/api/v1/jobs/" + jobId + "/events")).header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> events = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("event:")) {
          events.add(line.substring(6).strip());
        }
      }
    }
    assertThat(events).startsWith("queued").contains("started", "progress").endsWith("done");

    JsonNode job = awaitJob(u, jobId);
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("result").path("format").asText()).isEqualTo("json-resume");
    String link = job.path("downloadUrl").asText();
    assertThat(link).startsWith("/files/").contains("sig=");
    Http stranger = server.client();
    Http.Res file = stranger.get(link);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Disposition")).contains("My-CV.resume.json");
    assertThat(file.body()).contains("\"name\" : \"Ada\"").doesNotContain("\"altocv\"");
    assertThat(stranger.get(link.replaceFirst("sig=[^&]+", "sig=forged")).status()).isEqualTo(403);
    // JSON exports are free
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(45);
    server.clock.advance(Duration.ofMinutes(16));
    Http.Res expired = stranger.get(link);
    assertThat(expired.status()).isEqualTo(403);
    assertThat(expired.json().path("error").path("message").asText()).contains("expired");

    assertThat(u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"odt\"}").json().path("error")
        .path("message").asText()).contains("pdf, docx, txt, html, altocv, json-resume");
    assertThat(server.user("nosy@example.com").get("/api/v1/jobs/" + jobId).status()).isEqualTo(404);
  }

  @Test
  void aJobThatKeepsFailingIsRefundedOnItsLastAttempt() throws Exception {
    Http u = server.user("refund-job@example.com");
    UUID user = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    String jobId = enqueue(user, "always-fails", 10).toString();
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(40);
    JsonNode job = awaitJob(u, jobId);
    assertThat(job.path("status").asText()).isEqualTo("failed");
    assertThat(job.path("attempts").asInt()).isEqualTo(2);
    assertThat(job.path("error").asText()).contains("IllegalStateException");
    JsonNode credits = u.get("/api/v1/credits").json();
    assertThat(credits.path("balance").asLong()).isEqualTo(50);
    assertThat(credits.path("ledger").path(0).path("kind").asText()).isEqualTo("refund");
    List<String> types = server.services.jobs.events(UUID.fromString(jobId), 0).stream().map(Jobs.Event::type)
        .toList();
    assertThat(types).contains("retrying").endsWith("failed");

    String permanent = enqueue(user, "fails-permanently", 3).toString();
    JsonNode p = awaitJob(u, permanent);
    assertThat(p.path("attempts").asInt()).isEqualTo(1);
    assertThat(p.path("error").asText()).isEqualTo("the input cannot be read");
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(50);
  }

  @Test
  void aFailedAttemptIsRetried() throws Exception {
    Http u = server.user("flaky@example.com");
    UUID user = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    JsonNode job = awaitJob(u, enqueue(user, "flaky", 2).toString());
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("attempts").asInt()).isEqualTo(2);
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(48);
  }

  @Test
  void aJobWhoseNodeDiedIsRevivedAndFinishes() throws Exception {
    Http u = server.user("dead-node@example.com");
    UUID user = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    // what a node killed mid-job leaves behind: the job running, its queue entry picked by a node whose
    // heartbeat stopped long ago
    UUID jobId = server.services.jdbi.inTransaction(h -> {
      UUID id = server.services.jobs.enqueue(h, user, null, "resumable", Map.of(), 0, "resumable");
      Instant longAgo = server.clock.instant().minus(Duration.ofHours(1));
      h.createUpdate("update jobs set status = 'running', attempts = 1 where id = :id").bind("id", id).execute();
      h.createUpdate("update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = :t, "
              + "execution_time = :t where task_instance = :id")
          .bind("t", longAgo).bind("id", id.toString()).execute();
      return id;
    });
    JsonNode job = awaitJob(u, jobId.toString());
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("attempts").asInt()).isEqualTo(2);
    assertThat(job.path("result").path("attempt").asInt()).isEqualTo(2);
    assertThat(resumedRuns.get()).isEqualTo(1);
  }

  @Test
  void aJobWhoseLastAttemptDiedFailsWithARefund() throws Exception {
    Http u = server.user("dead-last@example.com");
    UUID user = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    UUID jobId = server.services.jdbi.inTransaction(h -> {
      UUID id = server.services.jobs.enqueue(h, user, null, "resumable", Map.of(), 4, "resumable");
      Instant longAgo = server.clock.instant().minus(Duration.ofHours(1));
      h.createUpdate("update jobs set status = 'running', attempts = 3 where id = :id").bind("id", id).execute();
      h.createUpdate("update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = :t, "
              + "execution_time = :t where task_instance = :id")
          .bind("t", longAgo).bind("id", id.toString()).execute();
      return id;
    });
    JsonNode job = awaitJob(u, jobId.toString());
    assertThat(job.path("status").asText()).isEqualTo("failed");
    assertThat(job.path("error").asText()).contains("stopped 3 times");
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(50);
  }
}
