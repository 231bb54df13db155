package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import dev.altocv.core.model.Paper;
import dev.altocv.core.model.Typography;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exact round trip: every template times a varied set of CVs, rendered to PDF, imported from the PDF's text
 * layer alone, compared field by field with what the template shows.
 */
class RoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyTemplateGivesBackEveryFieldItShows() {
    List<DynamicTest> tests = new ArrayList<>();
    for (TemplateInfo t : Render.templates()) {
      for (Map.Entry<String, Cv> e : SampleCvs.all().entrySet()) {
        tests.add(DynamicTest.dynamicTest(t.id() + " / " + e.getKey(), () -> roundTrip(SampleCvs.withTemplate(e.getValue(), t), t)));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> otherDesignsToo() {
    List<DynamicTest> tests = new ArrayList<>();
    for (TemplateInfo t : Render.templates()) {
      tests.add(DynamicTest.dynamicTest(t.id() + " / Letter, other fonts, relaxed", () -> {
        Cv cv = SampleCvs.withTemplate(SampleCvs.everySection(), t);
        Design d = cv.altocv().design();
        FontPairing other = FontPairing.values()[(d.typography().fontPairing().ordinal() + 2) % FontPairing.values().length];
        Design changed = new Design(t.id(), Paper.LETTER, d.colors(),
            new Typography(other, 14, 11, 1.5), d.spacing(), d.layout());
        roundTrip(cv.toBuilder().design(changed).build(), t);
      }));
    }
    return tests.stream();
  }

  static void roundTrip(Cv cv, TemplateInfo t) {
    byte[] pdf = Render.pdf(cv);
    ImportResult r = Importer.withDefaults().read(pdf, t.id() + ".pdf");
    JsonNode expected = CvComparison.expected(cv, t);
    JsonNode actual = CvComparison.actual(r.cv());
    assertThat(CvComparison.differences(expected, actual)).as("differences after the round trip (unplaced: %s)",
        r.unplaced()).isEmpty();
    assertThat(r.unplaced()).isEmpty();
  }
}
