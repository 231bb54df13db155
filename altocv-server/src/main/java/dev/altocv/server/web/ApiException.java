package dev.altocv.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP error with a stable code, a message for a person and details for a program; rendered as
 * {@code {"error":{"code","message","details"}}} (or an HTML page for a browser). Services throw it for
 * caller mistakes; {@link ErrorHandling} maps it in one place.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final transient Map<String, @Nullable Object> details;
  private final transient Map<String, String> headers;

  /**
   * @param status the HTTP status
   * @param code the stable snake_case code
   * @param message what went wrong, for a person
   * @param details machine-readable details (may be empty)
   */
  public ApiException(int status, String code, String message, Map<String, ? extends @Nullable Object> details) {
    this(status, code, message, details, Map.of());
  }

  /**
   * @param status the HTTP status
   * @param code the stable snake_case code
   * @param message what went wrong, for a person
   * @param details machine-readable details (may be empty)
   * @param headers response headers to add (e.g. Retry-After)
   */
  public ApiException(int status, String code, String message, Map<String, ? extends @Nullable Object> details,
      Map<String, String> headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = new LinkedHashMap<>(details);
    this.headers = Map.copyOf(headers);
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the stable code */
  public String code() {
    return code;
  }

  /** @return the details */
  public Map<String, @Nullable Object> details() {
    return details;
  }

  /** @return extra response headers */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * 404 for a resource that does not exist or belongs to someone else (the two look the same).
   *
   * @param what for example "CV"
   * @return the exception
   */
  public static ApiException notFound(String what) {
    return new ApiException(404, ErrorCode.NOT_FOUND, what + " not found", Map.of());
  }

  /**
   * 400 for a request that is malformed or breaks a rule.
   *
   * @param message what is wrong
   * @return the exception
   */
  public static ApiException validation(String message) {
    return new ApiException(400, ErrorCode.VALIDATION_FAILED, message, Map.of());
  }

  /**
   * 400 with details.
   *
   * @param message what is wrong
   * @param details machine-readable details
   * @return the exception
   */
  public static ApiException validation(String message, Map<String, ? extends @Nullable Object> details) {
    return new ApiException(400, ErrorCode.VALIDATION_FAILED, message, details);
  }

  /**
   * 401.
   *
   * @return the exception
   */
  public static ApiException unauthenticated() {
    return new ApiException(401, ErrorCode.UNAUTHENTICATED,
        "sign in first: the session is missing, expired or ended", Map.of());
  }
}
