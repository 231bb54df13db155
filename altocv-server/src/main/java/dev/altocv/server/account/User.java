package dev.altocv.server.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person with an account.
 *
 * @param id the id
 * @param email the e-mail address, lower-case
 * @param name the display name
 * @param tier FREE or PRO
 * @param balance credits
 * @param aiConsentAt when the person agreed that CV text may go to an external AI provider, or null
 * @param createdAt when the account was made
 */
public record User(UUID id, String email, String name, String tier, long balance, @Nullable Instant aiConsentAt,
    Instant createdAt) {

  static final String COLUMNS = "u.id, u.email, u.name, u.tier, u.balance, u.ai_consent_at, u.created_at";

  static User map(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.time.OffsetDateTime consent = rs.getObject("ai_consent_at", java.time.OffsetDateTime.class);
    return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
        rs.getString("tier"), rs.getLong("balance"), consent == null ? null : consent.toInstant(),
        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
  }
}
