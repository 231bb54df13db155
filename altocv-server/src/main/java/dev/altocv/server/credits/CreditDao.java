package dev.altocv.server.credits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** SQL for balances and the ledger; every method runs on the caller's handle (inside its transaction). */
final class CreditDao {
  private CreditDao() {}

  static Optional<Long> lockBalance(Handle h, UUID userId) {
    return h.createQuery("select balance from users where id = :id for update")
        .bind("id", userId).mapTo(Long.class).findOne();
  }

  static Optional<LedgerEntry> byKey(Handle h, UUID userId, String key) {
    return h.createQuery("select id, delta, balance_after, kind, reason, idempotency_key, created_at "
            + "from credit_transactions where user_id = :u and idempotency_key = :k")
        .bind("u", userId).bind("k", key).map((rs, c) -> entry(rs)).findOne();
  }

  static long addToBalance(Handle h, UUID userId, long delta) {
    return h.createQuery("update users set balance = balance + :d where id = :id returning balance")
        .bind("d", delta).bind("id", userId).mapTo(Long.class).one();
  }

  static void insert(Handle h, UUID userId, long delta, long balanceAfter, String kind, String reason,
      @Nullable String key, Instant at) {
    h.createUpdate("insert into credit_transactions (user_id, delta, balance_after, kind, reason, idempotency_key, "
            + "created_at) values (:u, :d, :b, :kind, :r, :k, :at)")
        .bind("u", userId).bind("d", delta).bind("b", balanceAfter).bind("kind", kind).bind("r", reason)
        .bind("k", key).bind("at", at).execute();
  }

  static List<LedgerEntry> ledger(Handle h, UUID userId, int limit, long beforeId) {
    return h.createQuery("select id, delta, balance_after, kind, reason, idempotency_key, created_at "
            + "from credit_transactions where user_id = :u and id < :before order by id desc limit :n")
        .bind("u", userId).bind("before", beforeId).bind("n", limit).map((rs, c) -> entry(rs)).list();
  }

  private static LedgerEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getLong("delta"), rs.getLong("balance_after"), rs.getString("kind"),
        rs.getString("reason"), rs.getString("idempotency_key"),
        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
  }
}
