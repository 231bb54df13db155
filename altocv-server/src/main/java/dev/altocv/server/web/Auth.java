package dev.altocv.server.web;

import dev.altocv.server.account.SessionService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Who is asking: the session cookie (signed, HttpOnly, SameSite=Lax, Secure under https) resolved to a live
 * server-side session, and the CSRF check for state-changing requests ({@code X-CSRF-Token} header, or the
 * {@code _csrf} field of a form).
 */
public final class Auth {
  private static final String ATTR = "altocv.session";
  /** The CSRF header for JSON requests. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** The CSRF field of HTML forms. */
  public static final String CSRF_FIELD = "_csrf";

  private final SessionService sessions;
  private final boolean secure;
  private final String cookieName;

  /**
   * @param sessions the sessions
   * @param secure whether the site is served over https (Secure cookie with the {@code __Host-} prefix)
   */
  public Auth(SessionService sessions, boolean secure) {
    this.sessions = sessions;
    this.secure = secure;
    this.cookieName = secure ? "__Host-altocv_session" : "altocv_session";
  }

  /** @return the session cookie's name */
  public String cookieName() {
    return cookieName;
  }

  /**
   * Resolves the session cookie, if any (a before-handler; never fails).
   *
   * @param ctx the request
   */
  public void resolve(Context ctx) {
    String cookie = ctx.cookie(cookieName);
    if (cookie == null) {
      return;
    }
    sessions.resolve(cookie).ifPresent(s -> {
      ctx.attribute(ATTR, s);
      MDC.put("userId", s.user().id().toString());
    });
  }

  /**
   * The session, if signed in.
   *
   * @param ctx the request
   * @return the session
   */
  public Optional<SessionService.Current> current(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTR));
  }

  /**
   * The signed-in session; for state-changing methods also checks the CSRF token.
   *
   * @param ctx the request
   * @return the session
   * @throws ApiException 401 unauthenticated, 403 csrf_required
   */
  public SessionService.Current require(Context ctx) {
    SessionService.Current s = current(ctx).orElseThrow(ApiException::unauthenticated);
    HandlerType m = ctx.method();
    if (m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE) {
      String token = ctx.header(CSRF_HEADER);
      if (token == null && ctx.isFormUrlencoded()) {
        token = ctx.formParam(CSRF_FIELD);
      }
      if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
          s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(403, ErrorCode.CSRF_REQUIRED, token == null
            ? "this request changes data and needs the session's CSRF token in the " + CSRF_HEADER + " header "
                + "(GET /api/v1/session returns it)"
            : "the CSRF token does not match this session; reload and try again", Map.of());
      }
    }
    return s;
  }

  /**
   * The signed-in user's id; see {@link #require}.
   *
   * @param ctx the request
   * @return the user id
   */
  public UUID userId(Context ctx) {
    return require(ctx).user().id();
  }

  /**
   * Starts a session: a fresh token (never reused from before sign-in) in the cookie.
   *
   * @param ctx the request
   * @param userId the user
   * @return the new session
   */
  public SessionService.NewSession signIn(Context ctx, UUID userId) {
    current(ctx).ifPresent(old -> sessions.revoke(old.tokenHash()));
    SessionService.NewSession s = sessions.create(userId);
    ctx.cookie(new Cookie(cookieName, s.cookieValue(), "/", (int) s.maxAge().toSeconds(), secure, true, null,
        SameSite.LAX));
    return s;
  }

  /**
   * Ends the current session and clears the cookie.
   *
   * @param ctx the request
   */
  public void signOut(Context ctx) {
    current(ctx).ifPresent(s -> sessions.revoke(s.tokenHash()));
    ctx.cookie(new Cookie(cookieName, "", "/", 0, secure, true, null, SameSite.LAX));
  }
}
