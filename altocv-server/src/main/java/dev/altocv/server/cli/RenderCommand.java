package dev.altocv.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.CvInvalidException;
import dev.altocv.core.Violation;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import dev.altocv.render.ExportFormat;
import dev.altocv.render.Render;
import dev.altocv.server.cv.Templates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv render CV.json [--template NAME] [--design DESIGN.json] [--format F] -o OUT}. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Renders a CV as PDF, DOCX, TXT, HTML or JSON Resume.%n"
        + "The format comes from --format or else from the output file's extension. PDF and DOCX need -o; "
        + "text formats go to stdout without it. The output file is written only when rendering succeeded.")
public final class RenderCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CV.json", description = "the CV (JSON Resume or AltoCV document)")
  Path cvFile;

  @Option(names = "--template", paramLabel = "NAME", description = "the template (see: altocv templates); "
      + "default: the CV's own design, else modern")
  @Nullable String template;

  @Option(names = "--design", paramLabel = "DESIGN.json", description = "design settings to apply over the CV's own "
      + "(any part of: templateId, paper, colors, typography, spacing, layout)")
  @Nullable Path design;

  @Option(names = "--format", paramLabel = "FORMAT", description = "pdf, docx, txt, html or json (JSON Resume)")
  @Nullable String format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here")
  @Nullable Path output;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ExportFormat f = format();
    boolean toStdout = output == null || output.toString().equals("-");
    if (toStdout && (f == ExportFormat.PDF || f == ExportFormat.DOCX)) {
      throw new CliException(2, f.extension().toUpperCase() + " is binary: give an output file with -o");
    }
    CliFiles.checkOutput(output, cvFile, design);
    Cv cv = CliFiles.readCv(cvFile);
    if (design != null) {
      cv = withDesign(cv, design);
    }
    if (template != null) {
      String unknown = Templates.unknown(template);
      if (unknown != null) {
        throw new CliException(2, "--template: " + unknown);
      }
      var d = cv.altocv().design();
      cv = cv.toBuilder().design(new dev.altocv.core.model.Design(template, d.paper(), d.colors(), d.typography(),
          d.spacing(), d.layout())).build();
    } else if (Templates.unknown(cv) != null) {
      throw new CliException(1, cvFile + ": /altocv/design/templateId: " + Templates.unknown(cv));
    }
    byte[] bytes = Render.export(cv, f);
    if (toStdout) {
      CliFiles.writeText(spec.commandLine().getOut(), null, new String(bytes, StandardCharsets.UTF_8));
    } else {
      CliFiles.writeBytes(output, bytes);
    }
    return 0;
  }

  private ExportFormat format() {
    if (format != null) {
      try {
        return ExportFormat.fromName(format);
      } catch (IllegalArgumentException e) {
        throw new CliException(2, e.getMessage());
      }
    }
    if (output != null && !output.toString().equals("-")) {
      return ExportFormat.ofFileName(output.getFileName().toString()).orElseThrow(() -> new CliException(2,
          "cannot tell the format from '" + output.getFileName() + "': give --format pdf|docx|txt|html|json"));
    }
    throw new CliException(2, "give --format pdf|docx|txt|html|json, or an output file with -o");
  }

  /** The CV with a design file's settings merged over its own, validated like any CV. */
  static Cv withDesign(Cv cv, Path file) {
    String text = CliFiles.readText(file, "design");
    JsonNode patch;
    try {
      patch = Json.parse(text, "design");
    } catch (AltoCvException e) {
      throw new CliException(1, file + ": " + e.getMessage());
    }
    if (!patch.isObject()) {
      throw new CliException(1, file + ": design settings must be a JSON object like {\"paper\": \"Letter\"}");
    }
    JsonNode templateId = patch.get("templateId");
    String unknown = templateId != null && templateId.isTextual() ? Templates.unknown(templateId.textValue()) : null;
    if (unknown != null) {
      throw new CliException(1, file + ": /templateId: " + unknown);
    }
    ObjectNode doc = (ObjectNode) Json.parse(AltoCv.write(cv), "CV");
    ObjectNode current = (ObjectNode) doc.with("altocv").with("design");
    merge(current, (ObjectNode) patch);
    try {
      return AltoCv.read(Json.write(doc));
    } catch (CvInvalidException e) {
      String problems = e.report().violations().stream().map(RenderCommand::designProblem)
          .collect(Collectors.joining("\n  "));
      throw new CliException(1, file + ": invalid design settings:\n  " + problems);
    }
  }

  private static String designProblem(Violation v) {
    String p = v.pointer().startsWith("/altocv/design") ? v.pointer().substring("/altocv/design".length()) : v.pointer();
    return (p.isEmpty() ? "/" : p) + ": " + v.message();
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    Iterator<Map.Entry<String, JsonNode>> it = from.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (existing != null && existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        into.set(e.getKey(), e.getValue());
      }
    }
  }
}
