package dev.altocv.server.web;

/** The stable error codes of the API (the README lists them with their HTTP status). */
public final class ErrorCode {
  private ErrorCode() {}

  /** 400 (malformed request) or 422 (a patch that does not apply). */
  public static final String VALIDATION_FAILED = "validation_failed";
  /** 402: not enough credits; details carry balance and cost. */
  public static final String INSUFFICIENT_CREDITS = "insufficient_credits";
  /** 409: the CV changed since the version the request was made against; details carry currentVersion. */
  public static final String VERSION_CONFLICT = "version_conflict";
  /** 428: If-Match is required. */
  public static final String PRECONDITION_REQUIRED = "precondition_required";
  /** 404. */
  public static final String NOT_FOUND = "not_found";
  /** 403: the CSRF token is missing or wrong. */
  public static final String CSRF_REQUIRED = "csrf_required";
  /** 401. */
  public static final String UNAUTHENTICATED = "unauthenticated";
  /** 413. */
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  /** 415. */
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  /** 429, with Retry-After. */
  public static final String RATE_LIMITED = "rate_limited";
  /** 422: an Idempotency-Key reused with another request body. */
  public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
  /** 409: the first request with this Idempotency-Key is still running. */
  public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";
  /** 409: nothing to undo or redo, or a state that does not allow the action. */
  public static final String CONFLICT = "conflict";
  /** 400: sign-in failed (bad state, nonce, token). */
  public static final String SIGN_IN_FAILED = "sign_in_failed";
  /** 405. */
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  /** 403: the action needs consent or a right the user does not have. */
  public static final String FORBIDDEN = "forbidden";
  /** 503: a dependency (database, AI provider) is not available. */
  public static final String UNAVAILABLE = "unavailable";
  /** 503: no AI provider is configured. */
  public static final String AI_UNAVAILABLE = "ai_unavailable";
  /** 403: the person has not agreed to send CV text to an AI provider (account settings). */
  public static final String CONSENT_REQUIRED = "consent_required";
  /** 500. */
  public static final String INTERNAL_ERROR = "internal_error";
}
