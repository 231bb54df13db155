package dev.altocv.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code altocv serve}: the server is not built yet; this says so plainly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Starts the AltoCV server (not built yet).")
public final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Whether a server is running in this process (then the JVM must not exit after the command returns).
   *
   * @return false: there is no server yet
   */
  public static boolean isServing() {
    return false;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("altocv: the server is not built yet. Available now: validate, patch, convert, ats, match, rank "
        + "(./altocv help).");
    return 1;
  }
}
