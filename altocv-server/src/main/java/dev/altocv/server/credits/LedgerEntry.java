package dev.altocv.server.credits;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a user's credit ledger.
 *
 * @param id increasing id
 * @param delta credits added (positive) or spent (negative)
 * @param balanceAfter the balance after this row
 * @param kind grant, spend, refund, admin or refill
 * @param reason what it was for
 * @param idempotencyKey the key that makes it happen once, if any
 * @param createdAt when
 */
public record LedgerEntry(long id, long delta, long balanceAfter, String kind, String reason,
    @Nullable String idempotencyKey, Instant createdAt) {}
