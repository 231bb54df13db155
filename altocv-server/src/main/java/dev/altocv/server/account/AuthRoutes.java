package dev.altocv.server.account;

import dev.altocv.server.config.RateLimits;
import dev.altocv.server.config.Settings;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RateLimiter;
import dev.altocv.server.web.RequestContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Signing in and out, the session and the account: {@code /auth/google}, {@code /auth/google/callback},
 * {@code /auth/dev} (development only), {@code /auth/signout}, {@code /api/v1/session},
 * {@code /api/v1/account}.
 */
public final class AuthRoutes {
  static final String FLOW_COOKIE = "altocv_oidc";

  private final AccountService accounts;
  private final SessionService sessions;
  private final Auth auth;
  private final @Nullable OidcClient oidc;
  private final Settings settings;
  private final RateLimiter limiter;
  private final RequestContext requests;

  /**
   * @param accounts accounts
   * @param sessions sessions
   * @param auth the request's session
   * @param oidc Google sign-in, or null when not configured
   * @param settings the settings
   * @param limiter rate limits
   * @param requests client addresses
   */
  public AuthRoutes(AccountService accounts, SessionService sessions, Auth auth, @Nullable OidcClient oidc,
      Settings settings, RateLimiter limiter, RequestContext requests) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.auth = auth;
    this.oidc = oidc;
    this.settings = settings;
    this.limiter = limiter;
    this.requests = requests;
  }

  record SettingsBody(@Nullable Boolean aiConsent) {}

  record DeleteBody(@Nullable String confirmEmail) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    if (settings.devLogin()) {
      r.post("/auth/dev", this::devSignIn);
    }
    if (oidc != null) {
      r.get("/auth/google", this::google);
      r.get("/auth/google/callback", this::callback);
    }
    r.post("/auth/signout", this::signOut);
    r.get("/api/v1/session", this::session);
    r.delete("/api/v1/session", ctx -> {
      auth.require(ctx);
      auth.signOut(ctx);
      ctx.status(204);
    });
    r.post("/api/v1/session/revoke-all", ctx -> {
      UUID user = auth.userId(ctx);
      int n = sessions.revokeAll(user);
      auth.signOut(ctx);
      ctx.json(Map.of("revoked", n));
    });
    r.get("/api/v1/account", ctx -> ctx.json(account(auth.require(ctx).user())));
    r.patch("/api/v1/account", this::updateAccount);
    r.delete("/api/v1/account", this::deleteAccount);
  }

  private Runnable signupLimit(Context ctx) {
    return () -> limiter.check("signup:" + requests.clientIp(ctx), settings.limits().signup(), "new accounts");
  }

  /** The JSON form of the development sign-in. */
  record DevSignIn(@Nullable String email) {}

  private void devSignIn(Context ctx) {
    String email;
    if (ctx.isFormUrlencoded()) {
      email = ctx.formParam("email");
    } else {
      Jsons.requireJson(ctx, "application/x-www-form-urlencoded", "application/json");
      email = Jsons.read(ctx.body(), DevSignIn.class).email();
    }
    AccountService.SignIn s = accounts.signInByEmail(email, signupLimit(ctx));
    auth.signIn(ctx, s.user().id());
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private void google(Context ctx) {
    OidcClient.Start start = oidc().begin();
    ctx.cookie(new Cookie(FLOW_COOKIE, start.flowCookie(), "/auth", (int) OidcClient.FLOW_TIMEOUT.toSeconds(),
        settings.https(), true, null, SameSite.LAX));
    ctx.redirect(start.authorizationUrl().toString(), HttpStatus.FOUND);
  }

  private void callback(Context ctx) {
    String error = ctx.queryParam("error");
    ctx.cookie(new Cookie(FLOW_COOKIE, "", "/auth", 0, settings.https(), true, null, SameSite.LAX));
    if (error != null) {
      throw new ApiException(400, "sign_in_failed", "sign-in was cancelled or refused by the provider (" + error
          + ")", Map.of("providerError", error));
    }
    OidcClient.Identity id = oidc().complete(ctx.queryParam("code"), ctx.queryParam("state"),
        ctx.cookie(FLOW_COOKIE));
    AccountService.SignIn s = accounts.signInWithGoogle(id.subject(), id.email(), id.name(), signupLimit(ctx));
    auth.signIn(ctx, s.user().id());
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private OidcClient oidc() {
    if (oidc == null) {
      throw ApiException.notFound("Google sign-in");
    }
    return oidc;
  }

  private void signOut(Context ctx) {
    auth.require(ctx);
    if ("1".equals(ctx.formParam("everywhere"))) {
      sessions.revokeAll(auth.require(ctx).user().id());
    }
    auth.signOut(ctx);
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  private void session(Context ctx) {
    SessionService.Current s = auth.current(ctx).orElseThrow(ApiException::unauthenticated);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", s.user().id());
    user.put("email", s.user().email());
    user.put("name", s.user().name());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("csrfToken", s.csrfToken());
    out.put("balance", s.user().balance());
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  static Map<String, Object> account(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("email", u.email());
    m.put("name", u.name());
    m.put("tier", u.tier());
    m.put("balance", u.balance());
    m.put("aiConsent", u.aiConsentAt() != null);
    if (u.aiConsentAt() != null) {
      m.put("aiConsentAt", u.aiConsentAt());
    }
    m.put("createdAt", u.createdAt());
    return m;
  }

  private void updateAccount(Context ctx) {
    UUID user = auth.userId(ctx);
    SettingsBody body = Jsons.body(ctx, SettingsBody.class);
    if (body.aiConsent() == null) {
      throw ApiException.validation("nothing to change: the settings are aiConsent (true or false)");
    }
    ctx.json(account(accounts.setAiConsent(user, body.aiConsent())));
  }

  private void deleteAccount(Context ctx) {
    SessionService.Current s = auth.require(ctx);
    DeleteBody body = Jsons.body(ctx, DeleteBody.class);
    if (body.confirmEmail() == null || !body.confirmEmail().strip().equalsIgnoreCase(s.user().email())) {
      throw ApiException.validation("to delete the account, send {\"confirmEmail\": \"<the account's e-mail>\"}",
          Map.of("field", "confirmEmail"));
    }
    accounts.delete(s.user().id());
    auth.signOut(ctx);
    ctx.status(204);
  }
}
