package dev.altocv.server.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** SQL for users. */
final class UserDao {
  private UserDao() {}

  static Optional<User> byId(Handle h, UUID id) {
    return h.createQuery("select " + User.COLUMNS + " from users u where u.id = :id")
        .bind("id", id).map((rs, c) -> User.map(rs)).findOne();
  }

  static Optional<User> byEmail(Handle h, String email) {
    return h.createQuery("select " + User.COLUMNS + " from users u where u.email = :e")
        .bind("e", email).map((rs, c) -> User.map(rs)).findOne();
  }

  static Optional<User> byGoogleSub(Handle h, String sub) {
    return h.createQuery("select " + User.COLUMNS + " from users u where u.google_sub = :s")
        .bind("s", sub).map((rs, c) -> User.map(rs)).findOne();
  }

  /** Inserts a user with a zero balance; returns false when the e-mail address is taken (a concurrent sign-up). */
  static boolean insert(Handle h, UUID id, String email, String name, @Nullable String googleSub, Instant at) {
    return h.createUpdate("insert into users (id, email, name, google_sub, balance, created_at) "
            + "values (:id, :e, :n, :g, 0, :at) on conflict do nothing")
        .bind("id", id).bind("e", email).bind("n", name).bind("g", googleSub).bind("at", at).execute() == 1;
  }

  /** Links a Google identity to an account that has none; false when the account is linked to another one. */
  static boolean linkGoogle(Handle h, UUID id, String sub) {
    return h.createUpdate("update users set google_sub = :s where id = :id and (google_sub is null or google_sub = :s)")
        .bind("s", sub).bind("id", id).execute() == 1;
  }
}
