package dev.altocv.server.account;

import dev.altocv.server.web.Signer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Server-side sessions behind a signed cookie. The cookie holds a random token and its signature; the database
 * holds only the token's hash, so a leaked table does not sign anyone in. A session ends when revoked (sign-out,
 * "sign out everywhere", account deletion), after the idle time-out, or at its absolute time-out.
 */
public final class SessionService {
  /** last_seen_at is written at most this often, so reads stay reads. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Signer signer;
  private final Duration idle;
  private final Duration maxAge;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param secret the session secret
   * @param idle the idle time-out
   * @param maxAge the absolute time-out
   */
  public SessionService(Jdbi jdbi, Clock clock, String secret, Duration idle, Duration maxAge) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.signer = new Signer(secret, "session");
    this.idle = idle;
    this.maxAge = maxAge;
  }

  /**
   * A new session.
   *
   * @param cookieValue the signed cookie value
   * @param csrfToken the CSRF token of the session
   * @param maxAge how long the cookie lives
   */
  public record NewSession(String cookieValue, String csrfToken, Duration maxAge) {}

  /**
   * A live session.
   *
   * @param tokenHash the session's key
   * @param user the user
   * @param csrfToken the CSRF token
   */
  public record Current(String tokenHash, User user, String csrfToken) {}

  /**
   * Starts a session for a user.
   *
   * @param userId the user
   * @return the cookie value and CSRF token
   */
  public NewSession create(UUID userId) {
    String token = Signer.randomToken(32);
    String csrf = Signer.randomToken(24);
    Instant now = clock.instant();
    jdbi.useHandle(h -> h.createUpdate("insert into sessions (token_hash, user_id, csrf_token, created_at, "
            + "last_seen_at, expires_at) values (:t, :u, :c, :now, :now, :exp)")
        .bind("t", Signer.sha256(token)).bind("u", userId).bind("c", csrf).bind("now", now)
        .bind("exp", now.plus(maxAge)).execute());
    return new NewSession(signer.seal(token), csrf, maxAge);
  }

  /**
   * The live session a cookie names.
   *
   * @param cookieValue the cookie value, or null
   * @return the session, or empty when the cookie is missing, forged, revoked or expired
   */
  public Optional<Current> resolve(@Nullable String cookieValue) {
    String token = signer.unseal(cookieValue);
    if (token == null) {
      return Optional.empty();
    }
    String hash = Signer.sha256(token);
    Instant now = clock.instant();
    return jdbi.withHandle(h -> {
      Optional<Row> row = h.createQuery("select s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at, "
              + User.COLUMNS + " from sessions s join users u on u.id = s.user_id where s.token_hash = :t")
          .bind("t", hash)
          .map((rs, c) -> new Row(rs.getString("csrf_token"),
              rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
              rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
              rs.getObject("revoked_at", OffsetDateTime.class) != null, User.map(rs)))
          .findOne();
      if (row.isEmpty()) {
        return Optional.empty();
      }
      Row r = row.get();
      if (r.revoked || !now.isBefore(r.expiresAt) || !now.isBefore(r.lastSeen.plus(idle))) {
        return Optional.empty();
      }
      if (!now.isBefore(r.lastSeen.plus(TOUCH_EVERY))) {
        h.createUpdate("update sessions set last_seen_at = :now where token_hash = :t")
            .bind("now", now).bind("t", hash).execute();
      }
      return Optional.of(new Current(hash, r.user, r.csrf));
    });
  }

  private record Row(String csrf, Instant lastSeen, Instant expiresAt, boolean revoked, User user) {}

  /**
   * Ends one session.
   *
   * @param tokenHash the session's key
   */
  public void revoke(String tokenHash) {
    jdbi.useHandle(h -> h.createUpdate("update sessions set revoked_at = :now where token_hash = :t "
        + "and revoked_at is null").bind("now", clock.instant()).bind("t", tokenHash).execute());
  }

  /**
   * Ends every session of a user ("sign out everywhere").
   *
   * @param userId the user
   * @return how many sessions ended
   */
  public int revokeAll(UUID userId) {
    return jdbi.withHandle(h -> h.createUpdate("update sessions set revoked_at = :now where user_id = :u "
        + "and revoked_at is null").bind("now", clock.instant()).bind("u", userId).execute());
  }

  /**
   * Deletes sessions that can no longer be used.
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    return jdbi.withHandle(h -> h.createUpdate("delete from sessions where expires_at < :now "
            + "or last_seen_at < :idle or revoked_at < :day")
        .bind("now", now).bind("idle", now.minus(idle)).bind("day", now.minus(Duration.ofDays(1))).execute());
  }
}
