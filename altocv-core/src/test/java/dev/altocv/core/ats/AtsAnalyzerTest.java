package dev.altocv.core.ats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.AltoCv;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Work;
import dev.altocv.core.patch.Patch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AtsAnalyzerTest {
  static final AtsAnalyzer ATS = AtsAnalyzer.withClock(TestCvs.CLOCK);
  static final ObjectMapper M = new ObjectMapper();

  @Test
  void aCleanCvScoresHighAndEveryRuleAppearsWithItsWeight() {
    AtsReport r = ATS.analyze(TestCvs.clean());
    assertThat(r.problems()).as(r.toJson()).allSatisfy(f -> assertThat(f.severity()).isNotEqualTo(Severity.ERROR));
    assertThat(r.score()).as(r.toJson()).isGreaterThanOrEqualTo(95);
    Set<String> ids = r.findings().stream().map(AtsFinding::ruleId).collect(Collectors.toSet());
    List<String> cvRules = AtsAnalyzer.rules().stream().map(AtsRule::id)
        .filter(id -> !id.equals("job.keywords") && !id.equals("content.language")).toList();
    assertThat(ids).containsAll(cvRules);
    assertThat(r.language()).isEqualTo("en");
    assertThat(r.yearsOfExperience()).isBetween(10.0, 10.4);
  }

  @Test
  void weightsAddUpToOneHundredAndTheScoreIsOneHundredPlusTheEffects() {
    int sum = AtsAnalyzer.rules().stream().filter(r -> !r.id().equals("job.keywords")).mapToInt(AtsRule::weight)
        .sum();
    assertThat(sum).isEqualTo(100);
    for (Cv cv : List.of(TestCvs.clean(), Cv.empty(), flawed())) {
      AtsReport r = ATS.analyze(cv);
      double effects = r.findings().stream().mapToDouble(AtsFinding::effect).sum();
      assertThat(r.score()).isEqualTo((int) Math.round(Math.max(0, 100 + effects)));
      // each rule's entries share its effect; no rule loses more than its weight
      Map<String, Double> byRule = r.findings().stream()
          .collect(Collectors.groupingBy(AtsFinding::ruleId, Collectors.summingDouble(AtsFinding::effect)));
      for (AtsFinding f : r.findings()) {
        assertThat(-byRule.get(f.ruleId())).isLessThanOrEqualTo(f.weight() + 1e-9);
      }
    }
  }

  @Test
  void withAJobTheKeywordRuleJoinsAndWeightsStillAddUpToOneHundred() {
    JobPosting job = JobPosting.parse("""
        Senior Data Engineer
        Requirements:
        - 5+ years with Python, SQL and Apache Spark
        - Snowflake and dbt
        Nice to have:
        - Kubernetes
        """);
    AtsReport r = ATS.analyze(TestCvs.clean(), job);
    Map<String, Double> weights = r.findings().stream()
        .collect(Collectors.toMap(AtsFinding::ruleId, AtsFinding::weight, (a, b) -> a));
    assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100, within());
    List<AtsFinding> job2 = r.findings().stream().filter(f -> f.ruleId().equals("job.keywords")).toList();
    assertThat(job2).extracting(AtsFinding::evidence).contains("Snowflake", "Kubernetes");
    assertThat(job2).filteredOn(f -> "Snowflake".equals(f.evidence())).first()
        .extracting(AtsFinding::severity).isEqualTo(Severity.WARNING);
    assertThat(job2).filteredOn(f -> "Kubernetes".equals(f.evidence())).first()
        .extracting(AtsFinding::severity).isEqualTo(Severity.INFO);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  static Cv flawed() {
    Cv c = TestCvs.clean();
    Work first = c.work().get(0);
    List<String> bullets = new ArrayList<>(first.highlights());
    bullets.add("I was responsible for various tasks");
    bullets.add(bullets.get(0));
    Work w = new Work(first.id(), first.name(), first.location(), first.description(), "SENIOR DATA ENGINEER 🚀",
        first.url(), first.startDate(), first.endDate(), first.summary(), bullets, first.extra());
    List<Work> jobs = new ArrayList<>(c.work());
    jobs.set(0, w);
    return new Cv(new Basics(c.basics().name(), c.basics().label(), null, "helen@@example", "12-34", null,
        c.basics().summary(), Location.empty(), List.of(), Map.of()), List.of(jobs.get(2), jobs.get(0), jobs.get(1)),
        c.volunteer(), c.education(), c.awards(), c.certificates(), c.publications(), c.skills(), c.languages(),
        c.interests(), c.references(), c.projects(), c.meta(), c.altocv(), c.extra());
  }

  @Test
  void everyPointerLeadsIntoTheCvAndTheJsonHasExactlyTheDocumentedFields() throws Exception {
    Cv cv = flawed();
    AtsReport r = ATS.analyze(cv);
    assertThat(r.score()).isLessThan(ATS.analyze(TestCvs.clean()).score());
    for (AtsFinding f : r.findings()) {
      assertThat(TestCvs.pointsIntoCv(cv, f.pointer())).as(f.ruleId() + " " + f.pointer()).isTrue();
    }
    JsonNode json = M.readTree(r.toJson());
    assertThat(json.fieldNames()).toIterable().containsExactly("score", "rules");
    for (JsonNode rule : json.get("rules")) {
      List<String> fields = new ArrayList<>();
      rule.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsAnyOf("id").isSubsetOf("id", "category", "severity", "message", "pointer", "evidence",
          "weight", "effect", "fix");
      assertThat(fields).contains("id", "category", "severity", "message", "pointer", "evidence", "weight", "effect");
      assertThat(rule.get("severity").asText()).isIn("error", "warning", "info");
      assertThat(rule.get("category").asText()).isIn("parseability", "contact", "structure", "content", "length");
    }
  }

  /** Every fix offered for the 48 CVs of the labelled set and for the flawed CV applies cleanly. */
  @TestFactory
  Stream<DynamicTest> everyFixOfferedAppliesCleanly() throws IOException {
    List<Cv> cvs = new ArrayList<>(List.of(flawed(), TestCvs.clean(), Cv.empty()));
    try (Stream<Path> files = Files.list(Path.of("src/quality/resources/quality/cvs"))) {
      for (Path p : files.sorted().toList()) {
        cvs.add(AltoCv.read(p));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Cv cv : cvs) {
      for (AtsFinding f : ATS.analyze(cv).findings()) {
        if (f.fix() != null) {
          Patch fix = f.fix();
          tests.add(DynamicTest.dynamicTest(f.ruleId() + " at " + f.pointer(),
              () -> assertThatCode(() -> AltoCv.apply(cv, fix)).doesNotThrowAnyException()));
        }
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  @Test
  void anEmptyCvGetsAReportNotAnException() {
    AtsReport r = ATS.analyze(Cv.empty());
    assertThat(r.score()).isLessThan(40);
    assertThat(r.problems()).extracting(AtsFinding::ruleId)
        .contains("contact.name", "contact.email", "structure.experience", "structure.education", "structure.skills");
  }

  @Test
  void aCvInGermanSkipsTheEnglishWordingChecksAndSaysSo() {
    Cv cv = AltoCv.read("""
        {"basics": {"name": "Jana Vogel", "email": "jana@example.com", "phone": "030 1234567",
          "summary": "Ich bin Krankenschwester mit zehn Jahren Erfahrung auf der Intensivstation und in der Notaufnahme.",
          "location": {"city": "Köln"}},
         "work": [{"name": "Uniklinik Köln", "position": "Pflegefachkraft", "startDate": "2016-01",
           "highlights": ["Betreuung von beatmeten Patienten auf der Intensivstation und die Überwachung der Vitalwerte",
                          "Einarbeitung von neuen Kolleginnen und Kollegen in die Abläufe der Station"]}]}""");
    AtsReport r = ATS.analyze(cv);
    assertThat(r.language()).isEqualTo("de");
    assertThat(r.findings()).extracting(AtsFinding::ruleId).contains("content.language")
        .doesNotContain("content.action-verbs", "content.pronouns", "content.buzzwords");
  }

  @Test
  void gapsOverAYearAreInformationThatCostsNothing() {
    Cv c = TestCvs.clean();
    Work old = c.work().get(2);
    Work moved = new Work(old.id(), old.name(), null, null, old.position(), null, "2013-01", "2016-06", null,
        old.highlights(), Map.of());
    Cv cv = c.toBuilder().build();
    List<Work> jobs = new ArrayList<>(c.work());
    jobs.set(2, moved);
    Work parcelo = jobs.get(1);
    jobs.set(1, new Work(parcelo.id(), parcelo.name(), null, null, parcelo.position(), null, "2018-02", "2021-03",
        null, parcelo.highlights(), Map.of()));
    cv = new Cv(c.basics(), jobs, c.volunteer(), c.education(), c.awards(), c.certificates(), c.publications(),
        c.skills(), c.languages(), c.interests(), c.references(), c.projects(), c.meta(), c.altocv(), c.extra());
    List<AtsFinding> gaps = ATS.analyze(cv).findings().stream().filter(f -> f.ruleId().equals("structure.gaps"))
        .toList();
    assertThat(gaps).hasSize(1);
    assertThat(gaps.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(gaps.get(0).effect()).isZero();
    assertThat(gaps.get(0).evidence()).isEqualTo("19 months");
    assertThat(gaps.get(0).pointer()).isEqualTo("/work/[id=" + parcelo.id() + "]/startDate");
  }

  @Test
  void malformedLinksAreReportedAndDoNotCountAsAProfile() {
    Cv broken = AltoCv.apply(TestCvs.clean(), Patch.fromJson("""
        [{"op":"add","path":"/basics/url","value":"nope"},
         {"op":"replace","path":"/basics/profiles/0/url","value":"not a url"},
         {"op":"remove","path":"/basics/profiles/0/username"}]""")).cv();
    AtsReport r = ATS.analyze(broken);
    List<AtsFinding> links = r.findings().stream().filter(f -> f.ruleId().equals("contact.profile-link")).toList();
    assertThat(links).extracting(AtsFinding::pointer)
        .containsExactly("/basics/url", "/basics/profiles/[id=pf1]/url");
    assertThat(links.get(1).message()).contains("LinkedIn profile link 'not a url' is not a web address");
    assertThat(links).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    // no working link: the rule's whole weight is lost, shared by the two findings
    assertThat(links.stream().mapToDouble(AtsFinding::effect).sum())
        .isCloseTo(-links.get(0).weight(), org.assertj.core.api.Assertions.within(1e-9));

    // with and without the scheme, with a path, a port or a query: all fine
    for (String ok : List.of("https://www.linkedin.com/in/helenbauer", "github.com/helen-b", "helen.dev",
        "http://localhost.example:8080/cv?lang=en", "https://bücher.de/autor")) {
      Cv good = AltoCv.apply(TestCvs.clean(), Patch.fromJson(
          "[{\"op\":\"replace\",\"path\":\"/basics/profiles/0/url\",\"value\":\"" + ok + "\"}]")).cv();
      assertThat(ATS.analyze(good).findings()).as(ok)
          .filteredOn(f -> f.ruleId().equals("contact.profile-link")).allSatisfy(f -> assertThat(f.effect()).isZero());
    }
  }
}
