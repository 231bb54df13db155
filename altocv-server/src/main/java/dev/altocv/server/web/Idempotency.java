package dev.altocv.server.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs and its response is kept for 24 hours;
 * a repeat with the same body gets that response again without the work being redone (or charged again); the
 * same key with another body is 422; a repeat while the first still runs is 409. Keys are scoped to the user and
 * the route. Server errors are not kept, so a retry after one runs again.
 */
public final class Idempotency {
  /** How long a response is kept. */
  public static final Duration KEEP = Duration.ofHours(24);
  /** A claim older than this without a response is treated as abandoned (the node died mid-request). */
  static final Duration ABANDONED = Duration.ofMinutes(5);
  /** The header. */
  public static final String HEADER = "Idempotency-Key";

  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * @param jdbi the database
   * @param clock the clock
   */
  public Idempotency(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * A response to send.
   *
   * @param status the status
   * @param contentType the content type
   * @param headers headers to send (Location, ETag)
   * @param body the body
   */
  public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {}

  /**
   * Runs a handler at most once per key: without the header it simply runs.
   *
   * @param ctx the request
   * @param userId the user
   * @param work produces the response (it may throw an {@link ApiException}: a client error is kept like a
   *     response, so the repeat gets the same error)
   */
  public void run(Context ctx, UUID userId, Supplier<Response> work) {
    run(ctx, userId, ctx.body(), work);
  }

  /**
   * Like {@link #run(Context, UUID, Supplier)} for requests whose body cannot be read again (a multipart
   * upload): the caller gives what identifies the request's content.
   *
   * @param ctx the request
   * @param userId the user
   * @param content what makes two requests the same, for example a file name and a hash of its bytes
   * @param work produces the response
   */
  public void run(Context ctx, UUID userId, String content, Supplier<Response> work) {
    String key = ctx.header(HEADER);
    if (key == null) {
      send(ctx, work.get());
      return;
    }
    if (key.isBlank() || key.length() > 200) {
      throw ApiException.validation(HEADER + " must be 1 to 200 characters");
    }
    String scope = ctx.method() + " " + RequestContext.route(ctx);
    String hash = Signer.sha256(ctx.method() + " " + ctx.path() + "\n" + content);
    Instant now = clock.instant();
    Optional<Response> replay = jdbi.inTransaction(h -> {
      int claimed = h.createUpdate("insert into idempotency_keys (user_id, scope, key, request_hash, created_at) "
              + "values (:u, :s, :k, :h, :now) on conflict do nothing")
          .bind("u", userId).bind("s", scope).bind("k", key).bind("h", hash).bind("now", now).execute();
      if (claimed == 1) {
        return Optional.empty();
      }
      Stored st = h.createQuery("select request_hash, status, content_type, headers, body, created_at "
              + "from idempotency_keys where user_id = :u and scope = :s and key = :k for update")
          .bind("u", userId).bind("s", scope).bind("k", key)
          .map((rs, c) -> new Stored(rs.getString("request_hash"), (Integer) rs.getObject("status"),
              rs.getString("content_type"), rs.getString("headers"), rs.getBytes("body"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant()))
          .one();
      boolean expired = now.isAfter(st.createdAt.plus(KEEP));
      boolean abandoned = st.status == null && now.isAfter(st.createdAt.plus(ABANDONED));
      if (expired || abandoned) {
        h.createUpdate("update idempotency_keys set request_hash = :h, status = null, content_type = null, "
                + "headers = null, body = null, created_at = :now where user_id = :u and scope = :s and key = :k")
            .bind("h", hash).bind("now", now).bind("u", userId).bind("s", scope).bind("k", key).execute();
        return Optional.empty();
      }
      if (!st.hash.equals(hash)) {
        throw new ApiException(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, "this " + HEADER + " was used for another "
            + "request; use a new key for a new request", Map.of());
      }
      if (st.status == null) {
        throw new ApiException(409, ErrorCode.IDEMPOTENCY_KEY_IN_USE, "the first request with this " + HEADER
            + " is still running; retry in a moment", Map.of(), Map.of("Retry-After", "1"));
      }
      @SuppressWarnings("unchecked")
      Map<String, String> headers = st.headers == null ? Map.of() : Jsons.read(st.headers, Map.class);
      return Optional.of(new Response(st.status, st.contentType == null ? "application/json" : st.contentType,
          headers, st.body == null ? new byte[0] : st.body));
    });
    if (replay.isPresent()) {
      ctx.header("Idempotent-Replayed", "true");
      send(ctx, replay.get());
      return;
    }
    Response response;
    try {
      response = work.get();
    } catch (ApiException e) {
      if (e.status() < 500 && e.status() != 429) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", String.valueOf(e.getMessage()));
        error.put("details", e.details());
        store(userId, scope, key, new Response(e.status(), "application/json", e.headers(),
            Jsons.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8)));
      } else {
        release(userId, scope, key);
      }
      throw e;
    } catch (RuntimeException e) {
      release(userId, scope, key);
      throw e;
    }
    store(userId, scope, key, response);
    send(ctx, response);
  }

  private record Stored(String hash, @Nullable Integer status, @Nullable String contentType,
      @Nullable String headers, byte @Nullable [] body, Instant createdAt) {}

  private void store(UUID userId, String scope, String key, Response r) {
    jdbi.useHandle(h -> h.createUpdate("update idempotency_keys set status = :st, content_type = :ct, headers = :hd, "
            + "body = :b where user_id = :u and scope = :s and key = :k")
        .bind("st", r.status()).bind("ct", r.contentType()).bind("hd", Jsons.write(r.headers()))
        .bind("b", r.body()).bind("u", userId).bind("s", scope).bind("k", key).execute());
  }

  private void release(UUID userId, String scope, String key) {
    jdbi.useHandle(h -> h.createUpdate("delete from idempotency_keys where user_id = :u and scope = :s and key = :k")
        .bind("u", userId).bind("s", scope).bind("k", key).execute());
  }

  private static void send(Context ctx, Response r) {
    ctx.status(r.status());
    r.headers().forEach(ctx::header);
    ctx.contentType(r.contentType());
    ctx.result(r.body());
  }

  /**
   * A JSON response.
   *
   * @param status the status
   * @param body the value to write as JSON
   * @param headers headers
   * @return the response
   */
  public static Response json(int status, Object body, Map<String, String> headers) {
    return new Response(status, "application/json", headers, Jsons.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Deletes keys older than {@link #KEEP}.
   *
   * @return rows deleted
   */
  public int purge() {
    return jdbi.withHandle(h -> h.createUpdate("delete from idempotency_keys where created_at < :t")
        .bind("t", clock.instant().minus(KEEP)).execute());
  }
}
