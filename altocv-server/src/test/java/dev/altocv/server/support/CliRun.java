package dev.altocv.server.support;

import dev.altocv.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code altocv} command run in-process: its exit code and what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int code, String out, String err) {

  /**
   * Runs the command with this process's environment.
   *
   * @param args the arguments
   * @return the result
   */
  public static CliRun of(String... args) {
    return withEnv(System.getenv(), args);
  }

  /**
   * Runs the command with the given environment variables.
   *
   * @param env the environment the command reads
   * @param args the arguments
   * @return the result
   */
  public static CliRun withEnv(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
