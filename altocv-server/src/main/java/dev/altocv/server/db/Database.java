package dev.altocv.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.altocv.core.AltoCvException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database: a server named by a JDBC URL, or an embedded PostgreSQL 15 whose data lives in a
 * folder and which starts and stops with this object. Migrations run on open.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final @Nullable EmbeddedPostgres embedded;
  private final @Nullable Path ownerFile;
  private final String description;

  private Database(HikariDataSource dataSource, @Nullable EmbeddedPostgres embedded, @Nullable Path ownerFile,
      String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.ownerFile = ownerFile;
    this.description = description;
  }

  /**
   * Connects to a PostgreSQL server.
   *
   * @param jdbcUrl the JDBC URL
   * @param poolSize connections in the pool
   * @param schema the schema to use and migrate, or null for the URL's default ({@code public})
   * @return the database, migrated
   */
  public static Database connect(String jdbcUrl, int poolSize, @Nullable String schema) {
    HikariDataSource ds = pool(jdbcUrl, poolSize, schema);
    try {
      migrate(ds, schema);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds, null, null, "PostgreSQL at " + host(jdbcUrl));
  }

  /**
   * Starts the embedded PostgreSQL on the data folder (creating it on the first run), or connects to the one
   * that another running AltoCV process started on that folder. A server left running by an AltoCV process
   * that ended without stopping it (killed, or the machine's power cut) is stopped first, then started afresh,
   * so that this process owns it and stops it when it closes.
   *
   * @param dataDir the data folder; the database lives in its {@code postgres} subfolder
   * @param poolSize connections in the pool
   * @return the database, migrated
   */
  public static Database embedded(Path dataDir, int poolSize) {
    Path pgDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Path ownerFile = dataDir.resolve("postgres.owner").toAbsolutePath().normalize();
    Integer runningPort = runningPort(pgDir);
    if (runningPort != null && ownerAlive(ownerFile)) {
      LOG.info("embedded PostgreSQL already running on port {} for {}", runningPort, pgDir);
      String url = "jdbc:postgresql://127.0.0.1:" + runningPort + "/postgres?user=postgres";
      HikariDataSource ds = pool(url, poolSize, null);
      migrate(ds, null);
      return new Database(ds, null, null,
          "embedded PostgreSQL in " + pgDir + " (shared, port " + runningPort + ")");
    }
    if (runningPort != null) {
      stopOrphan(pgDir);
    }
    try {
      Files.createDirectories(pgDir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(pgDir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      String url = pg.getJdbcUrl("postgres", "postgres").replace("localhost", "127.0.0.1");
      HikariDataSource ds = pool(url, poolSize, null);
      try {
        migrate(ds, null);
        writeOwner(ownerFile);
      } catch (RuntimeException e) {
        ds.close();
        closeQuietly(pg);
        throw e;
      }
      return new Database(ds, pg, ownerFile, "embedded PostgreSQL 15 in " + pgDir + " (port " + pg.getPort() + ")");
    } catch (IOException e) {
      throw new AltoCvException("could not start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
          + " (is the folder writable? is another program using it?)", e);
    }
  }

  /** This process as the owner of the embedded server: its pid and start time, in milliseconds. */
  private static void writeOwner(Path ownerFile) {
    ProcessHandle me = ProcessHandle.current();
    long started = me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    try {
      Files.writeString(ownerFile, me.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + ownerFile, e);
    }
  }

  /**
   * Whether the AltoCV process that started the embedded server still runs. Without an owner file (a server
   * started some other way) the answer is yes: such a server is shared, never stopped.
   */
  static boolean ownerAlive(Path ownerFile) {
    String[] parts;
    try {
      parts = Files.readString(ownerFile, StandardCharsets.UTF_8).trim().split(" ");
    } catch (IOException e) {
      return true;
    }
    try {
      long pid = Long.parseLong(parts[0]);
      long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .map(h -> started == 0 || h.info().startInstant()
              .map(t -> Math.abs(t.toEpochMilli() - started) < 2_000).orElse(true))
          .orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Stops a server whose owner has gone (SIGTERM, as {@code pg_ctl stop -m smart} does), waiting for it to end. */
  private static void stopOrphan(Path pgDir) {
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
    } catch (IOException | RuntimeException e) {
      throw new AltoCvException("an embedded PostgreSQL left running in " + pgDir + " could not be identified ("
          + e.getMessage() + "); stop it, then start again", e);
    }
    LOG.warn("stopping the embedded PostgreSQL (pid {}) left running in {} by an AltoCV process that has ended",
        pid, pgDir);
    ProcessHandle.of(pid).ifPresent(h -> {
      h.destroy();
      try {
        h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // checked below
      }
    });
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      throw new AltoCvException("the embedded PostgreSQL (pid " + pid + ") left running in " + pgDir
          + " did not stop within 30 seconds; stop it, then start again");
    }
  }

  /** The port in a live postmaster.pid (line 4), or null when no server runs on the folder. */
  private static @Nullable Integer runningPort(Path pgDir) {
    Path pid = pgDir.resolve("postmaster.pid");
    if (!Files.isReadable(pid)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
      if (lines.size() < 4) {
        return null;
      }
      int port = Integer.parseInt(lines.get(3).trim());
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return port;
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static HikariDataSource pool(String jdbcUrl, int poolSize, @Nullable String schema) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setMaximumPoolSize(poolSize);
    c.setMinimumIdle(Math.min(2, poolSize));
    c.setPoolName("altocv");
    c.setConnectionTimeout(10_000);
    if (schema != null) {
      c.setSchema(schema);
    }
    try {
      return new HikariDataSource(c);
    } catch (RuntimeException e) {
      throw new AltoCvException("could not connect to PostgreSQL at " + host(jdbcUrl) + ": "
          + rootMessage(e), e);
    }
  }

  /**
   * Runs the migrations on a schema.
   *
   * @param ds the data source
   * @param schema the schema, created when missing, or null for the connection's current schema
   */
  public static void migrate(DataSource ds, @Nullable String schema) {
    var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      config.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    config.load().migrate();
  }

  /**
   * The pooled data source.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * What the database is, for logs (no password).
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Whether the database answers, within a second.
   *
   * @return true when a query works
   */
  public boolean ping() {
    return ping(dataSource);
  }

  /**
   * Whether a data source answers.
   *
   * @param ds the data source
   * @return true when a connection is valid within a second
   */
  public static boolean ping(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Closes the pool, then stops the embedded server if this object started it. */
  @Override
  public void close() {
    dataSource.close();
    if (embedded != null) {
      closeQuietly(embedded);
    }
    if (ownerFile != null) {
      try {
        Files.deleteIfExists(ownerFile);
      } catch (IOException e) {
        LOG.warn("could not delete {}: {}", ownerFile, e.getMessage());
      }
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String host(String jdbcUrl) {
    String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
    int q = rest.indexOf('?');
    return q < 0 ? rest : rest.substring(0, q);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
