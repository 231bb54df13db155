package dev.altocv.ai;

import dev.altocv.core.AltoCvException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure of an AI call: not configured, a missing dependency, or the provider failing. Says whether trying
 * again later may help ({@link #retryable()}), and for rate limits how long the provider asked to wait.
 */
public class AiException extends AltoCvException {
  private static final long serialVersionUID = 1L;
  private final AiErrorKind kind;
  private final int statusCode;
  private final transient @Nullable Duration retryAfter;

  /**
   * @param kind what kind of failure
   * @param message what went wrong, for a person
   */
  public AiException(AiErrorKind kind, String message) {
    this(kind, message, 0, null, null);
  }

  /**
   * @param kind what kind of failure
   * @param message what went wrong, for a person
   * @param statusCode the HTTP status the provider answered, or 0 when there was none
   * @param retryAfter how long the provider asked to wait, when it said
   * @param cause the underlying failure, when there is one
   */
  public AiException(AiErrorKind kind, String message, int statusCode, @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  /**
   * What kind of failure this is.
   *
   * @return the kind
   */
  public AiErrorKind kind() {
    return kind;
  }

  /**
   * Whether the same call may succeed later (rate limits, time-outs, an unavailable provider).
   *
   * @return true when retrying may help
   */
  public boolean retryable() {
    return kind.retryable();
  }

  /**
   * The HTTP status the provider answered.
   *
   * @return the status, or 0 when the failure happened before or without an HTTP answer
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * How long the provider asked to wait before the next call ({@code Retry-After}).
   *
   * @return the wait, when the provider gave one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
