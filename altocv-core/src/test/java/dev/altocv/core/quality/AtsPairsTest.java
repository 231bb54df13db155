package dev.altocv.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.AltoCv;
import dev.altocv.core.ats.AtsAnalyzer;
import dev.altocv.core.ats.AtsFinding;
import dev.altocv.core.ats.AtsReport;
import dev.altocv.core.ats.TestCvs;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Clean/flawed pairs: the clean CV (src/test/resources/ats/clean.json) and a copy with one planted defect. The
 * clean one must score higher, the defect's rule must say so, and where the rule offers fixes, applying them
 * (each with {@link AltoCv#apply}) must clear the rule's findings that have fixes and raise the score.
 */
class AtsPairsTest {
  static final AtsAnalyzer ATS = AtsAnalyzer.withClock(TestCvs.CLOCK);

  record Defect(String name, String rule, String patch) {}

  static final String LONG = "Worked with many different teams across the company on a large number of projects "
      + "that involved data, reporting, pipelines, dashboards, infrastructure and planning, and in each of them "
      + "took part in meetings, wrote documents, reviewed designs and helped colleagues with whatever was needed at "
      + "the time, which gave a broad view of the business";

  static final List<Defect> DEFECTS = List.of(
      new Defect("no e-mail", "contact.email", "[{\"op\":\"remove\",\"path\":\"/basics/email\"}]"),
      new Defect("mailto e-mail", "contact.email",
          "[{\"op\":\"replace\",\"path\":\"/basics/email\",\"value\":\"mailto:helen.bauer@example.com\"}]"),
      new Defect("short phone", "contact.phone", "[{\"op\":\"replace\",\"path\":\"/basics/phone\",\"value\":\"12345\"}]"),
      new Defect("no location", "contact.location", "[{\"op\":\"remove\",\"path\":\"/basics/location/city\"},"
          + "{\"op\":\"remove\",\"path\":\"/basics/location/countryCode\"}]"),
      new Defect("no profile link", "contact.profile-link",
          "[{\"op\":\"remove\",\"path\":\"/basics/profiles/[id=pf1]\"}]"),
      new Defect("no summary", "structure.summary", "[{\"op\":\"remove\",\"path\":\"/basics/summary\"}]"),
      new Defect("no education", "structure.education", "[{\"op\":\"remove\",\"path\":\"/education/[id=e1]\"},"
          + "{\"op\":\"remove\",\"path\":\"/education/[id=e2]\"}]"),
      new Defect("no skills", "structure.skills", "[{\"op\":\"remove\",\"path\":\"/skills/[id=s1]\"},"
          + "{\"op\":\"remove\",\"path\":\"/skills/[id=s2]\"}]"),
      new Defect("oldest job first", "structure.newest-first",
          "[{\"op\":\"move\",\"from\":\"/work/[id=w3]\",\"path\":\"/work/0\"}]"),
      new Defect("job without start date", "structure.start-dates",
          "[{\"op\":\"remove\",\"path\":\"/work/[id=w2]/startDate\"}]"),
      new Defect("a day-precision date", "structure.date-format",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w2]/endDate\",\"value\":\"2021-03-15\"}]"),
      new Defect("end before start", "structure.date-order",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w2]/endDate\",\"value\":\"2017-01\"}]"),
      new Defect("education before work", "structure.section-order", "[{\"op\":\"replace\","
          + "\"path\":\"/altocv/design/layout/sectionOrder\",\"value\":[\"summary\",\"education\",\"work\"]}]"),
      new Defect("bullets without verbs", "content.action-verbs",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/0\",\"value\":\"Responsible for the order pipeline in Spark, 6 hours to 50 minutes\"},"
          + "{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/1\",\"value\":\"Warehouse costs: down 40% after moving cold data to S3\"},"
          + "{\"op\":\"replace\",\"path\":\"/work/[id=w2]/highlights/0\",\"value\":\"Kafka streaming jobs for 2 million parcels a day\"}]"),
      new Defect("bullets without results", "content.measurable-results",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights\",\"value\":[\"Rebuilt the order pipeline in Spark and Airflow\","
          + "\"Moved cold data to S3 and partitioned the Redshift tables\",\"Introduced data quality checks for the dashboards\","
          + "\"Hired and mentored engineers on the platform team\"]},"
          + "{\"op\":\"replace\",\"path\":\"/work/[id=w2]/highlights\",\"value\":[\"Built Kafka streaming jobs that track parcels\","
          + "\"Designed the dimensional model used by the analysts\",\"Automated manual reports with Python and SQL\"]}]"),
      new Defect("a very long bullet", "content.bullet-length",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/0\",\"value\":\"" + LONG + "\"}]"),
      new Defect("first-person pronoun", "content.pronouns", "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/0\","
          + "\"value\":\"I rebuilt the order pipeline in Spark and Airflow, cutting nightly run time from 6 hours to 50 minutes\"}]"),
      new Defect("cliché in the skills", "content.buzzwords",
          "[{\"op\":\"add\",\"path\":\"/skills/[id=s1]/keywords/-\",\"value\":\"Team player\"}]"),
      new Defect("duplicated bullet", "content.duplicates", "[{\"op\":\"add\",\"path\":\"/work/[id=w2]/highlights/-\","
          + "\"value\":\"Rebuilt the order pipeline in Spark and Airflow, cutting nightly run time from 6 hours to 50 minutes\"}]"),
      new Defect("bullet in capitals", "content.all-caps", "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/1\","
          + "\"value\":\"REDUCED WAREHOUSE COSTS BY 40% BY MOVING COLD DATA TO S3 AND PARTITIONING 30 REDSHIFT TABLES\"}]"),
      new Defect("unusual section name", "parseability.section-names", "[{\"op\":\"add\","
          + "\"path\":\"/altocv/customSections/-\",\"value\":{\"title\":\"My Toolbox\",\"items\":[{\"title\":\"Jupyter\"}]}}]"),
      new Defect("emoji in the name", "parseability.icons",
          "[{\"op\":\"replace\",\"path\":\"/basics/name\",\"value\":\"\u2728 Helen Bauer\"}]"),
      new Defect("icon in a job title", "parseability.icons",
          "[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/position\",\"value\":\"Senior Data Engineer \uD83D\uDE80\"}]"));

  @TestFactory
  Stream<DynamicTest> theCleanCvScoresHigherThanEachFlawedCopy() {
    Cv clean = TestCvs.clean();
    int cleanScore = ATS.analyze(clean).score();
    return DEFECTS.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      Cv flawed = AltoCv.apply(clean, Patch.fromJson(d.patch())).cv();
      AtsReport r = ATS.analyze(flawed);
      assertThat(r.score()).as(d.name() + "\n" + r.toJson()).isLessThan(cleanScore);
      assertThat(r.problems()).as(r.toJson()).anySatisfy(f -> {
        assertThat(f.ruleId()).isEqualTo(d.rule());
        assertThat(f.effect()).isNegative();
      });
      // apply the rule's fixes one at a time, re-analysing after each (a fix is made against the current CV)
      Cv cv = flawed;
      boolean fixed = false;
      for (int i = 0; i < 10; i++) {
        Optional<AtsFinding> next = ATS.analyze(cv).problems().stream()
            .filter(f -> f.ruleId().equals(d.rule()) && f.fix() != null).findFirst();
        if (next.isEmpty()) {
          break;
        }
        cv = AltoCv.apply(cv, next.get().fix()).cv();
        fixed = true;
      }
      if (fixed) {
        AtsReport after = ATS.analyze(cv);
        assertThat(after.score()).as(after.toJson()).isGreaterThan(r.score());
        assertThat(after.problems()).noneMatch(f -> f.ruleId().equals(d.rule()) && f.fix() != null);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theseDefectsComeWithAFix() {
    Cv clean = TestCvs.clean();
    List<String> fixable = List.of("mailto e-mail", "oldest job first", "a day-precision date", "education before work",
        "first-person pronoun", "cliché in the skills", "duplicated bullet", "bullet in capitals",
        "unusual section name", "emoji in the name", "icon in a job title");
    return DEFECTS.stream().filter(d -> fixable.contains(d.name())).map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      Cv flawed = AltoCv.apply(clean, Patch.fromJson(d.patch())).cv();
      AtsFinding f = ATS.analyze(flawed).problems().stream().filter(x -> x.ruleId().equals(d.rule())).findFirst()
          .orElseThrow();
      assertThat(f.fix()).as(d.name()).isNotNull();
      Cv repaired = AltoCv.apply(flawed, f.fix()).cv();
      assertThat(ATS.analyze(repaired).problems()).noneMatch(x -> x.ruleId().equals(d.rule())
          && x.pointer().equals(f.pointer()) && x.fix() != null);
    }));
  }
}
