package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.model.Cv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A DOCX export read back by the DOCX importer gives back every field it shows. */
class DocxRoundTripTest {

  @TestFactory
  Stream<DynamicTest> docxExportComesBackWhole() {
    TemplateInfo t = Render.template("modern").orElseThrow();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Cv> e : SampleCvs.all().entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        Cv cv = SampleCvs.withTemplate(e.getValue(), t);
        ImportResult r = Importer.withDefaults().read(Render.docx(cv), "cv.docx");
        JsonNode expected = CvComparison.expected(cv, t);
        JsonNode actual = CvComparison.actual(r.cv());
        assertThat(CvComparison.differences(expected, actual)).as("unplaced: %s", r.unplaced()).isEmpty();
        assertThat(r.format()).isEqualTo("docx");
      }));
    }
    return tests.stream();
  }
}
