package dev.altocv.server.cli;

import dev.altocv.server.config.DatabaseUrls;
import dev.altocv.server.config.Prices;
import dev.altocv.server.config.SettingsException;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.db.Database;
import dev.altocv.server.web.ApiException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code altocv admin ...}: an operator's actions on the database the server uses (DATABASE_URL, or the
 * embedded one in the data folder, shared with a running server). Every change leaves an audit row.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Administrator actions on the server's database (DATABASE_URL, or the embedded database in the "
        + "data folder).",
    subcommands = {AdminCommand.Credits.class, AdminCommand.Tier.class})
public final class AdminCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand
  dev.altocv.server.Main main;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every admin action shares. */
  static final class Target {
    @Option(names = "--email", required = true, paramLabel = "E", description = "the account's e-mail address")
    String email = "";

    @Option(names = "--data", paramLabel = "DIR", description = "data folder of the embedded database "
        + "(default: ALTOCV_DATA_DIR or ./data); ignored with DATABASE_URL")
    @Nullable Path data;

    @Option(names = "--database-url", paramLabel = "URL", description = "the database (default: DATABASE_URL; "
        + "without either, the embedded database in the data folder)")
    @Nullable String databaseUrl;

    Database open(java.util.Map<String, String> env) {
      String url = databaseUrl != null ? databaseUrl : env.get("DATABASE_URL");
      try {
        if (url != null && !url.isBlank()) {
          return Database.connect(DatabaseUrls.toJdbc(url.strip()), 2, null);
        }
        String dir = env.get("ALTOCV_DATA_DIR");
        Path d = data != null ? data : Path.of(dir == null || dir.isBlank() ? "./data" : dir);
        return Database.embedded(d, 2);
      } catch (SettingsException e) {
        throw new CliException(2, e.getMessage());
      } catch (RuntimeException e) {
        throw new CliException(1, "the database could not be opened: " + e.getMessage());
      }
    }

    UUID userId(Jdbi jdbi) {
      String e = email.strip().toLowerCase(Locale.ROOT);
      Optional<UUID> id = jdbi.withHandle(h -> h.createQuery("select id from users where email = :e").bind("e", e)
          .mapTo(UUID.class).findOne());
      return id.orElseThrow(() -> new CliException(1, "no account with e-mail address " + e));
    }
  }

  /** {@code altocv admin credits --email E --delta N --reason R}. */
  @Command(name = "credits", mixinStandardHelpOptions = true,
      description = "Adds (or with a negative delta removes) credits, with a reason kept in the ledger.")
  static final class Credits implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Option(names = "--delta", required = true, paramLabel = "N", description = "credits to add; negative removes")
    long delta;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "why, kept in the ledger")
    String reason = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AdminCommand admin;

    @Override
    public Integer call() {
      if (reason.isBlank()) {
        throw new CliException(2, "--reason must not be empty");
      }
      if (delta == 0) {
        throw new CliException(2, "--delta must not be zero");
      }
      try (Database db = target.open(admin.main.env())) {
        Jdbi jdbi = Jdbi.create(db.dataSource());
        UUID user = target.userId(jdbi);
        long after;
        try {
          after = new CreditService(jdbi, Clock.systemUTC(), Prices.DEFAULTS).adjust(user, delta,
              "admin: " + reason.strip());
        } catch (ApiException e) {
          throw new CliException(1, e.getMessage());
        }
        spec.commandLine().getOut().println(target.email.strip().toLowerCase(Locale.ROOT) + ": "
            + (delta > 0 ? "+" : "") + delta + " credits, balance now " + after);
        return 0;
      }
    }
  }

  /** {@code altocv admin tier --email E --tier PRO}. */
  @Command(name = "tier", mixinStandardHelpOptions = true,
      description = "Sets an account's tier (FREE or PRO; PRO is topped up monthly). Until billing sets it.")
  static final class Tier implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Option(names = "--tier", required = true, paramLabel = "T", description = "FREE or PRO")
    String tier = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AdminCommand admin;

    @Override
    public Integer call() {
      String t = tier.strip().toUpperCase(Locale.ROOT);
      if (!t.equals("FREE") && !t.equals("PRO")) {
        throw new CliException(2, "--tier must be FREE or PRO, not " + tier);
      }
      try (Database db = target.open(admin.main.env())) {
        Jdbi jdbi = Jdbi.create(db.dataSource());
        UUID user = target.userId(jdbi);
        jdbi.useHandle(h -> h.createUpdate("update users set tier = :t where id = :id").bind("t", t)
            .bind("id", user).execute());
        spec.commandLine().getOut().println(target.email.strip().toLowerCase(Locale.ROOT) + ": tier " + t);
        return 0;
      }
    }
  }
}
