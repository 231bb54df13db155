package dev.altocv.server.web;

import dev.altocv.server.config.RateLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Fixed-window rate limits counted in PostgreSQL, so every node of a cluster shares them. One upsert per
 * limited request; limited requests are the costly kinds (AI, export, import, sign-up).
 */
public final class RateLimiter {
  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * @param jdbi the database
   * @param clock the clock
   */
  public RateLimiter(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Counts one request against a bucket.
   *
   * @param bucket for example {@code export:<user id>}
   * @param rate the allowance
   * @param what what is limited, for the message
   * @throws ApiException 429 rate_limited with Retry-After when the allowance is used up
   */
  public void check(String bucket, RateLimits.Rate rate, String what) {
    Instant now = clock.instant();
    long windowMs = rate.window().toMillis();
    long startMs = now.toEpochMilli() / windowMs * windowMs;
    Instant start = Instant.ofEpochMilli(startMs);
    int count = jdbi.withHandle(h -> h.createQuery("insert into rate_limit_windows (bucket, window_start, count) "
            + "values (:b, :s, 1) on conflict (bucket, window_start) do update "
            + "set count = rate_limit_windows.count + 1 returning count")
        .bind("b", bucket).bind("s", start).mapTo(Integer.class).one());
    if (count > rate.count()) {
      long retry = Math.max(1, (startMs + windowMs - now.toEpochMilli() + 999) / 1000);
      throw new ApiException(429, ErrorCode.RATE_LIMITED, "too many " + what + ": at most " + rate.count() + " per "
          + human(rate) + "; try again in " + retry + " s", Map.of("retryAfterSeconds", retry, "limit", rate.count()),
          Map.of("Retry-After", String.valueOf(retry)));
    }
  }

  private static String human(RateLimits.Rate r) {
    long s = r.window().toSeconds();
    return s == 1 ? "second" : s == 60 ? "minute" : s == 3600 ? "hour" : s == 86400 ? "day" : s + " s";
  }

  /**
   * Deletes windows that ended more than a day ago.
   *
   * @return rows deleted
   */
  public int purge() {
    return jdbi.withHandle(h -> h.createUpdate("delete from rate_limit_windows where window_start < :t")
        .bind("t", clock.instant().minusSeconds(2 * 86400)).execute());
  }
}
