package dev.altocv.server.cli;

import dev.altocv.server.cv.Templates;
import dev.altocv.core.AltoCv;
import dev.altocv.core.DocumentKind;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv patch CV.json PATCH.json}. */
@Command(name = "patch", mixinStandardHelpOptions = true,
    description = "Applies a patch to a CV and prints the patched CV.%n"
        + "PATCH.json is an RFC 6902 operation array or an envelope "
        + "{baseVersion, source, description, operations}; paths may select list items by id, "
        + "e.g. /work/[id=w2]/position. A rejected patch changes nothing and exits 1.")
public final class PatchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CV.json", description = "the CV (JSON Resume or AltoCV document)")
  Path cvFile;

  @Parameters(index = "1", paramLabel = "PATCH.json", description = "the patch")
  Path patchFile;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the patched CV here (default: stdout)")
  @Nullable Path output;

  @Option(names = "--to", paramLabel = "KIND",
      description = "output kind: ${COMPLETION-CANDIDATES} (default: the input's kind)")
  @Nullable OutputKind to;

  @Option(names = "--inverse", paramLabel = "FILE", description = "also write the inverse patch (the undo) here")
  @Nullable Path inverse;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliFiles.checkOutput(output, cvFile, patchFile);
    CliFiles.checkOutput(inverse, cvFile, patchFile, output); // both outputs checked before either is written
    if (inverse != null && inverse.toString().equals("-") && (output == null || output.toString().equals("-"))) {
      throw new CliException(2, "the patched CV and the inverse cannot both go to standard output: give -o or "
          + "--inverse a file");
    }
    String cvText = CliFiles.readText(cvFile, "CV");
    Cv cv = CliFiles.parseCv(cvFile, cvText);
    PatchEnvelope envelope;
    try {
      envelope = PatchEnvelope.fromJson(CliFiles.readText(patchFile, "patch"));
    } catch (dev.altocv.core.AltoCvException e) {
      throw new CliException(1, patchFile + ": " + e.getMessage());
    }
    PatchResult result;
    try {
      result = AltoCv.apply(cv, envelope.operations());
    } catch (PatchRejectedException e) {
      throw new CliException(1, "patch rejected, nothing changed: " + e.getMessage());
    }
    if (!result.cv().altocv().design().templateId().equals(cv.altocv().design().templateId())) {
      String unknown = Templates.unknown(result.cv());
      if (unknown != null) {
        throw new CliException(1, "patch rejected, nothing changed: /altocv/design/templateId: " + unknown);
      }
    }
    OutputKind kind = to != null ? to
        : AltoCv.kindOf(cvText) == DocumentKind.ALTOCV ? OutputKind.altocv : OutputKind.resume;
    String text = kind == OutputKind.altocv ? AltoCv.write(result.cv()) : AltoCv.writeJsonResume(result.cv());
    // the CV first: when it cannot be written, no inverse is left behind for a change that did not happen
    CliFiles.writeText(spec.commandLine().getOut(), output, text);
    if (inverse != null) {
      try {
        CliFiles.writeText(spec.commandLine().getOut(), inverse, result.inverse().toJson());
      } catch (CliException e) {
        throw new CliException(e.exitCode(), e.getMessage() + " (the patched CV was written"
            + (output == null || output.toString().equals("-") ? " to standard output" : " to " + output)
            + "; its inverse was not)");
      }
    }
    return 0;
  }
}
