package dev.altocv.ai.internal;

import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps HTTP statuses and I/O failures of the provider adapters to {@link AiException}s. */
public final class HttpErrors {
  private HttpErrors() {}

  /**
   * The wait a response asks for: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP
   * date.
   *
   * @param header the values of a header, by name
   * @return the wait, or null when the response does not say
   */
  public static @Nullable Duration retryAfter(Function<String, List<String>> header) {
    String ms = first(header, "retry-after-ms");
    if (ms != null) {
      try {
        double v = Double.parseDouble(ms.trim());
        if (v >= 0) {
          return Duration.ofMillis(Math.round(v));
        }
      } catch (NumberFormatException e) {
        // fall through to Retry-After
      }
    }
    String ra = first(header, "retry-after");
    if (ra == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(ra.trim());
      return v >= 0 ? Duration.ofMillis(Math.round(v * 1000)) : null;
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(ra.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static @Nullable String first(Function<String, List<String>> header, String name) {
    List<String> v = header.apply(name);
    if (v == null || v.isEmpty()) {
      v = header.apply(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1));
    }
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * The exception for an HTTP error status.
   *
   * @param provider the provider's name, for the message
   * @param keyVariable the environment variable that holds the key, for the message
   * @param status the status
   * @param detail the provider's message
   * @param retryAfter the wait it asked for, or null
   * @param cause the SDK's exception
   * @return the exception
   */
  public static AiException status(String provider, String keyVariable, int status, String detail,
      @Nullable Duration retryAfter, Throwable cause) {
    AiErrorKind kind;
    String what;
    if (status == 401 || status == 403) {
      kind = AiErrorKind.AUTHENTICATION;
      what = "refused the API key (HTTP " + status + "); check " + keyVariable;
    } else if (status == 429) {
      kind = AiErrorKind.RATE_LIMITED;
      what = "is rate-limiting requests (HTTP 429)" + (retryAfter != null ? "; it asked to wait "
          + Math.max(1, retryAfter.toSeconds()) + " s" : "");
    } else if (status == 408) {
      kind = AiErrorKind.TIMEOUT;
      what = "timed out (HTTP 408)";
    } else if (status >= 500 || status == 409) {
      kind = AiErrorKind.UNAVAILABLE;
      what = "failed (HTTP " + status + ")";
    } else {
      kind = AiErrorKind.BAD_REQUEST;
      what = "refused the request (HTTP " + status + ")";
    }
    return new AiException(kind, provider + " " + what + (detail.isBlank() ? "" : ": " + detail), status,
        retryAfter, cause);
  }

  /**
   * The exception for a failure without an HTTP status (connection, time-out, cut stream).
   *
   * @param provider the provider's name
   * @param e the failure
   * @param timeout the configured time-out, for the message
   * @return the exception
   */
  public static AiException io(String provider, Throwable e, Duration timeout) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
          && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
        return new AiException(AiErrorKind.TIMEOUT, provider + " did not answer within " + seconds(timeout)
            + " (set ALTOCV_AI_TIMEOUT to change the limit)", 0, null, e);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new AiException(AiErrorKind.UNAVAILABLE, provider + " cannot be reached: " + t.getMessage(), 0,
            null, e);
      }
    }
    return new AiException(AiErrorKind.UNAVAILABLE, provider + " connection failed: " + e.getMessage(), 0, null,
        e);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
