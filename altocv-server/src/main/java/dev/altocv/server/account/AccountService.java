package dev.altocv.server.account;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.server.config.Prices;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: signing up (the welcome credits and the sample CV come in the same transaction), finding the person
 * behind a Google identity, settings and deleting an account with everything it owns.
 */
public final class AccountService {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  private static final Pattern EMAIL = Pattern.compile(
      "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}\\.[^@\\s.\\p{Cntrl}]{1,63}");

  private final Jdbi jdbi;
  private final Clock clock;
  private final CreditService credits;
  private final CvService cvs;
  private final SessionService sessions;
  private final boolean sampleCv;
  private final Cv sample;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param credits the ledger
   * @param cvs the CVs
   * @param sessions the sessions
   * @param sampleCv whether new users get the sample CV
   */
  public AccountService(Jdbi jdbi, Clock clock, CreditService credits, CvService cvs, SessionService sessions,
      boolean sampleCv) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.credits = credits;
    this.cvs = cvs;
    this.sessions = sessions;
    this.sampleCv = sampleCv;
    try (InputStream in = AccountService.class.getResourceAsStream("/sample/sample-cv.json")) {
      if (in == null) {
        throw new IllegalStateException("sample CV missing from the jar");
      }
      this.sample = AltoCv.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Normalises and checks an e-mail address.
   *
   * @param email the address as typed
   * @return the address, trimmed and lower-case
   * @throws ApiException 400 when it does not look like an address
   */
  public static String normaliseEmail(@Nullable String email) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(e).matches()) {
      throw ApiException.validation("'email' must be an e-mail address like name@example.com");
    }
    return e;
  }

  /**
   * A signed-in person, and whether the account was made just now.
   *
   * @param user the user
   * @param created true for a new account
   */
  public record SignIn(User user, boolean created) {}

  /**
   * Finds the user with an e-mail address, or makes one (development sign-in).
   *
   * @param email the address
   * @param beforeSignUp runs before a new account is made (the sign-up rate limit)
   * @return the user
   */
  public SignIn signInByEmail(String email, Runnable beforeSignUp) {
    String e = normaliseEmail(email);
    Optional<User> existing = jdbi.withHandle(h -> UserDao.byEmail(h, e));
    if (existing.isPresent()) {
      return new SignIn(existing.get(), false);
    }
    beforeSignUp.run();
    return signUp(e, e.substring(0, e.indexOf('@')), null);
  }

  /**
   * Finds the user behind a Google identity (by subject, then by verified e-mail, linking it), or makes one.
   *
   * @param subject the OIDC subject
   * @param email the verified e-mail address
   * @param name the name from the ID token, or null
   * @param beforeSignUp runs before a new account is made
   * @return the user
   */
  public SignIn signInWithGoogle(String subject, String email, @Nullable String name, Runnable beforeSignUp) {
    String e = normaliseEmail(email);
    Optional<User> bySub = jdbi.withHandle(h -> UserDao.byGoogleSub(h, subject));
    if (bySub.isPresent()) {
      return new SignIn(bySub.get(), false);
    }
    Optional<User> byEmail = jdbi.withHandle(h -> UserDao.byEmail(h, e));
    if (byEmail.isPresent()) {
      // never re-link: an account already tied to one Google identity is not handed to another with the same address
      if (!jdbi.withHandle(h -> UserDao.linkGoogle(h, byEmail.get().id(), subject))) {
        throw new ApiException(400, ErrorCode.SIGN_IN_FAILED, "sign-in failed: the account for " + e + " belongs to "
            + "another Google identity; sign in with that one", Map.of());
      }
      return new SignIn(byEmail.get(), false);
    }
    beforeSignUp.run();
    String n = name == null || name.isBlank() ? e.substring(0, e.indexOf('@')) : name.strip();
    return signUp(e, n.length() > 200 ? n.substring(0, 200) : n, subject);
  }

  private SignIn signUp(String email, String name, @Nullable String googleSub) {
    Prices prices = credits.prices();
    UUID id = UUID.randomUUID();
    Optional<User> made = jdbi.inTransaction(h -> {
      if (!UserDao.insert(h, id, email, name, googleSub, clock.instant())) {
        return Optional.empty();
      }
      if (prices.signupCredits() > 0) {
        credits.grant(h, id, prices.signupCredits(), "grant", "welcome credits", "signup");
      }
      if (sampleCv) {
        cvs.create(h, id, "Sample CV", null, sample, false);
      }
      return UserDao.byId(h, id);
    });
    if (made.isEmpty()) {
      // someone signed up with this address at the same moment: that account is the one
      User u = jdbi.withHandle(h -> UserDao.byEmail(h, email)).orElseThrow();
      return new SignIn(u, false);
    }
    LOG.atInfo().addKeyValue("userId", id).log("account created");
    return new SignIn(made.get(), true);
  }

  /**
   * A user by id.
   *
   * @param id the id
   * @return the user
   */
  public Optional<User> user(UUID id) {
    return jdbi.withHandle(h -> UserDao.byId(h, id));
  }

  /**
   * A user by e-mail address (for administrators).
   *
   * @param email the address
   * @return the user
   */
  public Optional<User> userByEmail(String email) {
    String e = normaliseEmail(email);
    return jdbi.withHandle(h -> UserDao.byEmail(h, e));
  }

  /**
   * Records or withdraws the person's consent to send CV text to an external AI provider.
   *
   * @param userId the user
   * @param consent true to agree
   * @return the user after
   */
  public User setAiConsent(UUID userId, boolean consent) {
    jdbi.useHandle(h -> h.createUpdate("update users set ai_consent_at = :at where id = :id")
        .bind("at", consent ? clock.instant() : null).bind("id", userId).execute());
    return user(userId).orElseThrow(() -> ApiException.notFound("user"));
  }

  /**
   * Sets a user's tier (an administrator's action until billing sets it).
   *
   * @param userId the user
   * @param tier FREE or PRO
   */
  public void setTier(UUID userId, String tier) {
    if (!tier.equals("FREE") && !tier.equals("PRO")) {
      throw ApiException.validation("the tier is FREE or PRO, not " + tier);
    }
    jdbi.useHandle(h -> h.createUpdate("update users set tier = :t where id = :id").bind("t", tier)
        .bind("id", userId).execute());
  }

  /**
   * Deletes an account: its sessions end, and its CVs, versions, edits, chats, proposals, jobs, files, postings,
   * ledger and keys are deleted with it (foreign keys cascade), in one transaction.
   *
   * @param userId the user
   */
  public void delete(UUID userId) {
    sessions.revokeAll(userId);
    jdbi.useTransaction(h -> {
      h.createUpdate("delete from scheduled_tasks where task_instance in (select id::text from jobs where user_id = :u)")
          .bind("u", userId).execute();
      h.createUpdate("delete from users where id = :u").bind("u", userId).execute();
    });
    LOG.atInfo().addKeyValue("userId", userId).log("account deleted");
  }
}
