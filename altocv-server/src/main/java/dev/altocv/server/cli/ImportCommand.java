package dev.altocv.server.cli;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Meta;
import dev.altocv.render.ImportException;
import dev.altocv.render.ImportLimits;
import dev.altocv.render.ImportResult;
import dev.altocv.render.Importer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv import FILE.pdf|FILE.docx [-o OUT.json]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Reads a CV from a PDF (its text layer) or a Word document (.docx) and prints it as a JSON Resume "
        + "document, with the import report (confidence per field, unplaced lines, warnings) in "
        + "meta.altocvImport.%nExit 1 when the file cannot be imported (a picture-only PDF, a password, damage, "
        + "a zip bomb, over a limit), with the reason.")
public final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "a .pdf or .docx file")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here (default: stdout)")
  @Nullable Path output;

  @Option(names = "--to", paramLabel = "KIND",
      description = "resume (JSON Resume, the default) or altocv (keeps custom sections)")
  @Nullable OutputKind to;

  @Option(names = "--no-report", description = "leave the import report out of meta")
  boolean noReport;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliFiles.checkOutput(output, file);
    byte[] data = CliFiles.readBytes(file, "file", ImportLimits.DEFAULT.maxBytes());
    ImportResult r;
    try {
      r = Importer.withDefaults().read(data, file.getFileName().toString());
    } catch (ImportException e) {
      throw new CliException(1, e.getMessage());
    }
    boolean altocv = to == OutputKind.altocv;
    String text;
    if (altocv) {
      Cv cv = noReport ? r.cv() : r.cv().toBuilder().meta(new Meta(null, null, null, report(r))).build();
      text = AltoCv.write(cv);
    } else {
      text = noReport ? AltoCv.writeJsonResume(r.cv()) : r.jsonResume();
    }
    CliFiles.writeText(spec.commandLine().getOut(), output, text);
    summary(r, altocv);
    return 0;
  }

  private static Map<String, Object> report(ImportResult r) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("format", r.format());
    report.put("pages", r.pages());
    Map<String, Object> conf = new LinkedHashMap<>();
    r.confidence().forEach((k, v) -> conf.put(k, java.math.BigDecimal.valueOf(v)));
    report.put("confidence", conf);
    report.put("unplaced", r.unplaced());
    report.put("warnings", r.warnings());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("altocvImport", report);
    return extra;
  }

  private static String n(int count, String word) {
    return count + " " + word + (count == 1 ? "" : "s");
  }

  /** One line on stderr: what was read and what to check. */
  private void summary(ImportResult r, boolean altocv) {
    Cv cv = r.cv();
    var err = spec.commandLine().getErr();
    long unsure = r.confidence().values().stream().filter(v -> v < 0.7).count();
    err.println("altocv: read " + file.getFileName() + (r.pages() > 0 ? " (" + n(r.pages(), "page") + ")" : "")
        + ": " + n(cv.work().size(), "job") + ", " + n(cv.education().size(), "school") + ", "
        + n(cv.skills().size(), "skill group") + ", " + n(cv.projects().size(), "project") + "; "
        + n((int) unsure, "field") + " below 0.7 confidence, " + n(r.unplaced().size(), "line") + " unplaced");
    for (String w : r.warnings()) {
      err.println("altocv: check: " + w);
    }
    if (!altocv && !cv.altocv().customSections().isEmpty()) {
      err.println("altocv: sections JSON Resume has no place for were left out ("
          + cv.altocv().customSections().stream().map(CustomSection::title).collect(Collectors.joining(", "))
          + "); use --to altocv to keep them");
    }
  }
}
