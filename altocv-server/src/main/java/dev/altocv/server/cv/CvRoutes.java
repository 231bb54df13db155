package dev.altocv.server.cv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.ErrorHandling;
import dev.altocv.server.web.Idempotency;
import dev.altocv.server.web.Jsons;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The CV API under {@code /api/v1/cvs}: thin handlers that parse, authorise, call {@link CvService} and answer. */
public final class CvRoutes {
  private final CvService cvs;
  private final Auth auth;
  private final Idempotency idempotency;

  /**
   * @param cvs the service
   * @param auth sessions and CSRF
   * @param idempotency the Idempotency-Key store
   */
  public CvRoutes(CvService cvs, Auth auth, Idempotency idempotency) {
    this.cvs = cvs;
    this.auth = auth;
    this.idempotency = idempotency;
  }

  /** The body of {@code POST /api/v1/cvs}. */
  record CreateBody(@Nullable String title, @Nullable String templateId, @Nullable JsonNode content) {}

  /** The body of rename and duplicate. */
  record TitleBody(@Nullable String title) {}

  /** The body of a checkpoint. */
  record CheckpointBody(@Nullable String name) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/api/v1/cvs", this::list);
    r.post("/api/v1/cvs", this::create);
    r.get("/api/v1/cvs/{id}", this::get);
    r.patch("/api/v1/cvs/{id}", this::patch);
    r.delete("/api/v1/cvs/{id}", this::delete);
    r.post("/api/v1/cvs/{id}/restore", this::undelete);
    r.post("/api/v1/cvs/{id}/duplicate", this::duplicate);
    r.post("/api/v1/cvs/{id}/rename", this::rename);
    r.post("/api/v1/cvs/{id}/undo", ctx -> change(ctx, (u, id, v) -> cvs.undo(u, id, v)));
    r.post("/api/v1/cvs/{id}/redo", ctx -> change(ctx, (u, id, v) -> cvs.redo(u, id, v)));
    r.get("/api/v1/cvs/{id}/versions", this::versions);
    r.post("/api/v1/cvs/{id}/versions", this::checkpoint);
    r.get("/api/v1/cvs/{id}/versions/{n}", this::version);
    r.post("/api/v1/cvs/{id}/versions/{n}/restore",
        ctx -> change(ctx, (u, id, v) -> cvs.restoreVersion(u, id, longParam(ctx, "n"), v)));
    r.get("/api/v1/cvs/{id}/diff", this::diff);
  }

  private void list(Context ctx) {
    UUID user = auth.userId(ctx);
    boolean trash = "true".equals(ctx.queryParam("deleted"));
    List<CvJson> items = cvs.list(user, trash).stream().map(CvJson::summary).toList();
    ctx.json(Map.of("cvs", items));
  }

  private void create(Context ctx) {
    UUID user = auth.userId(ctx);
    CreateBody body = Jsons.body(ctx, CreateBody.class);
    if (body.title() == null) {
      throw ApiException.validation("'title' is required", Map.of("field", "title"));
    }
    if (body.content() != null && !body.content().isObject()) {
      throw ApiException.validation("'content' must be a JSON Resume or AltoCV document (a JSON object)",
          Map.of("field", "content"));
    }
    idempotency.run(ctx, user, () -> {
      CvRecord cv = cvs.create(user, body.title(), body.templateId(),
          body.content() == null ? null : body.content().toString(), true);
      return Idempotency.json(201, CvJson.created(cv), Map.of("Location", "/api/v1/cvs/" + cv.id(),
          "ETag", etag(cv.version())));
    });
  }

  private void get(Context ctx) {
    CvService.Loaded l = cvs.get(auth.userId(ctx), id(ctx));
    ctx.header("ETag", etag(l.cv().version()));
    ctx.header("Cache-Control", "no-store");
    ctx.json(CvJson.full(l));
  }

  private void patch(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID id = id(ctx);
    String media = Jsons.requireJson(ctx, "application/json-patch+json", "application/json");
    long expected = ifMatch(ctx);
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.validation("the request body is empty: send a JSON Patch array or an envelope");
    }
    String trimmed = body.stripLeading();
    if (media.equals("application/json-patch+json") && !trimmed.startsWith("[")) {
      throw ApiException.validation("application/json-patch+json is an RFC 6902 array of operations; send the "
          + "envelope {source, description, operations} as application/json");
    }
    if (media.equals("application/json") && !trimmed.startsWith("{")) {
      throw ApiException.validation("application/json is the envelope {source, description, operations}; send a "
          + "bare operation array as application/json-patch+json");
    }
    PatchEnvelope envelope;
    try {
      envelope = PatchEnvelope.fromJson(body);
    } catch (PatchRejectedException e) {
      ApiException rejected = ErrorHandling.rejected(e);
      throw new ApiException(400, ErrorCode.VALIDATION_FAILED, "the patch could not be read: " + e.getMessage(),
          rejected.details());
    }
    respond(ctx, cvs.patch(user, id, expected, envelope));
  }

  @FunctionalInterface
  private interface Change {
    CvService.Loaded apply(UUID user, UUID id, long expectedVersion);
  }

  private void change(Context ctx, Change change) {
    UUID user = auth.userId(ctx);
    UUID id = id(ctx);
    long expected = ifMatch(ctx);
    respond(ctx, change.apply(user, id, expected));
  }

  private void respond(Context ctx, CvService.Loaded l) {
    ctx.header("ETag", etag(l.cv().version()));
    ctx.json(CvJson.full(l));
  }

  private void delete(Context ctx) {
    cvs.delete(auth.userId(ctx), id(ctx));
    ctx.status(204);
  }

  private void undelete(Context ctx) {
    respond(ctx, cvs.undelete(auth.userId(ctx), id(ctx)));
  }

  private void duplicate(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID id = id(ctx);
    TitleBody body = ctx.body().isBlank() ? new TitleBody(null) : Jsons.body(ctx, TitleBody.class);
    idempotency.run(ctx, user, () -> {
      CvRecord copy = cvs.duplicate(user, id, body.title());
      return Idempotency.json(201, CvJson.created(copy), Map.of("Location", "/api/v1/cvs/" + copy.id(),
          "ETag", etag(copy.version())));
    });
  }

  private void rename(Context ctx) {
    UUID user = auth.userId(ctx);
    TitleBody body = Jsons.body(ctx, TitleBody.class);
    if (body.title() == null) {
      throw ApiException.validation("'title' is required", Map.of("field", "title"));
    }
    respond(ctx, cvs.rename(user, id(ctx), body.title()));
  }

  private void versions(Context ctx) {
    ctx.json(Map.of("versions", cvs.versions(auth.userId(ctx), id(ctx))));
  }

  private void checkpoint(Context ctx) {
    UUID user = auth.userId(ctx);
    CheckpointBody body = Jsons.body(ctx, CheckpointBody.class);
    if (body.name() == null) {
      throw ApiException.validation("'name' is required", Map.of("field", "name"));
    }
    ctx.status(201).json(cvs.checkpoint(user, id(ctx), body.name()));
  }

  private void version(Context ctx) {
    CvService.VersionContent v = cvs.version(auth.userId(ctx), id(ctx), longParam(ctx, "n"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", v.entry());
    out.put("content", Jsons.tree(v.content()));
    ctx.json(out);
  }

  private void diff(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID id = id(ctx);
    long from = queryLong(ctx, "from");
    long to = queryLong(ctx, "to");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from);
    out.put("to", to);
    out.put("operations", Jsons.tree(cvs.diff(user, id, from, to).toJson()));
    ctx.json(out);
  }

  /**
   * The CV id path parameter.
   *
   * @param ctx the request
   * @return the id
   * @throws ApiException 404 when it is not an id (it cannot name a CV)
   */
  public static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("CV");
    }
  }

  private static long longParam(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.validation("'" + name + "' must be a version number");
    }
  }

  private static long queryLong(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      throw ApiException.validation("query parameter '" + name + "' is required (a version number)");
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.validation("query parameter '" + name + "' must be a version number, not '" + v + "'");
    }
  }

  /**
   * The ETag of a version.
   *
   * @param version the version
   * @return {@code "7"}
   */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version in If-Match.
   *
   * @param ctx the request
   * @return the version
   * @throws ApiException 428 when missing, 400 when malformed
   */
  public static long ifMatch(Context ctx) {
    String h = ctx.header("If-Match");
    if (h == null || h.isBlank()) {
      throw new ApiException(428, ErrorCode.PRECONDITION_REQUIRED, "If-Match is required: send the version you "
          + "edited (the ETag of GET /api/v1/cvs/{id}), so a change made against an older version is refused "
          + "instead of overwriting newer work", Map.of());
    }
    if (java.util.Collections.list(ctx.req().getHeaders("If-Match")).size() > 1) {
      throw ApiException.validation("send one If-Match header with one version, not several");
    }
    String v = h.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      long n = Long.parseLong(v);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.validation("If-Match must be a CV version like \"7\", not " + h);
    }
  }
}
