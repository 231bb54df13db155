package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google sign-in against a real OpenID Connect server on 127.0.0.1 (mock-oauth2-server). */
class OidcSignInTest {
  static final String CLIENT = "altocv-test-client";
  static MockOAuth2Server idp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    idp = new MockOAuth2Server();
    idp.start(InetAddress.getByName("127.0.0.1"), 0);
    server = TestServer.start(Map.of(
        "ALTOCV_OIDC_DISCOVERY_URL", idp.wellKnownUrl("google").toString(),
        "ALTOCV_OIDC_CLIENT_ID", CLIENT,
        "ALTOCV_OIDC_CLIENT_SECRET", "client-secret",
        "ALTOCV_DEV_LOGIN", "false"));
  }

  @AfterAll
  static void stop() {
    server.close();
    idp.shutdown();
  }

  private static void nextToken(String subject, List<String> audience, Map<String, Object> claims, long expiry) {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", audience, claims, expiry));
  }

  /** Follows the flow up to the callback: returns the callback URL the provider redirected to. */
  private static String authorize(Http browser) {
    Http.Res start = browser.get("/auth/google");
    assertThat(start.status()).isEqualTo(302);
    URI authorize = URI.create(start.header("Location"));
    assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("nonce=").contains("state=")
        .contains("client_id=" + CLIENT);
    Http.Res atIdp = browser.get(authorize.toString());
    assertThat(atIdp.status()).as(atIdp.body()).isEqualTo(302);
    String callback = atIdp.header("Location");
    assertThat(callback).startsWith(server.base() + "/auth/google/callback?");
    return callback;
  }

  @Test
  void signsInCreatesTheAccountOnceAndRenewsTheSession() {
    Map<String, Object> claims = Map.of("email", "Grace@Example.com", "email_verified", true, "name", "Grace H");
    nextToken("google-sub-1", List.of(CLIENT), claims, 3600);
    Http browser = server.client();
    Http.Res done = browser.get(authorize(browser));
    assertThat(done.status()).as(done.body()).isEqualTo(303);
    assertThat(done.header("Location")).isEqualTo("/dashboard");
    String setCookie = String.join(";", done.headers().getOrDefault("set-cookie", List.of()));
    assertThat(setCookie).contains("altocv_session=").contains("HttpOnly").contains("SameSite=Lax");
    Http.Res session = browser.get("/api/v1/session");
    assertThat(session.status()).isEqualTo(200);
    assertThat(session.json().path("user").path("email").asText()).isEqualTo("grace@example.com");
    assertThat(session.json().path("user").path("name").asText()).isEqualTo("Grace H");
    assertThat(session.json().path("balance").asLong()).isEqualTo(50);
    String firstCookie = browser.cookie("altocv_session").orElseThrow();

    // signing in again finds the same account, and the session token is new
    nextToken("google-sub-1", List.of(CLIENT), claims, 3600);
    assertThat(browser.get(authorize(browser)).status()).isEqualTo(303);
    assertThat(browser.cookie("altocv_session").orElseThrow()).isNotEqualTo(firstCookie);
    assertThat(browser.get("/api/v1/session").json().path("user").path("id").asText())
        .isEqualTo(session.json().path("user").path("id").asText());
    Http old = server.client();
    assertThat(old.get("/api/v1/session", "Cookie", "altocv_session=" + firstCookie).status())
        .as("the session from before the second sign-in has ended").isEqualTo(401);
  }

  @Test
  void aWrongStateIsRefused() {
    // refused before any token is asked for, so no token is queued at the provider
    Http browser = server.client();
    String callback = authorize(browser).replaceFirst("state=[^&]+", "state=forged");
    Http.Res r = browser.get(callback);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("sign_in_failed");
    assertThat(r.json().path("error").path("message").asText()).contains("state");
    assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
  }

  @Test
  void aCallbackWithoutTheFlowCookieIsRefused() {
    String callback = authorize(server.client());
    Http.Res r = server.client().get(callback);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("cookie");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    nextToken("sub-aud", List.of("another-client"), Map.of("email", "a@example.com", "email_verified", true,
        "aud", "another-client"), 3600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("another client");
  }

  @Test
  void anExpiredTokenIsRefused() {
    nextToken("sub-exp", List.of(CLIENT), Map.of("email", "e@example.com", "email_verified", true), -600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("expired");
  }

  @Test
  void aWrongNonceIsRefused() {
    nextToken("sub-nonce", List.of(CLIENT), Map.of("email", "n@example.com", "email_verified", true,
        "nonce", "replayed-nonce"), 3600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("nonce");
  }

  @Test
  void anUnverifiedEmailIsRefused() {
    nextToken("sub-unverified", List.of(CLIENT), Map.of("email", "u@example.com", "email_verified", false), 3600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("does not confirm").contains("is verified");
  }

  /** The key-set downloads the provider saw since the last call (other requests are dropped). */
  private static int jwksFetches() {
    int n = 0;
    while (true) {
      okhttp3.mockwebserver.RecordedRequest r;
      try {
        r = idp.takeRequest(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (RuntimeException queueEmpty) { // the mock server's way of saying "none within the timeout"
        return n;
      }
      if (r == null) {
        return n;
      }
      if (String.valueOf(r.getPath()).contains("jwks")) {
        n++;
      }
    }
  }

  @Test
  void signingKeysAreFetchedAgainAfterAnHour() throws Exception {
    Map<String, Object> claims = Map.of("email", "keys@example.com", "email_verified", true);
    nextToken("sub-keys", List.of(CLIENT), claims, 7200);
    Http browser = server.client();
    assertThat(browser.get(authorize(browser)).status()).isEqualTo(303);
    jwksFetches();
    nextToken("sub-keys", List.of(CLIENT), claims, 7200);
    assertThat(browser.get(authorize(browser)).status()).isEqualTo(303);
    assertThat(jwksFetches()).as("cached within the hour").isZero();
    // a retired key must not stay trusted forever: after an hour the keys are downloaded again
    server.clock.advance(java.time.Duration.ofMinutes(61));
    try {
      nextToken("sub-keys", List.of(CLIENT), claims, 7200);
      assertThat(browser.get(authorize(browser)).status()).isEqualTo(303);
      assertThat(jwksFetches()).isEqualTo(1);
    } finally {
      server.clock.advance(java.time.Duration.ofMinutes(-61)); // the other tests' tokens live an hour
    }
  }

  @Test
  void anEmailTheProviderDoesNotVouchForIsRefused() {
    // no email_verified claim at all: an account found by its address must not be handed over
    nextToken("sub-silent", List.of(CLIENT), Map.of("email", "silent@example.com"), 3600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("message").asText()).contains("does not confirm")
        .contains("silent@example.com");
  }

  @Test
  void anAccountLinkedToOneGoogleIdentityIsNotHandedToAnother() {
    Map<String, Object> claims = Map.of("email", "owner@example.com", "email_verified", true);
    nextToken("sub-owner", List.of(CLIENT), claims, 3600);
    Http owner = server.client();
    assertThat(owner.get(authorize(owner)).status()).isEqualTo(303);
    // another identity (another provider account, a recycled address) with the same e-mail
    nextToken("sub-intruder", List.of(CLIENT), claims, 3600);
    Http intruder = server.client();
    Http.Res r = intruder.get(authorize(intruder));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("sign_in_failed");
    assertThat(r.json().path("error").path("message").asText()).contains("belongs to another Google identity");
    assertThat(intruder.get("/api/v1/session").status()).isEqualTo(401);
    // the owner still signs in
    nextToken("sub-owner", List.of(CLIENT), claims, 3600);
    Http again = server.client();
    assertThat(again.get(authorize(again)).status()).isEqualTo(303);
  }

  @Test
  void aBrowserSeesAnErrorPageAndDevSignInIsAbsent() {
    nextToken("sub-html", List.of("other"), Map.of("email", "h@example.com", "email_verified", false), 3600);
    Http browser = server.client();
    Http.Res r = browser.get(authorize(browser), "Accept", "text/html");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("sign-in failed");
    assertThat(server.client().form("/auth/dev", Map.of("email", "x@example.com")).status()).isEqualTo(404);
  }
}
