package dev.altocv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Work;
import org.junit.jupiter.api.Test;

class ReadWriteTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void jsonResumeInJsonResumeOutIsTheSameDocument() throws Exception {
    String in = Fixtures.text("sample-resume.json");
    Cv cv = AltoCv.read(in);
    JsonNode back = M.readTree(AltoCv.writeJsonResume(cv));
    assertThat(back).isEqualTo(M.readTree(in));
  }

  @Test
  void readingAssignsDeterministicIds() {
    Cv cv = AltoCv.read(Fixtures.text("sample-resume.json"));
    assertThat(cv.work()).extracting(Work::id).containsExactly("w1", "w2");
    assertThat(cv.basics().profiles().get(1).id()).isEqualTo("pf2");
    assertThat(cv.projects().get(0).id()).isEqualTo("pr1");
    assertThat(cv.publications().get(0).id()).isEqualTo("pub1");
    assertThat(cv.work().get(0).extra()).containsEntry("x-team-size", 5L);
    assertThat(AltoCv.read(Fixtures.text("sample-resume.json"))).isEqualTo(cv);
  }

  @Test
  void altoCvDocumentRoundTripsExactly() {
    Cv cv = AltoCv.read(Fixtures.text("sample-resume.json"));
    String doc = AltoCv.write(cv);
    assertThat(AltoCv.kindOf(doc)).isEqualTo(DocumentKind.ALTOCV);
    assertThat(AltoCv.read(doc)).isEqualTo(cv);
    assertThat(AltoCv.write(AltoCv.read(doc))).isEqualTo(doc);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> AltoCv.read("{\n  \"basics\": {\"name\": \"A\",}\n}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("line 2, column")
        .satisfies(e -> assertThat(((MalformedJsonException) e).line()).isEqualTo(2));
  }

  @Test
  void februaryTwentyNinthOnlyInALeapYear() {
    String doc = "{\"work\":[{\"name\":\"A\",\"startDate\":\"2023-02-29\",\"endDate\":\"2024-02-29\"}],"
        + "\"meta\":{\"date\":\"2023-02-29\"}}";
    ValidationReport report = AltoCv.validate(doc);
    assertThat(report.violations()).extracting(Violation::toString)
        .containsExactly("/work/0/startDate: must be a real date: 2023 has no February 29");
    String cv = AltoCv.write(AltoCv.read(doc.replace("2023-02-29\",\"endDate", "2020-02-29\",\"endDate")));
    assertThatThrownBy(() -> AltoCv.apply(AltoCv.read(cv), dev.altocv.core.patch.Patch.of(
        dev.altocv.core.patch.PatchOp.replace("/work/[id=w1]/endDate", "2100-02-29"))))
        .hasMessageContaining("/work/[id=w1]/endDate: must be a real date: 2100 has no February 29");
  }

  @Test
  void readingErrorsNameNoJavaInternals() {
    assertThatThrownBy(() -> AltoCv.read("{\"basics\": {\"name\": [1, 2"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageStartingWith("malformed JSON in CV at line 1, column")
        .hasMessageNotContaining("Source").hasMessageNotContaining("`").hasMessageNotContaining("REDACTED");
    String deep = "[".repeat(150) + "]".repeat(150);
    assertThatThrownBy(() -> AltoCv.read("{\"meta\": {\"x\": " + deep + "}}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("objects and arrays are nested more than 100 levels deep")
        .hasMessageNotContaining("StreamReadConstraints");
    assertThatThrownBy(() -> AltoCv.read("{\"meta\": {\"x\": NaN}}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageNotContaining("`").hasMessageNotContaining("JsonReadFeature");
  }

  @Test
  void schemaViolationsCarryIdPointersAndPlainMessages() {
    String doc = "{\"basics\":{\"name\":5},\"work\":[{\"name\":\"A\",\"startDate\":\"March 2020\"}]}";
    ValidationReport report = AltoCv.validate(doc);
    assertThat(report.isValid()).isFalse();
    assertThat(report.violations()).extracting(Violation::pointer)
        .containsExactly("/basics/name", "/work/0/startDate");
    assertThat(report.violations().get(1).message()).contains("2021-06");
    assertThatThrownBy(() -> AltoCv.read(doc)).isInstanceOf(CvInvalidException.class)
        .hasMessageContaining("/work/0/startDate");
  }

  @Test
  void designOutOfRangeNamesTheRange() {
    Cv cv = AltoCv.read(Fixtures.text("sample-resume.json"));
    String doc = AltoCv.write(cv).replace("\"lineHeight\" : 1.35", "\"lineHeight\" : 2.5");
    assertThat(doc).contains("2.5");
    ValidationReport report = AltoCv.validate(doc);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/altocv/design/typography/lineHeight");
      assertThat(v.message()).isEqualTo("must be between 1.0 and 2.0");
    });
  }
}
