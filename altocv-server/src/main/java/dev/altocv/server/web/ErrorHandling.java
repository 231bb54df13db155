package dev.altocv.server.web;

import dev.altocv.core.AltoCvException;
import dev.altocv.core.CvInvalidException;
import dev.altocv.core.Violation;
import dev.altocv.core.patch.PatchRejectedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to one error shape: JSON for programs, a small HTML page for browsers. */
public final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  private ErrorHandling() {}

  /**
   * Registers the exception handlers.
   *
   * @param routes the routes config
   */
  public static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
    routes.exception(PatchRejectedException.class, (e, ctx) -> render(ctx, rejected(e)));
    routes.exception(CvInvalidException.class, (e, ctx) -> render(ctx, new ApiException(400,
        ErrorCode.VALIDATION_FAILED, e.getMessage(), Map.of("violations", violations(e.report().violations())))));
    routes.exception(AltoCvException.class, (e, ctx) -> render(ctx, ApiException.validation(e.getMessage())));
    routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromHttp(e)));
    routes.exception(Exception.class, (e, ctx) -> {
      if (clientWentAway(e)) {
        LOG.atInfo().addKeyValue("path", ctx.path()).log("the client closed the connection before sending the whole body");
        render(ctx, ApiException.validation("the request body ended before its announced length"));
        return;
      }
      LOG.atError().setCause(scrubbed(e)).addKeyValue("path", ctx.path()).log("unhandled error");
      render(ctx, new ApiException(500, ErrorCode.INTERNAL_ERROR,
          "something went wrong on our side; the request id is " + RequestContext.requestId(ctx), Map.of()));
    });
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        render(ctx, new ApiException(404, ErrorCode.NOT_FOUND, "no such page: " + ctx.path(), Map.of()));
      }
    });
    routes.error(405, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        render(ctx, new ApiException(405, ErrorCode.METHOD_NOT_ALLOWED,
            ctx.method() + " is not allowed on " + ctx.path(), Map.of()));
      }
    });
  }

  /** Whether the error is the client closing the connection mid-body (Jetty's EofException). */
  private static boolean clientWentAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("EofException") || "Early EOF".equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error as logged: a database error's message can carry the statement's arguments (an e-mail address,
   * CV text), so it is replaced by its SQL state; the stack trace stays.
   */
  static Throwable scrubbed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException || t.getClass().getName().startsWith("org.jdbi.")) {
        String state = null;
        for (Throwable u = t; u != null; u = u.getCause()) {
          if (u instanceof java.sql.SQLException q) {
            state = q.getSQLState();
            break;
          }
        }
        IllegalStateException clean = new IllegalStateException("database error (SQL state " + state + ", "
            + e.getClass().getName() + "; message withheld: it may hold personal data)");
        clean.setStackTrace(e.getStackTrace());
        return clean;
      }
    }
    return e;
  }

  /**
   * A rejected patch as a 422.
   *
   * @param e the rejection
   * @return the API error
   */
  public static ApiException rejected(PatchRejectedException e) {
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("operationIndex", e.operationIndex());
    d.put("operation", e.operation() == null ? null : e.operation().toString());
    d.put("reason", e.reason());
    d.put("violations", violations(e.violations()));
    return new ApiException(422, ErrorCode.VALIDATION_FAILED, "the patch was rejected and nothing changed: "
        + e.getMessage(), d);
  }

  /**
   * Violations as the error details carry them.
   *
   * @param vs the violations
   * @return pointer and message of each
   */
  public static List<Map<String, String>> violations(List<Violation> vs) {
    return vs.stream().map(v -> Map.of("pointer", v.pointer(), "message", v.message())).toList();
  }

  private static ApiException fromHttp(HttpResponseException e) {
    int s = e.getStatus();
    String message = s == 413 ? "the request body is too large" : String.valueOf(e.getMessage());
    return new ApiException(s, codeFor(s), message, Map.of());
  }

  /**
   * The error code of a status that Javalin or Jetty chose, not the application.
   *
   * @param status the HTTP status
   * @return the code
   */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> ErrorCode.VALIDATION_FAILED;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
    };
  }

  /**
   * The JSON body of an error: {@code {"error": {"code", "message", "details"}}}.
   *
   * @param e the error
   * @return the JSON text
   */
  static String json(ApiException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code());
    error.put("message", String.valueOf(e.getMessage()));
    error.put("details", e.details());
    return Jsons.write(Map.of("error", error));
  }

  /**
   * Writes an error response.
   *
   * @param ctx the request
   * @param e the error
   */
  public static void render(Context ctx, ApiException e) {
    ctx.status(e.status());
    e.headers().forEach(ctx::header);
    if (wantsHtml(ctx)) {
      ctx.html(Html.errorPage(e.status(), e.code(), String.valueOf(e.getMessage())));
      return;
    }
    ctx.contentType("application/json");
    ctx.result(json(e));
  }

  /**
   * Whether the client is a browser that asked for a page (not the API).
   *
   * @param ctx the request
   * @return true to answer with HTML
   */
  public static boolean wantsHtml(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return false;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }
}
