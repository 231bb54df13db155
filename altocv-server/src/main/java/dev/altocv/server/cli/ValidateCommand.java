package dev.altocv.server.cli;

import dev.altocv.server.cv.Templates;
import dev.altocv.core.AltoCv;
import dev.altocv.core.ValidationReport;
import dev.altocv.core.Violation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code altocv validate FILE}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks a CV (JSON Resume or AltoCV document) against its JSON Schema.%n"
        + "Exit 0 when valid; 1 with one 'pointer: message' line per problem on stderr.")
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the CV file, or - for standard input")
  Path file;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String text = CliFiles.readText(file, "CV");
    ValidationReport report = AltoCv.validate(text);
    if (report.isValid()) {
      String unknown = Templates.unknown(AltoCv.read(text));
      if (unknown != null) {
        var err = spec.commandLine().getErr();
        err.println(file + ": invalid " + report.kind().label() + " (1 problem)");
        err.println("  /altocv/design/templateId: " + unknown);
        return 1;
      }
      spec.commandLine().getOut().println(file + ": valid " + report.kind().label());
      return 0;
    }
    var err = spec.commandLine().getErr();
    err.println(file + ": invalid " + report.kind().label() + " (" + report.violations().size()
        + (report.violations().size() == 1 ? " problem)" : " problems)"));
    for (Violation v : report.violations()) {
      err.println("  " + v);
    }
    return 1;
  }
}
