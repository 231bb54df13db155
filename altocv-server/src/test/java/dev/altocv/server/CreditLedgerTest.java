package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.server.account.AccountService;
import dev.altocv.server.account.User;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.credits.LedgerEntry;
import dev.altocv.server.support.CliRun;
import dev.altocv.server.support.TestServer;
import dev.altocv.server.web.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static UUID newUser(String email) {
    return server.services.accounts.signInByEmail(email, () -> { }).user().id();
  }

  private static long ledgerSum(UUID user) {
    return server.services.jdbi.withHandle(h -> h.createQuery(
        "select coalesce(sum(delta), 0) from credit_transactions where user_id = :u").bind("u", user)
        .mapTo(Long.class).one());
  }

  @Test
  void aThousandConcurrentSpendsNeverOverdrawAndNeverChargeARepeatTwice() throws Exception {
    CreditService credits = server.services.credits;
    UUID user = newUser("concurrent@example.com");
    credits.adjust(user, 947, "test top-up"); // balance 997
    long start = credits.balance(user);
    long cost = 3;
    int spends = 1000;
    // every tenth spend repeats the key of the one before: a retried request
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger charged = new AtomicInteger();
    AtomicInteger repeated = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < spends; i++) {
      String key = "spend-" + (i % 10 == 9 ? i - 1 : i);
      futures.add(pool.submit(() -> {
        go.await();
        try {
          CreditService.Charge c = credits.spend(user, cost, "load test", key);
          if (c.repeated()) {
            repeated.incrementAndGet();
          } else {
            charged.incrementAndGet();
          }
          assertThat(c.balance()).isNotNegative();
        } catch (ApiException e) {
          assertThat(e.status()).isEqualTo(402);
          refused.incrementAndGet();
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    long distinctKeys = spends - spends / 10;
    long expectedCharges = Math.min(distinctKeys, start / cost);
    long end = credits.balance(user);
    assertThat(charged.get()).isEqualTo(expectedCharges);
    assertThat(end).isEqualTo(start - expectedCharges * cost).isNotNegative();
    assertThat(ledgerSum(user)).isEqualTo(end);
    assertThat(charged.get() + repeated.get() + refused.get()).isEqualTo(spends);
    List<LedgerEntry> rows = credits.ledger(user, 2000, Long.MAX_VALUE);
    assertThat(rows.stream().filter(r -> r.kind().equals("spend")).map(LedgerEntry::idempotencyKey).distinct()
        .count()).isEqualTo(expectedCharges);
    assertThat(rows).allSatisfy(r -> assertThat(r.balanceAfter()).isNotNegative());
  }

  @Test
  void refundsAreCompensatingRowsAndHappenOnce() {
    CreditService credits = server.services.credits;
    UUID user = newUser("refund@example.com");
    credits.spend(user, 10, "ATS analysis", "job:1");
    assertThat(credits.balance(user)).isEqualTo(40);
    assertThat(credits.refund(user, "job:1", "failed")).isTrue();
    assertThat(credits.refund(user, "job:1", "failed")).isFalse();
    assertThat(credits.refund(user, "job:unknown", "failed")).isFalse();
    assertThat(credits.balance(user)).isEqualTo(50).isEqualTo(ledgerSum(user));
    assertThat(credits.ledger(user, 10, Long.MAX_VALUE).get(0).kind()).isEqualTo("refund");
  }

  @Test
  void adminAdjustmentsAreAuditedAndNeverGoNegative() {
    CreditService credits = server.services.credits;
    UUID user = newUser("admin-adjust@example.com");
    assertThat(credits.adjust(user, 25, "goodwill")).isEqualTo(75);
    assertThatThrownBy(() -> credits.adjust(user, -100, "too much")).isInstanceOf(ApiException.class)
        .hasMessageContaining("balance is 75");
    assertThat(credits.adjust(user, -75, "reset")).isZero();
    LedgerEntry last = credits.ledger(user, 1, Long.MAX_VALUE).get(0);
    assertThat(last.kind()).isEqualTo("admin");
    assertThat(last.reason()).isEqualTo("reset");
    assertThat(ledgerSum(user)).isZero();
  }

  @Test
  void proUsersAreToppedUpOncePerMonth() {
    CreditService credits = server.services.credits;
    AccountService accounts = server.services.accounts;
    UUID pro = newUser("pro@example.com");
    UUID free = newUser("free@example.com");
    accounts.setTier(pro, "PRO");
    credits.refillPro();
    credits.refillPro();
    assertThat(credits.balance(pro)).isEqualTo(500);
    assertThat(credits.balance(free)).isEqualTo(50);
    credits.spend(pro, 100, "use", null);
    server.clock.advance(Duration.ofDays(32));
    credits.refillPro();
    assertThat(credits.balance(pro)).isEqualTo(500).isEqualTo(ledgerSum(pro));
  }

  @Test
  void theAdminCommandAdjustsABalanceWithAnAuditRow() {
    User u = server.services.accounts.signInByEmail("cli-admin@example.com", () -> { }).user();
    String url = dev.altocv.server.support.TestDatabase.serverUrl()
        + (dev.altocv.server.support.TestDatabase.serverUrl().contains("?") ? "&" : "?")
        + "currentSchema=" + server.db.schema();
    CliRun ok = cli("admin", "credits", "--database-url", url, "--email", "CLI-Admin@example.com", "--delta", "30",
        "--reason", "support ticket 12");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("+30 credits, balance now 80");
    LedgerEntry row = server.services.credits.ledger(u.id(), 1, Long.MAX_VALUE).get(0);
    assertThat(row.kind()).isEqualTo("admin");
    assertThat(row.reason()).isEqualTo("admin: support ticket 12");
    CliRun overdraw = cli("admin", "credits", "--database-url", url, "--email", "cli-admin@example.com",
        "--delta", "-1000", "--reason", "x");
    assertThat(overdraw.code()).isEqualTo(1);
    assertThat(overdraw.err()).contains("balance is 80");
    assertThat(cli("admin", "credits", "--database-url", url, "--email", "nobody@example.com", "--delta", "5",
        "--reason", "x").err()).contains("no account with e-mail address nobody@example.com");
    assertThat(cli("admin", "credits", "--email", "x@example.com", "--delta", "0", "--reason", "x").code())
        .isEqualTo(2);
    CliRun tier = cli("admin", "tier", "--database-url", url, "--email", "cli-admin@example.com", "--tier", "pro");
    assertThat(tier.code()).as(tier.err()).isZero();
    assertThat(server.services.accounts.user(u.id()).orElseThrow().tier()).isEqualTo("PRO");
    assertThat(server.services.credits.balance(u.id())).isEqualTo(80).isEqualTo(ledgerSum(u.id()));
  }

  static CliRun cli(String... args) {
    return CliRun.of(args);
  }
}
