package dev.altocv.ai;

/** What kind of failure an {@link AiException} reports. */
public enum AiErrorKind {
  /** No provider is configured; the message says how to configure one. */
  NOT_CONFIGURED(false),
  /** A provider SDK or the local model is not on the classpath; the message gives the Maven snippet. */
  MISSING_DEPENDENCY(false),
  /** The configuration is present but wrong (an unknown provider, a malformed number or URL). */
  BAD_CONFIGURATION(false),
  /** The provider refused the credentials (HTTP 401 or 403). */
  AUTHENTICATION(false),
  /** The provider asked to slow down (HTTP 429); see {@link AiException#retryAfter()}. */
  RATE_LIMITED(true),
  /** The call took longer than its configured time-out. */
  TIMEOUT(true),
  /** The provider could not be reached, failed (HTTP 5xx, 529) or cut the stream. */
  UNAVAILABLE(true),
  /** The provider refused the request as malformed (HTTP 400, 404, 422), for example an unknown model. */
  BAD_REQUEST(false),
  /** The provider's answer could not be used (malformed, or output that breaks its schema twice). */
  INVALID_RESPONSE(false),
  /** The caller stopped the call. */
  CANCELLED(false);

  private final boolean retryable;

  AiErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * Whether the same call may succeed when tried again later.
   *
   * @return true for rate limits, time-outs and unavailable providers
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * The name in JSON and events.
   *
   * @return for example {@code rate-limited}
   */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
