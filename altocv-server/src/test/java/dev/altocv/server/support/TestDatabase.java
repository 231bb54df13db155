package dev.altocv.server.support;

import dev.altocv.server.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The PostgreSQL server the tests use: the one named by ALTOCV_TEST_DATABASE_URL (CI), or one embedded
 * PostgreSQL started once per test JVM. Each user of it gets a fresh schema, migrated, and dropped at close.
 */
public final class TestDatabase implements AutoCloseable {
  private static String serverUrl;

  private final Database database;
  private final String schema;

  private TestDatabase(Database database, String schema) {
    this.database = database;
    this.schema = schema;
  }

  /**
   * The JDBC URL of the shared test server (started on first use).
   *
   * @return the URL
   */
  public static synchronized String serverUrl() {
    if (serverUrl == null) {
      String env = System.getenv("ALTOCV_TEST_DATABASE_URL");
      if (env != null && !env.isBlank()) {
        serverUrl = env.strip();
      } else {
        try {
          EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              pg.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }));
          serverUrl = pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
          throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
      }
    }
    return serverUrl;
  }

  /**
   * A fresh, migrated schema on the test server.
   *
   * @param poolSize connections
   * @return the database; close drops the schema
   */
  public static TestDatabase fresh(int poolSize) {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    return new TestDatabase(Database.connect(serverUrl(), poolSize, schema), schema);
  }

  /** @return the pooled data source on the schema */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** @return the schema's name */
  public String schema() {
    return schema;
  }

  @Override
  public void close() {
    database.close();
    try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }
}
