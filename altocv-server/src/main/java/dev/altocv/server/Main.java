package dev.altocv.server;

import dev.altocv.core.AltoCvException;
import dev.altocv.server.cli.AiCommand;
import dev.altocv.server.cli.AtsCommand;
import dev.altocv.server.cli.AdminCommand;
import dev.altocv.server.cli.CliException;
import dev.altocv.server.cli.ConvertCommand;
import dev.altocv.server.cli.ImportCommand;
import dev.altocv.server.cli.MatchCommand;
import dev.altocv.server.cli.PatchCommand;
import dev.altocv.server.cli.RankCommand;
import dev.altocv.server.cli.RenderCommand;
import dev.altocv.server.cli.ServeCommand;
import dev.altocv.server.cli.TemplatesCommand;
import dev.altocv.server.cli.ValidateCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code altocv} command. Exit codes: 0 success, 1 invalid input or a rejected operation, 2 a usage error
 * or a file that cannot be read. No stack trace reaches the user unless {@code ALTOCV_DEBUG=1}.
 */
@Command(
    name = "altocv",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "AltoCV: CVs that get past applicant-tracking systems.%n"
        + "Every command that takes a CV accepts a JSON Resume file or an AltoCV document.",
    subcommands = {
        ValidateCommand.class,
        PatchCommand.class,
        ConvertCommand.class,
        AtsCommand.class,
        MatchCommand.class,
        RankCommand.class,
        AiCommand.class,
        RenderCommand.class,
        ImportCommand.class,
        TemplatesCommand.class,
        ServeCommand.class,
        AdminCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for invalid input or a rejected operation. */
  public static final int INVALID = 1;
  /** Exit code for a usage error or an unreadable file. */
  public static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;

  Main(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The environment the commands read their settings from (the process environment, or the one a test gave).
   *
   * @return the variables
   */
  public Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line with the given streams; used by tests.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given streams and environment; used by tests.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @param env the environment variables the commands read (for example {@code ALTOCV_AI_PROVIDER})
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    CommandLine cl = new CommandLine(new Main(env));
    cl.getSubcommands().get("serve").getCommandSpec().usageMessage().footer(ServeCommand.settingsHelp());
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof dev.altocv.ai.AiException a) {
        e.println("altocv: " + a.getMessage());
        return AiCommand.exitCode(a);
      }
      if (ex instanceof CliException c) {
        e.println("altocv: " + c.getMessage());
        return c.exitCode();
      }
      if (ex instanceof AltoCvException a) {
        e.println("altocv: " + a.getMessage());
        return INVALID;
      }
      e.println("altocv: unexpected error: " + ex);
      if ("1".equals(System.getenv("ALTOCV_DEBUG"))) {
        ex.printStackTrace(e);
      } else {
        e.println("(set ALTOCV_DEBUG=1 to see the stack trace)");
      }
      return INVALID;
    });
    int code = cl.execute(args);
    // PrintStream and PrintWriter swallow write errors (a full disk, a closed pipe): ask them
    if (cl.getOut().checkError() | out.checkError()) {
      cl.getErr().println("altocv: could not write to standard output (a full disk or a closed pipe?)");
      return USAGE;
    }
    return code;
  }

  /**
   * The application's version.
   *
   * @return the version from the jar manifest, or "development build"
   */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"altocv " + version()};
    }
  }
}
