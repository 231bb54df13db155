package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.server.support.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
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

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validateAcceptsAJsonResumeFile() {
    CliRun r = run("validate", resume.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("valid JSON Resume document");
  }

  @Test
  void validateRejectsABrokenFileWithPointers() throws IOException {
    Path bad = write("bad.json", "{\"basics\":{\"name\":[]},\"work\":[{\"endDate\":\"now\"}]}");
    CliRun r = run("validate", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("/basics/name: must be text, not a list")
        .contains("/work/0/endDate: must be a real date like 2021");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedJsonIsExitOneWithLineAndColumn() throws IOException {
    Path bad = write("bad.json", "{\n\"basics\": {\n}\n,}");
    CliRun r = run("validate", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("line 4, column 2");
  }

  @Test
  void anUnreadableFileIsExitTwo() {
    CliRun r = run("validate", dir.resolve("missing.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
    assertThat(run("patch", resume.toString()).code()).isEqualTo(2);
  }

  @Test
  void patchAppliesAnOperationAddressedByItemId() throws Exception {
    Path patch = write("p.json",
        "[{\"op\":\"replace\",\"path\":\"/work/[id=w2]/position\",\"value\":\"Staff Engineer\"}]");
    CliRun r = run("patch", resume.toString(), patch.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode out = M.readTree(r.out());
    assertThat(out.at("/work/1/position").asText()).isEqualTo("Staff Engineer");
    assertThat(out.has("altocv")).as("JSON Resume in, JSON Resume out").isFalse();
  }

  @Test
  void patchRejectsAStaleTestAndWritesNothing() throws IOException {
    Path patch = write("p.json", """
        {"baseVersion": 3, "source": "ai", "description": "tighten bullet",
         "operations": [
           {"op":"test","path":"/work/[id=w1]/highlights/0","value":"an older text"},
           {"op":"replace","path":"/work/[id=w1]/highlights/0","value":"new"}]}""");
    Path out = dir.resolve("out.json");
    CliRun r = run("patch", resume.toString(), patch.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("patch rejected, nothing changed").contains("test failed");
    assertThat(out).doesNotExist();
  }

  @Test
  void patchWritesTheInverse() throws Exception {
    Path patch = write("p.json", "[{\"op\":\"remove\",\"path\":\"/skills/[id=s2]\"}]");
    Path inv = dir.resolve("undo.json");
    Path out = dir.resolve("out.json");
    assertThat(run("patch", resume.toString(), patch.toString(), "--to", "altocv", "-o", out.toString(),
        "--inverse", inv.toString()).code()).isZero();
    CliRun back = run("patch", out.toString(), inv.toString(), "--to", "resume");
    assertThat(M.readTree(back.out())).isEqualTo(M.readTree(resume.toFile()));
  }

  @Test
  void outputFilesGetTheUsualPermissions() throws Exception {
    Path alto = dir.resolve("cv.altocv.json");
    assertThat(run("convert", resume.toString(), "--to", "altocv", "-o", alto.toString()).code()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(alto)))
        .isEqualTo("rw-r--r--");
    Files.setPosixFilePermissions(alto, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    assertThat(run("convert", resume.toString(), "--to", "altocv", "-o", alto.toString()).code()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(alto)))
        .as("replacing a file keeps its permissions").isEqualTo("rw-rw----");
  }

  @Test
  void convertRoundTripsJsonResume() throws Exception {
    Path alto = dir.resolve("cv.altocv.json");
    assertThat(run("convert", resume.toString(), "--to", "altocv", "-o", alto.toString()).code()).isZero();
    assertThat(M.readTree(alto.toFile()).at("/work/0/id").asText()).isEqualTo("w1");
    CliRun back = run("convert", alto.toString(), "--to", "resume");
    assertThat(M.readTree(back.out())).isEqualTo(M.readTree(resume.toFile()));
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("convert", resume.toString(), "--to", "yaml").code()).isEqualTo(2);
  }

  @Test
  void standardInputIsReadOnceAndHeldToTheSameRulesAsFiles() throws Exception {
    Path patch = write("p.json", "[{\"op\":\"replace\",\"path\":\"/basics/name\",\"value\":\"Eve\"}]");
    java.io.InputStream before = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(resume)));
      CliRun r = run("patch", "-", patch.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(M.readTree(r.out()).at("/basics/name").asText()).isEqualTo("Eve");
      System.setIn(new java.io.ByteArrayInputStream("{\"basics\":{\"name\":\"caf\u00e9\"}}"
          .getBytes(StandardCharsets.ISO_8859_1)));
      CliRun latin1 = run("validate", "-");
      assertThat(latin1.code()).isEqualTo(1);
      assertThat(latin1.err()).contains("standard input is not UTF-8 text");
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    Path bom = dir.resolve("bom.json");
    Files.write(bom, ("\uFEFF" + Files.readString(resume)).getBytes(StandardCharsets.UTF_8));
    CliRun r = run("validate", bom.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void anOutputNeverReplacesAnInputAndTwoOutputsFailTogether() throws Exception {
    CliRun same = run("convert", resume.toString(), "--to", "altocv", "-o", resume.toString());
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("is the input");
    assertThat(M.readTree(resume.toFile()).at("/work/0/id").isMissingNode()).as("the input is untouched").isTrue();
    CliRun pdfToStdout = run("render", resume.toString(), "--format", "pdf", "-o", "-");
    assertThat(pdfToStdout.code()).isEqualTo(2);
    assertThat(pdfToStdout.err()).contains("PDF is binary");

    Path patch = write("p.json", "[{\"op\":\"remove\",\"path\":\"/skills/[id=s2]\"}]");
    Path inv = dir.resolve("inverse.json");
    CliRun missingFolder = run("patch", resume.toString(), patch.toString(), "--inverse", inv.toString(), "-o",
        dir.resolve("no-such-folder/out.json").toString());
    assertThat(missingFolder.code()).isEqualTo(2);
    assertThat(inv).as("no inverse of a change that was not written").doesNotExist();
    CliRun both = run("patch", resume.toString(), patch.toString(), "--inverse", inv.toString(), "-o", inv.toString());
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void anOutputThroughASymbolicLinkReplacesTheFileAndKeepsTheLink() throws Exception {
    Path real = dir.resolve("real.json");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
    assertThat(run("convert", resume.toString(), "--to", "altocv", "-o", link.toString()).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(M.readTree(real.toFile()).at("/work/0/id").asText()).isEqualTo("w1");
  }

  @Test
  void aFailingStandardOutputIsAnError() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"convert", resume.toString(), "--to", "altocv"}, new PrintStream(broken, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not write to standard output");
  }

  @Test
  void unknownTemplatesAreFoundByValidateAndPatch() throws Exception {
    Path alto = dir.resolve("cv.altocv.json");
    assertThat(run("convert", resume.toString(), "--to", "altocv", "-o", alto.toString()).code()).isZero();
    Path patch = write("t.json", "[{\"op\":\"replace\",\"path\":\"/altocv/design/templateId\",\"value\":\"nope\"}]");
    CliRun r = run("patch", alto.toString(), patch.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("/altocv/design/templateId: no template is called 'nope'");
    Files.writeString(alto, Files.readString(alto).replace("\"templateId\" : \"modern\"", "\"templateId\" : \"nope\""));
    CliRun v = run("validate", alto.toString());
    assertThat(v.code()).as(Files.readString(alto)).isEqualTo(1);
    assertThat(v.err()).contains("no template is called 'nope'");
  }

  @Test
  void rankRefusesTheSameFileUnderTwoNames() throws Exception {
    Path job = write("job.txt", "Senior Backend Engineer\nRequirements: Java, Kotlin, PostgreSQL, Kubernetes.");
    CliRun r = run("rank", "--job", job.toString(), resume.toString(), dir.resolve(".").resolve("resume.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is given twice");
  }
}
