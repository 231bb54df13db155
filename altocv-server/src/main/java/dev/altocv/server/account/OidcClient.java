package dev.altocv.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.Signer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Google sign-in with OpenID Connect: the authorisation code flow with PKCE (S256), state and nonce. The state,
 * nonce and code verifier travel in a short-lived signed cookie (no server memory, so any node can finish the
 * flow). The ID token's RS256 signature is checked against the provider's published keys, and its issuer,
 * audience, expiry and nonce against what was asked.
 */
public final class OidcClient {
  /** How long a sign-in may take between leaving for the provider and coming back. */
  public static final Duration FLOW_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration SKEW = Duration.ofSeconds(60);
  private static final Duration CACHE = Duration.ofHours(1);
  private static final Base64.Decoder B64 = Base64.getUrlDecoder();
  private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

  private final HttpClient http;
  private final URI discoveryUrl;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final Clock clock;
  private final Signer signer;

  private volatile @Nullable Discovery discovery;
  private volatile @Nullable Instant discoveredAt;
  private volatile Map<String, PublicKey> keys = Map.of();
  private volatile @Nullable Instant keysLoadedAt;

  /**
   * @param http the HTTP client
   * @param discoveryUrl the discovery document's URL
   * @param clientId the client id (the expected audience)
   * @param clientSecret the client secret
   * @param redirectUri the callback URL registered with the provider
   * @param clock the clock
   * @param secret the session secret (signs the flow cookie)
   */
  public OidcClient(HttpClient http, URI discoveryUrl, String clientId, String clientSecret, String redirectUri,
      Clock clock, String secret) {
    this.http = http;
    this.discoveryUrl = discoveryUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.clock = clock;
    this.signer = new Signer(secret, "oidc-flow");
  }

  private record Discovery(String issuer, URI authorization, URI token, URI jwks) {}

  /**
   * The start of a sign-in.
   *
   * @param authorizationUrl where to send the browser
   * @param flowCookie the signed cookie value that carries state, nonce and verifier
   */
  public record Start(URI authorizationUrl, String flowCookie) {}

  /**
   * A signed-in identity.
   *
   * @param subject the provider's stable user id
   * @param email the verified e-mail address
   * @param name the name, if given
   */
  public record Identity(String subject, String email, @Nullable String name) {}

  /**
   * Begins a sign-in.
   *
   * @return the URL to redirect to and the flow cookie
   */
  public Start begin() {
    Discovery d = discovery();
    String state = Signer.randomToken(24);
    String nonce = Signer.randomToken(24);
    String verifier = Signer.randomToken(48);
    String challenge = B64E.encodeToString(sha256(verifier));
    ObjectNode flow = Jsons.MAPPER.createObjectNode();
    flow.put("state", state).put("nonce", nonce).put("verifier", verifier)
        .put("exp", clock.instant().plus(FLOW_TIMEOUT).getEpochSecond());
    String cookie = signer.seal(B64E.encodeToString(Jsons.write(flow).getBytes(StandardCharsets.UTF_8)));
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", redirectUri);
    q.put("scope", "openid email profile");
    q.put("state", state);
    q.put("nonce", nonce);
    q.put("code_challenge", challenge);
    q.put("code_challenge_method", "S256");
    String sep = d.authorization().getRawQuery() == null ? "?" : "&";
    return new Start(URI.create(d.authorization() + sep + form(q)), cookie);
  }

