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
  private final String description;

  private Database(HikariDataSource dataSource, @Nullable EmbeddedPostgres embedded, String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
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
    return new Database(ds, null, "PostgreSQL at " + host(jdbcUrl));
  }

  /**
   * Starts the embedded PostgreSQL on the data folder (creating it on the first run), or connects to the one
   * that another AltoCV process already runs on that folder.
   *
   * @param dataDir the data folder; the database lives in its {@code postgres} subfolder
   * @param poolSize connections in the pool
   * @return the database, migrated
   */
  public static Database embedded(Path dataDir, int poolSize) {
    Path pgDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Integer runningPort = runningPort(pgDir);
    if (runningPort != null) {
      LOG.info("embedded PostgreSQL already running on port {} for {}", runningPort, pgDir);
      String url = "jdbc:postgresql://127.0.0.1:" + runningPort + "/postgres?user=postgres";
      HikariDataSource ds = pool(url, poolSize, null);
      migrate(ds, null);
      return new Database(ds, null, "embedded PostgreSQL in " + pgDir + " (shared, port " + runningPort + ")");
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
      } catch (RuntimeException e) {
        ds.close();
        closeQuietly(pg);
        throw e;
      }
      return new Database(ds, pg, "embedded PostgreSQL 15 in " + pgDir + " (port " + pg.getPort() + ")");
    } catch (IOException e) {
      throw new AltoCvException("could not start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
          + " (is the folder writable? is another program using it?)", e);
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
