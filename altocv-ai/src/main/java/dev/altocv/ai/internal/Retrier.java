package dev.altocv.ai.internal;

import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.spi.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Retries calls that failed in a way that may succeed later, with exponential backoff (0.5 s, 1 s, 2 s...
 * up to 8 s, with 20 % jitter), waiting exactly as long as a provider's Retry-After asks when it asks.
 */
public final class Retrier {
  static final Duration INITIAL = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  private final int maxRetries;
  private final Duration maxRetryWait;
  private final Sleeper sleeper;

  /**
   * @param maxRetries retries after the first attempt
   * @param maxRetryWait the longest Retry-After that is honoured; a longer one fails the call at once
   * @param sleeper waits
   */
  public Retrier(int maxRetries, Duration maxRetryWait, Sleeper sleeper) {
    this.maxRetries = maxRetries;
    this.maxRetryWait = maxRetryWait;
    this.sleeper = sleeper;
  }

  /**
   * Runs an attempt, and again while it fails retryably, retries remain and {@code mayRetry} says yes (a
   * stream that already delivered text to the caller must not be repeated).
   *
   * @param attempt one attempt
   * @param mayRetry whether a failed attempt may be repeated
   * @param <T> the result type
   * @return the result of the first attempt that succeeds
   * @throws AiException the last failure
   */
  public <T> T call(Supplier<T> attempt, BooleanSupplier mayRetry) {
    for (int n = 0; ; n++) {
      try {
        return attempt.get();
      } catch (AiException e) {
        if (!e.retryable() || n >= maxRetries || !mayRetry.getAsBoolean()) {
          throw e;
        }
        Duration wait = e.retryAfter().orElse(null);
        if (wait != null && wait.compareTo(maxRetryWait) > 0) {
          throw new AiException(e.kind(), e.getMessage() + " (the provider asked to wait " + wait.toSeconds()
              + " s, longer than the " + maxRetryWait.toSeconds() + " s AltoCV waits)", e.statusCode(), wait, e);
        }
        if (wait == null) {
          wait = backoff(n);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new AiException(AiErrorKind.CANCELLED, "interrupted while waiting to retry", 0, null, ie);
        }
      }
    }
  }

  static Duration backoff(int retry) {
    long base = Math.min(MAX_BACKOFF.toMillis(), INITIAL.toMillis() << Math.min(retry, 10));
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(base * jitter));
  }
}
