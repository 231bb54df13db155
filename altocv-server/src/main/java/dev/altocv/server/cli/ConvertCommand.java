package dev.altocv.server.cli;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv convert IN --to resume|altocv}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Converts between JSON Resume and AltoCV documents.%n"
        + "To AltoCV: item ids are assigned and default design settings added. "
        + "To JSON Resume: ids and AltoCV's own parts are dropped; unknown fields are kept.")
public final class ConvertCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", description = "the CV (JSON Resume or AltoCV document)")
  Path input;

  @Option(names = "--to", required = true, paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
  OutputKind to;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here (default: stdout)")
  @Nullable Path output;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliFiles.checkOutput(output, input);
    Cv cv = CliFiles.readCv(input);
    String text = to == OutputKind.altocv ? AltoCv.write(cv) : AltoCv.writeJsonResume(cv);
    CliFiles.writeText(spec.commandLine().getOut(), output, text);
    return 0;
  }
}
