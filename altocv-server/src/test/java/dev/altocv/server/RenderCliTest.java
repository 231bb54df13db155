package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.server.support.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code altocv render}, {@code altocv import} and {@code altocv templates}, run in-process. */
class RenderCliTest {
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;
  Path resume;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void copySample() throws IOException {
    resume = dir.resolve("resume.json");
    try (InputStream in = getClass().getResourceAsStream("/cli/sample-resume.json")) {
      Files.write(resume, in.readAllBytes());
    }
  }

  @Test
  void templatesListsOneIdPerLineWithItsDescription() {
    CliRun r = run("templates");
    assertThat(r.code()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).matches("modern {2,}A clean sans-serif page.*");
    assertThat(r.out()).contains("academic ").contains("technical ");
  }

  @Test
  void renderPicksTheFormatFromTheExtensionAndImportReadsItBack() throws Exception {
    Path pdf = dir.resolve("cv.pdf");
    CliRun r = run("render", resume.toString(), "--template", "classic", "-o", pdf.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

    CliRun back = run("import", pdf.toString());
    assertThat(back.code()).as(back.err()).isZero();
    JsonNode json = M.readTree(back.out());
    JsonNode original = M.readTree(resume.toFile());
    assertThat(json.at("/basics/name")).isEqualTo(original.at("/basics/name"));
    assertThat(json.at("/work/0/position")).isEqualTo(original.at("/work/0/position"));
    assertThat(json.at("/meta/altocvImport/format").asText()).isEqualTo("pdf");
    assertThat(json.at("/meta/altocvImport/confidence/~1basics~1name").asDouble()).isGreaterThan(0.9);
    assertThat(back.err()).containsPattern("altocv: read cv.pdf \\(\\d pages?\\): 2 jobs, 1 school, ")
        .contains("0 lines unplaced");

    Path docx = dir.resolve("cv.docx");
    assertThat(run("render", resume.toString(), "-o", docx.toString()).code()).isZero();
    Path out = dir.resolve("back.json");
    assertThat(run("import", docx.toString(), "-o", out.toString(), "--no-report").code()).isZero();
    JsonNode fromDocx = M.readTree(out.toFile());
    assertThat(fromDocx.at("/basics/email")).isEqualTo(original.at("/basics/email"));
    assertThat(fromDocx.has("meta")).isFalse();
  }

  @Test
  void textFormatsGoToStdout() {
    CliRun txt = run("render", resume.toString(), "--format", "txt");
    assertThat(txt.code()).isZero();
    assertThat(txt.out()).contains("EXPERIENCE");
    CliRun html = run("render", resume.toString(), "--format", "HTML");
    assertThat(html.out()).startsWith("<!DOCTYPE html>");
    CliRun json = run("render", resume.toString(), "--format", "json");
    assertThat(json.out()).contains("\"basics\"");
  }

  @Test
  void aDesignFileIsMergedOverTheCvsDesign() throws Exception {
    Path design = dir.resolve("design.json");
    Files.writeString(design, "{\"paper\": \"Letter\", \"colors\": {\"primary\": \"#0B3D2E\"}}");
    CliRun r = run("render", resume.toString(), "--design", design.toString(), "--format", "html");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("--cv-primary: #0B3D2E;").contains("data-paper=\"Letter\"")
        .contains("--cv-accent: #2E6DA4;");
  }

  @Test
  void badInputGivesAClearErrorAndWritesNothing() throws Exception {
    Path pdf = dir.resolve("cv.pdf");
    Files.writeString(pdf, "keep me");

    CliRun unknown = run("render", resume.toString(), "--template", "fancy", "-o", pdf.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--template: no template is called 'fancy'; the templates are: modern, classic");

    Path design = dir.resolve("design.json");
    Files.writeString(design, "{\"typography\": {\"bodySize\": 30}, \"paper\": \"A5\"}");
    CliRun range = run("render", resume.toString(), "--design", design.toString(), "-o", pdf.toString());
    assertThat(range.code()).isEqualTo(1);
    assertThat(range.err()).contains("/typography/bodySize: must be between 8 and 14 pt")
        .contains("/paper: must be A4 or Letter").doesNotContain("Exception").doesNotContain("\tat ");

    Files.writeString(design, "{\"paper\": ");
    assertThat(run("render", resume.toString(), "--design", design.toString(), "-o", pdf.toString()).err())
        .contains("design.json").contains("line 1");

    assertThat(run("render", resume.toString(), "--format", "pdf").code()).as("binary to stdout").isEqualTo(2);
    assertThat(run("render", resume.toString(), "-o", dir.resolve("cv.odt").toString()).err())
        .contains("cannot tell the format");
    assertThat(Files.readString(pdf)).isEqualTo("keep me");
  }

  @Test
  void importErrorsAreExitOneWithTheReason() throws Exception {
    Path empty = dir.resolve("empty.pdf");
    Files.write(empty, new byte[0]);
    CliRun e = run("import", empty.toString());
    assertThat(e.code()).isEqualTo(1);
    assertThat(e.err()).contains("empty.pdf is empty");

    Path text = dir.resolve("notes.docx");
    Files.writeString(text, "just some notes");
    Path out = dir.resolve("out.json");
    CliRun t = run("import", text.toString(), "-o", out.toString());
    assertThat(t.code()).isEqualTo(1);
    assertThat(t.err()).contains("neither a PDF nor a Word document");
    assertThat(out).doesNotExist();

    CliRun missing = run("import", dir.resolve("nope.pdf").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }
}