  /**
   * Finishes a sign-in: checks the state, exchanges the code and checks the ID token.
   *
   * @param code the code from the callback
   * @param state the state from the callback
   * @param flowCookie the flow cookie, or null when missing
   * @return the identity
   * @throws ApiException 400 sign_in_failed saying what did not match
   */
  public Identity complete(@Nullable String code, @Nullable String state, @Nullable String flowCookie) {
    String sealed = signer.unseal(flowCookie);
    if (sealed == null) {
      throw failed("the sign-in cookie is missing or was tampered with: start again from the sign-in page");
    }
    JsonNode flow = Jsons.tree(new String(B64.decode(sealed), StandardCharsets.UTF_8));
    if (clock.instant().getEpochSecond() > flow.path("exp").asLong()) {
      throw failed("the sign-in took longer than " + FLOW_TIMEOUT.toMinutes() + " minutes: start again");
    }
    if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
        flow.path("state").asText().getBytes(StandardCharsets.UTF_8))) {
      throw failed("the sign-in state does not match: start again from the sign-in page");
    }
    if (code == null || code.isBlank()) {
      throw failed("the provider sent no authorisation code");
    }
    Discovery d = discovery();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("code_verifier", flow.path("verifier").asText());
    HttpRequest req = HttpRequest.newBuilder(d.token()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
    JsonNode tokens = send(req, "token exchange");
    String idToken = tokens.path("id_token").asText(null);
    if (idToken == null) {
      throw failed("the provider's token response has no id_token");
    }
    return verify(idToken, d, flow.path("nonce").asText());
  }

  private Identity verify(String jwt, Discovery d, String nonce) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw failed("the ID token is not a signed JWT");
    }
    JsonNode header = Jsons.tree(new String(B64.decode(parts[0]), StandardCharsets.UTF_8));
    if (!"RS256".equals(header.path("alg").asText())) {
      throw failed("the ID token is signed with " + header.path("alg").asText() + "; only RS256 is accepted");
    }
    PublicKey key = key(header.path("kid").asText(""), d);
    try {
      Signature sig = Signature.getInstance("SHA256withRSA");
      sig.initVerify(key);
      sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!sig.verify(B64.decode(parts[2]))) {
        throw failed("the ID token's signature is wrong");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failed("the ID token's signature could not be checked: " + e.getMessage());
    }
    JsonNode claims = Jsons.tree(new String(B64.decode(parts[1]), StandardCharsets.UTF_8));
    if (!d.issuer().equals(claims.path("iss").asText())) {
      throw failed("the ID token's issuer is " + claims.path("iss").asText() + ", not " + d.issuer());
    }
    JsonNode aud = claims.path("aud");
    boolean audOk = aud.isArray() ? contains(aud, clientId) : clientId.equals(aud.asText());
    if (!audOk) {
      throw failed("the ID token was issued for another client (audience " + aud + ")");
    }
    if (aud.isArray() && aud.size() > 1 && !clientId.equals(claims.path("azp").asText())) {
      throw failed("the ID token's authorised party is not this client");
    }
    Instant now = clock.instant();
    if (!claims.path("exp").canConvertToLong()
        || now.minus(SKEW).getEpochSecond() >= claims.path("exp").asLong()) {
      throw failed("the ID token has expired");
    }
    if (claims.has("iat") && claims.path("iat").asLong() > now.plus(SKEW).getEpochSecond()) {
      throw failed("the ID token was issued in the future");
    }
    if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
        claims.path("nonce").asText("").getBytes(StandardCharsets.UTF_8))) {
      throw failed("the ID token's nonce does not match this sign-in");
    }
    String sub = claims.path("sub").asText("");
    String email = claims.path("email").asText("");
    if (sub.isEmpty() || email.isEmpty()) {
      throw failed("the ID token carries no subject or e-mail address (the 'email' scope is needed)");
    }
    // required, not only checked when present: an account is found by its e-mail address, so an address the
    // provider has not verified (or a provider that does not say) could sign in as someone else
    if (!claims.path("email_verified").asBoolean(false) && !"true".equals(claims.path("email_verified").asText())) {
      throw failed("the provider does not confirm that the e-mail address " + email + " is verified");
    }
    String name = claims.path("name").asText(null);
    return new Identity(sub, email, name);
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  private PublicKey key(String kid, Discovery d) {
    Instant loaded = keysLoadedAt;
    if (loaded != null && !clock.instant().isBefore(loaded.plus(CACHE))) {
      keys = Map.of(); // a key the provider has retired must not stay trusted: reload them like the discovery
    }
    PublicKey k = keys.get(kid);
    if (k == null) {
      keys = loadKeys(d); // keys rotate: reload once for an unknown kid
      keysLoadedAt = clock.instant();
      k = keys.get(kid);
    }
    if (k == null) {
      throw failed("the ID token is signed with an unknown key (" + kid + ")");
    }
    return k;
  }

  private Map<String, PublicKey> loadKeys(Discovery d) {
    JsonNode jwks = send(HttpRequest.newBuilder(d.jwks()).timeout(Duration.ofSeconds(10)).GET().build(), "keys");
    Map<String, PublicKey> m = new LinkedHashMap<>();
    for (JsonNode k : jwks.path("keys")) {
      if (!"RSA".equals(k.path("kty").asText())) {
        continue;
      }
      try {
        BigInteger n = new BigInteger(1, B64.decode(k.path("n").asText()));
        BigInteger e = new BigInteger(1, B64.decode(k.path("e").asText()));
        m.put(k.path("kid").asText(""), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
      } catch (GeneralSecurityException | IllegalArgumentException ex) {
        // a malformed key is skipped; a token signed with it fails as "unknown key"
      }
    }
    return Map.copyOf(m);
  }

  private Discovery discovery() {
    Discovery d = discovery;
    Instant at = discoveredAt;
    if (d != null && at != null && clock.instant().isBefore(at.plus(CACHE))) {
      return d;
    }
    JsonNode doc = send(HttpRequest.newBuilder(discoveryUrl).timeout(Duration.ofSeconds(10)).GET().build(),
        "discovery");
    try {
      d = new Discovery(doc.path("issuer").asText(), URI.create(doc.path("authorization_endpoint").asText()),
          URI.create(doc.path("token_endpoint").asText()), URI.create(doc.path("jwks_uri").asText()));
    } catch (IllegalArgumentException e) {
      throw new ApiException(503, ErrorCode.UNAVAILABLE, "the sign-in provider's discovery document is malformed",
          Map.of());
    }
    discovery = d;
    discoveredAt = clock.instant();
    return d;
  }

  private JsonNode send(HttpRequest req, String what) {
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        if (what.equals("token exchange") && r.statusCode() / 100 == 4) {
          throw failed("the provider refused the authorisation code (HTTP " + r.statusCode() + ")");
        }
        throw new ApiException(503, ErrorCode.UNAVAILABLE, "the sign-in provider answered " + r.statusCode()
            + " to the " + what + " request", Map.of());
      }
      return Jsons.tree(r.body());
    } catch (IOException e) {
      throw new ApiException(503, ErrorCode.UNAVAILABLE, "the sign-in provider could not be reached (" + what
          + "): " + e.getMessage(), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, ErrorCode.UNAVAILABLE, "interrupted", Map.of());
    }
  }

  private static ApiException failed(String message) {
    return new ApiException(400, ErrorCode.SIGN_IN_FAILED, "sign-in failed: " + message, Map.of());
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> m) {
    return m.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
