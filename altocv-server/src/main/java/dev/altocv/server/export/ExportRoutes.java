package dev.altocv.server.export;

import dev.altocv.server.config.RateLimits;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.jobs.JobRoutes;
import dev.altocv.server.jobs.Jobs;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Idempotency;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/cvs/{id}/exports} (a job) and {@code GET /files/{id}} (the signed download). */
public final class ExportRoutes {
  private final ExportService exports;
  private final Jobs jobs;
  private final Auth auth;
  private final Idempotency idempotency;
  private final RateLimiter limiter;
  private final RateLimits.Rate rate;

  /**
   * @param exports the service
   * @param jobs the queue
   * @param auth sessions
   * @param idempotency Idempotency-Key
   * @param limiter rate limits
   * @param rate the export allowance
   */
  public ExportRoutes(ExportService exports, Jobs jobs, Auth auth, Idempotency idempotency, RateLimiter limiter,
      RateLimits.Rate rate) {
    this.exports = exports;
    this.jobs = jobs;
    this.auth = auth;
    this.idempotency = idempotency;
    this.limiter = limiter;
    this.rate = rate;
  }

  record ExportBody(@Nullable String format) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.post("/api/v1/cvs/{id}/exports", this::start);
    r.get("/files/{fileId}", this::download);
  }

  private void start(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cv = CvRoutes.id(ctx);
    ExportBody body = Jsons.body(ctx, ExportBody.class);
    if (body.format() == null) {
      throw ApiException.validation("'format' is required: one of " + String.join(", ", exports.formats()),
          Map.of("field", "format"));
    }
    idempotency.run(ctx, user, () -> {
      limiter.check("export:" + user, rate, "exports");
      UUID job = exports.start(user, cv, body.format());
      Jobs.JobView view = jobs.get(user, job).orElseThrow();
      return Idempotency.json(202, JobRoutes.view(view, exports), Map.of("Location", "/api/v1/jobs/" + job));
    });
  }

  private void download(Context ctx) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("fileId"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("file");
    }
    ExportService.Download d = exports.open(id, ctx.queryParam("expires"), ctx.queryParam("sig"));
    ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName().replace("\"", "")
        + "\"; filename*=UTF-8''" + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType(d.contentType());
    ctx.result(d.bytes());
  }
}
