package dev.altocv.server.cli;

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
    String cvText = CliFiles.readText(cvFile, "CV");
    Cv cv = CliFiles.readCv(cvFile);
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
    OutputKind kind = to != null ? to
        : AltoCv.kindOf(cvText) == DocumentKind.ALTOCV ? OutputKind.altocv : OutputKind.resume;
    String text = kind == OutputKind.altocv ? AltoCv.write(result.cv()) : AltoCv.writeJsonResume(result.cv());
    if (inverse != null) {
      CliFiles.writeText(spec.commandLine().getOut(), inverse, result.inverse().toJson());
    }
    CliFiles.writeText(spec.commandLine().getOut(), output, text);
    return 0;
  }
}
