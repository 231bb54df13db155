package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.server.db.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL that {@code ./altocv serve} runs on its data folder: data kept across restarts, a second
 * process sharing the server of a running one, and a server left behind by a killed process taken over, not
 * leaked.
 */
class EmbeddedDatabaseTest {
  @TempDir Path data;

  @Test
  void keepsDataAcrossRestartsAndStopsTheServerOnClose() throws Exception {
    long postmaster;
    try (Database db = Database.embedded(data, 2)) {
      assertThat(db.description()).startsWith("embedded PostgreSQL 15 in ").doesNotContain("shared");
      assertThat(db.ping()).isTrue();
      execute(db, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('first run')");
      assertThat(data.resolve("postgres.owner")).exists();
      postmaster = postmasterPid();
    }
    assertThat(ended(postmaster)).isTrue();
    assertThat(data.resolve("postgres.owner")).doesNotExist();

    try (Database again = Database.embedded(data, 2)) {
      assertThat(query(again, "SELECT v FROM kept")).isEqualTo("first run");
    }
  }

  @Test
  void aSecondProcessSharesTheServerOfARunningOne() throws Exception {
    try (Database owner = Database.embedded(data, 2)) {
      long postmaster = postmasterPid();
      try (Database sharer = Database.embedded(data, 2)) {
        assertThat(sharer.description()).contains("(shared, port ");
        execute(sharer, "CREATE TABLE seen (v int)", "INSERT INTO seen VALUES (7)");
      }
      // the sharer closing leaves the owner's server running
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isTrue();
      assertThat(query(owner, "SELECT v FROM seen")).isEqualTo("7");
    }
  }

  @Test
  void aServerLeftByAKilledProcessIsTakenOverAndStopped() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Owner.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the child process's output:%n%s", seen).isEqualTo("ready");
    } finally {
      // like kill -9: no shutdown hook, the server stays behind
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    long orphan = postmasterPid();
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isTrue();

    long mine;
    try (Database db = Database.embedded(data, 2)) {
      assertThat(db.description()).doesNotContain("shared");
      assertThat(ended(orphan)).isTrue();
      // what the killed process wrote is still there
      assertThat(query(db, "SELECT v FROM written_before_the_kill")).isEqualTo("kept");
      mine = postmasterPid();
      assertThat(mine).isNotEqualTo(orphan);
    }
    assertThat(ended(mine)).isTrue();
  }

  /** Whether a process has ended, or ends within 10 seconds (a stopped server's last moments). */
  private static boolean ended(long pid) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private long postmasterPid() throws Exception {
    return Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
  }

  private static void execute(Database db, String... sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static String query(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }

  /** The process that is killed: starts the embedded server on the folder, writes a row, says ready, waits. */
  public static final class Owner {
    private Owner() {}

    /**
     * @param args the data folder
     * @throws Exception when the server does not start
     */
    public static void main(String[] args) throws Exception {
      Database db = Database.embedded(Path.of(args[0]), 2);
      execute(db, "CREATE TABLE written_before_the_kill (v text)", "INSERT INTO written_before_the_kill VALUES ('kept')");
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // the test kills it long before
      db.close();
    }
  }
}
