package dev.altocv.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.server.export.ExportService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Jsons;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/jobs/{id}} and {@code GET /api/v1/jobs/{id}/events}: progress as Server-Sent Events
 * (events queued, started, progress, retrying, done, failed; each with an id, so a reconnect with
 * {@code Last-Event-ID} resumes where it stopped). Events are read from the database, so the job may run on any
 * node.
 */
public final class JobRoutes {
  /** A stream ends after this long even if the job has not finished (the client reconnects). */
  static final Duration MAX_STREAM = Duration.ofMinutes(5);
  private static final long POLL_MS = 200;

  private final Jobs jobs;
  private final Auth auth;
  private final ExportService exports;
  private volatile boolean stopping;

  /**
   * @param jobs the queue
   * @param auth sessions
   * @param exports signs download links of export results
   */
  public JobRoutes(Jobs jobs, Auth auth, ExportService exports) {
    this.jobs = jobs;
    this.auth = auth;
    this.exports = exports;
  }

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/api/v1/jobs/{id}", ctx -> ctx.json(view(find(ctx), exports)));
    r.get("/api/v1/jobs/{id}/events", ctx -> {
      Jobs.JobView job = find(ctx);
      if (ctx.header("Accept") == null || !ctx.header("Accept").contains("text/event-stream")) {
        throw new ApiException(406, "not_acceptable", "this is an event stream: send Accept: text/event-stream",
            Map.of());
      }
      long after = lastEventId(ctx);
      new SseHandler(client -> stream(client, job.id(), after)).handle(ctx);
    });
  }

  /** Ends open streams (at shutdown): each sends what it has and closes. */
  public void stop() {
    stopping = true;
  }

  private Jobs.JobView find(Context ctx) {
    UUID user = auth.userId(ctx);
    try {
      return jobs.get(user, UUID.fromString(ctx.pathParam("id"))).orElseThrow(() -> ApiException.notFound("job"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("job");
    }
  }

  private static long lastEventId(Context ctx) {
    String h = ctx.header("Last-Event-ID");
    try {
      return h == null ? 0 : Long.parseLong(h.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void stream(SseClient client, UUID jobId, long after) {
    long last = after;
    Instant end = Instant.now().plus(MAX_STREAM);
    try {
      while (!client.terminated() && Instant.now().isBefore(end)) {
        List<Jobs.Event> events = jobs.events(jobId, last);
        boolean finished = false;
        for (Jobs.Event e : events) {
          client.sendEvent(e.type(), Jsons.write(e.data()), String.valueOf(e.id()));
          last = e.id();
          finished |= e.type().equals("done") || e.type().equals("failed");
        }
        if (finished || stopping) {
          break;
        }
        Thread.sleep(POLL_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.close();
    }
  }

  /**
   * A job as JSON, with a fresh download link when the result is a file.
   *
   * @param job the job
   * @param exports signs links
   * @return the JSON view
   */
  public static Map<String, Object> view(Jobs.JobView job, ExportService exports) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id());
    m.put("type", job.type());
    if (job.cvId() != null) {
      m.put("cvId", job.cvId());
    }
    m.put("status", job.status());
    m.put("progress", job.progress());
    m.put("attempts", job.attempts());
    m.put("cost", job.cost());
    JsonNode result = job.result();
    if (result != null) {
      m.put("result", result);
      if (result.hasNonNull("fileId")) {
        m.put("downloadUrl", exports.link(UUID.fromString(result.path("fileId").asText())));
      }
    }
    if (job.error() != null) {
      m.put("error", job.error());
    }
    m.put("createdAt", job.createdAt());
    m.put("updatedAt", job.updatedAt());
    if (job.finishedAt() != null) {
      m.put("finishedAt", job.finishedAt());
    }
    m.put("events", "/api/v1/jobs/" + job.id() + "/events");
    return m;
  }
}
