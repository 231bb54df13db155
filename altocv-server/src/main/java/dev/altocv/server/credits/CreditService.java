package dev.altocv.server.credits;

import dev.altocv.server.config.Prices;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The credit ledger. A balance only changes together with a ledger row, in one transaction that holds the
 * user's row lock, so balance = sum of the ledger and never goes below zero (the database checks that too).
 * A charge with an idempotency key happens once: a repeat returns the first charge.
 */
public final class CreditService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Prices prices;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param prices the prices
   */
  public CreditService(Jdbi jdbi, Clock clock, Prices prices) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.prices = prices;
  }

  /** @return the prices */
  public Prices prices() {
    return prices;
  }

  /**
   * The outcome of a charge.
   *
   * @param balance the balance after it
   * @param repeated true when the key had already been charged: nothing was charged this time
   */
  public record Charge(long balance, boolean repeated) {}

  /**
   * Charges credits in a transaction of its own.
   *
   * @param userId the user
   * @param cost credits, at least 0 (0 records nothing)
   * @param reason what for
   * @param key an idempotency key, or null
   * @return the charge
   * @throws ApiException 402 insufficient_credits with balance and cost
   */
  public Charge spend(UUID userId, long cost, String reason, @Nullable String key) {
    return jdbi.inTransaction(h -> spend(h, userId, cost, reason, key));
  }

  /**
   * Charges credits inside the caller's transaction (so the charge and the work commit or roll back together).
   *
   * @param h the caller's handle, in a transaction
   * @param userId the user
   * @param cost credits, at least 0
   * @param reason what for
   * @param key an idempotency key, or null
   * @return the charge
   * @throws ApiException 402 insufficient_credits with balance and cost
   */
  public Charge spend(Handle h, UUID userId, long cost, String reason, @Nullable String key) {
    if (cost < 0) {
      throw new IllegalArgumentException("cost must not be negative");
    }
    long balance = CreditDao.lockBalance(h, userId).orElseThrow(() -> ApiException.notFound("user"));
    if (key != null) {
      Optional<LedgerEntry> earlier = CreditDao.byKey(h, userId, key);
      if (earlier.isPresent()) {
        return new Charge(balance, true);
      }
    }
    if (cost == 0) {
      return new Charge(balance, false);
    }
    if (balance < cost) {
      throw insufficient(balance, cost);
    }
    long after = CreditDao.addToBalance(h, userId, -cost);
    CreditDao.insert(h, userId, -cost, after, "spend", reason, key, clock.instant());
    return new Charge(after, false);
  }

  /**
   * The 402 error.
   *
   * @param balance the balance
   * @param cost the cost
   * @return the exception
   */
  public static ApiException insufficient(long balance, long cost) {
    return new ApiException(402, ErrorCode.INSUFFICIENT_CREDITS,
        "this costs " + cost + " credits and the balance is " + balance, Map.of("balance", balance, "cost", cost));
  }

  /**
   * Adds credits inside the caller's transaction.
   *
   * @param h the handle
   * @param userId the user
   * @param amount credits, at least 1
   * @param kind grant, refund, admin or refill
   * @param reason what for
   * @param key an idempotency key, or null
   * @return the balance after, or empty when the key had already been used (nothing added)
   */
  public Optional<Long> grant(Handle h, UUID userId, long amount, String kind, String reason, @Nullable String key) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    CreditDao.lockBalance(h, userId).orElseThrow(() -> ApiException.notFound("user"));
    if (key != null && CreditDao.byKey(h, userId, key).isPresent()) {
      return Optional.empty();
    }
    long after = CreditDao.addToBalance(h, userId, amount);
    CreditDao.insert(h, userId, amount, after, kind, reason, key, clock.instant());
    return Optional.of(after);
  }

  /**
   * Refunds a charge by a compensating row; refunding twice refunds once.
   *
   * @param userId the user
   * @param chargeKey the key of the charge
   * @param reason why
   * @return true when a refund was recorded now
   */
  public boolean refund(UUID userId, String chargeKey, String reason) {
    return jdbi.inTransaction(h -> refund(h, userId, chargeKey, reason));
  }

  /**
   * Refunds inside the caller's transaction; see {@link #refund(UUID, String, String)}.
   *
   * @param h the handle
   * @param userId the user
   * @param chargeKey the key of the charge
   * @param reason why
   * @return true when a refund was recorded now
   */
  public boolean refund(Handle h, UUID userId, String chargeKey, String reason) {
    CreditDao.lockBalance(h, userId).orElseThrow(() -> ApiException.notFound("user"));
    Optional<LedgerEntry> charge = CreditDao.byKey(h, userId, chargeKey);
    if (charge.isEmpty() || charge.get().delta() >= 0) {
      return false;
    }
    return grant(h, userId, -charge.get().delta(), "refund", reason, "refund:" + chargeKey).isPresent();
  }

  /**
   * An administrator's adjustment, recorded with its reason.
   *
   * @param userId the user
   * @param delta credits to add (negative to remove)
   * @param reason why, for the audit row
   * @return the balance after
   * @throws ApiException 402 when it would make the balance negative
   */
  public long adjust(UUID userId, long delta, String reason) {
    if (delta == 0) {
      throw ApiException.validation("the adjustment must not be zero");
    }
    return jdbi.inTransaction(h -> {
      long balance = CreditDao.lockBalance(h, userId).orElseThrow(() -> ApiException.notFound("user"));
      if (balance + delta < 0) {
        throw insufficient(balance, -delta);
      }
      long after = CreditDao.addToBalance(h, userId, delta);
      CreditDao.insert(h, userId, delta, after, "admin", reason, null, clock.instant());
      return after;
    });
  }

  /**
   * The balance.
   *
   * @param userId the user
   * @return the balance
   */
  public long balance(UUID userId) {
    return jdbi.withHandle(h -> h.createQuery("select balance from users where id = :id").bind("id", userId)
        .mapTo(Long.class).findOne().orElseThrow(() -> ApiException.notFound("user")));
  }

  /**
   * Ledger rows, newest first.
   *
   * @param userId the user
   * @param limit at most this many
   * @param beforeId only rows with a smaller id (for paging), or {@link Long#MAX_VALUE}
   * @return the rows
   */
  public List<LedgerEntry> ledger(UUID userId, int limit, long beforeId) {
    return jdbi.withHandle(h -> CreditDao.ledger(h, userId, limit, beforeId));
  }

  /**
   * Tops PRO users up to their monthly allowance, once per calendar month (UTC) each; safe to run often and
   * on several nodes at once.
   *
   * @return how many users were topped up
   */
  public int refillPro() {
    Instant now = clock.instant();
    String month = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(now);
    List<UUID> pro = jdbi.withHandle(h -> h.createQuery("select id from users where tier = 'PRO'")
        .mapTo(UUID.class).list());
    int n = 0;
    for (UUID id : pro) {
      boolean done = jdbi.inTransaction(h -> {
        long balance = CreditDao.lockBalance(h, id).orElse(-1L);
        String key = "refill:" + month;
        if (balance < 0 || CreditDao.byKey(h, id, key).isPresent()) {
          return false;
        }
        long top = prices.proMonthlyCredits() - balance;
        if (top <= 0) {
          // nothing to add, but the month is done: record a zero row so later runs skip it
          CreditDao.insert(h, id, 0, balance, "refill", "monthly PRO allowance " + month + " (already at or above "
              + prices.proMonthlyCredits() + ")", key, now);
          return false;
        }
        long after = CreditDao.addToBalance(h, id, top);
        CreditDao.insert(h, id, top, after, "refill", "monthly PRO allowance " + month, key, now);
        return true;
      });
      if (done) {
        n++;
      }
    }
    return n;
  }
}
