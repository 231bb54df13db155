package dev.altocv.server.cli;

import dev.altocv.server.App;
import dev.altocv.server.Services;
import dev.altocv.server.config.Settings;
import dev.altocv.server.config.SettingsException;
import dev.altocv.server.db.Database;
import dev.altocv.server.ops.Logging;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code altocv serve}: starts the server and runs until stopped (Ctrl-C or SIGTERM: a graceful stop). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Starts the AltoCV server on http://localhost:7070. Without DATABASE_URL it runs an embedded "
        + "PostgreSQL 15 under the data folder, with development sign-in. Settings come from the environment.")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ALTOCV_PORT or 7070)")
  @Nullable Integer port;

  @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: ALTOCV_DATA_DIR or ./data)")
  @Nullable Path data;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand
  dev.altocv.server.Main main;

  /**
   * The settings list for {@code --help}.
   *
   * @return one line per setting
   */
  public static String settingsHelp() {
    StringBuilder b = new StringBuilder("%nSettings (environment variables, validated at start-up):%n");
    for (Settings.Definition d : Settings.DEFINITIONS) {
      b.append(String.format("  %-28s %s%n  %-28s   default: %s%n", d.name(), d.help().replace("%", "%%"), "",
          d.defaultValue().replace("%", "%%")));
    }
    return b.toString();
  }

  @Override
  public Integer call() {
    Settings settings;
    try {
      settings = Settings.fromEnvironment(main.env(), port, data, ServeCommand::sessionSecret);
    } catch (SettingsException e) {
      throw new CliException(2, "bad setting: " + e.getMessage());
    }
    Services.Options options;
    try {
      options = Services.Options.fromEnvironment(settings, main.env());
    } catch (dev.altocv.ai.AiException e) {
      throw new CliException(2, "bad AI setting: " + e.getMessage());
    }
    Logging.configureServer(settings.logFormat());
    long start = System.nanoTime();
    Database db;
    try {
      db = settings.embeddedDatabase()
          ? Database.embedded(settings.dataDir(), settings.dbPoolSize())
          : Database.connect(settings.databaseUrl(), settings.dbPoolSize(), null);
    } catch (RuntimeException e) {
      throw new CliException(1, "the database could not be opened: " + e.getMessage());
    }
    Services services;
    App.Built app;
    try {
      services = new Services(settings, db.dataSource(), Clock.systemUTC(), options);
      app = App.build(services);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    try {
      app.javalin().start(settings.bind(), settings.port());
      services.start();
    } catch (RuntimeException e) {
      stop(app.javalin());
      services.close();
      db.close();
      throw new CliException(1, "could not start on " + settings.bind() + ":" + settings.port() + ": "
          + rootMessage(e) + " (is another server running? try --port)");
    }
    LOG.atInfo().addKeyValue("database", db.description()).addKeyValue("settings", settings.describe())
        .addKeyValue("startupMs", (System.nanoTime() - start) / 1_000_000).log("AltoCV is ready");
    print(spec.commandLine().getErr(), "AltoCV is running at " + settings.base()
        + (settings.devLogin() ? " (development sign-in on)" : "")
        + (services.chatEngine == null ? "; AI features off (no ALTOCV_AI_PROVIDER)" : "") + "; Ctrl-C stops it.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      app.ops().stopping();
      app.jobRoutes().stop();
      stop(app.javalin());
      services.close();
      db.close();
      LOG.info("stopped");
      stopped.countDown();
    }, "altocv-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void stop(Javalin javalin) {
    try {
      javalin.stop();
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).log("the web server did not stop cleanly");
    }
  }

  /** A generated secret kept in the data folder, so embedded-mode sessions survive a restart. */
  static String sessionSecret(Path dataDir) {
    Path file = dataDir.resolve("session-secret");
    try {
      if (Files.isReadable(file)) {
        String s = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (s.length() >= 32) {
          return s;
        }
      }
      Files.createDirectories(dataDir);
      String secret = dev.altocv.server.web.Signer.randomToken(48);
      Path tmp = Files.createTempFile(dataDir, ".session-secret", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's permissions apply
      }
      Files.writeString(tmp, secret, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new SettingsException("ALTOCV_DATA_DIR", "must be a writable folder (" + dataDir + "): " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static void print(java.io.PrintWriter w, String s) {
    w.println(s);
    w.flush();
  }
}
