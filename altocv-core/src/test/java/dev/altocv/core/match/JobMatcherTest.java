package dev.altocv.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.AltoCv;
import dev.altocv.core.ats.TestCvs;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Certificate;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobMatcherTest {
  static final JobMatcher MATCHER = JobMatcher.builder().clock(TestCvs.CLOCK).build();
  static final ObjectMapper M = new ObjectMapper();

  static final JobPosting BACKEND = JobPosting.parse("""
      Backend Engineer
      Requirements:
      - 4+ years of experience building backend services in Java
      - PostgreSQL and Kafka
      - Kubernetes
      Nice to have:
      - Terraform
      """);

  static Work job(String title, String start, String end, String... bullets) {
    return new Work(null, "Acme", null, null, title, null, start, end, null, List.of(bullets), Map.of());
  }

  static Cv cv(List<Work> work, List<String> skills, Certificate... certs) {
    return new Cv(new Basics("A Person", null, null, "a@example.com", null, null, null, Location.empty(), List.of(),
        Map.of()), work, List.of(), List.of(new Education(null, "Uni", null, "Computer Science", "Bachelor of Science",
        null, "2015", null, List.of(), Map.of())), List.of(), List.of(certs), List.of(),
        skills.isEmpty() ? List.of() : List.of(new Skill(null, "Skills", null, skills, Map.of())), List.of(),
        List.of(), List.of(), List.of(), null, null, Map.of());
  }

  static final List<String> ALL = List.of("Java", "PostgreSQL", "Kafka", "Kubernetes", "Terraform");

  @Test
  void skillsShownInBulletsBeatASkillsListStuffedWithThePostingsKeywords() {
    Cv shown = cv(List.of(job("Backend Engineer", "2020-01", null,
        "Built Java services on PostgreSQL that process 2 million orders a day",
        "Moved order events to Kafka and ran the services on Kubernetes")), List.of());
    Cv stuffed = cv(List.of(job("Backend Engineer", "2020-01", null,
        "Worked on several services for the team", "Took part in planning and reviews")), ALL);
    MatchReport a = MATCHER.match(shown, BACKEND);
    MatchReport b = MATCHER.match(stuffed, BACKEND);
    assertThat(a.skills()).isGreaterThan(b.skills() + 30);
    assertThat(a.overall()).isGreaterThan(b.overall());
    assertThat(b.matchedKeywords()).extracting(MatchedKeyword::keyword).contains("Java", "Apache Kafka");
    assertThat(b.suggestions()).extracting(Suggestion::message)
        .anyMatch(m -> m.contains("'Java' appears only in your skills list"));
  }

  @Test
  void repeatingAKeywordAddsNothingAfterItsFirstMention() {
    Cv once = cv(List.of(job("Backend Engineer", "2020-01", null, "Built Java services for payments")), List.of());
    Cv many = cv(List.of(job("Backend Engineer", "2020-01", null, "Built Java services for payments",
        "Java, Java, Java: wrote Java every day", "Java again")), List.of("Java", "Java 17"));
    assertThat(MATCHER.match(many, BACKEND).skills()).isEqualTo(MATCHER.match(once, BACKEND).skills());
  }

  @Test
  void recentUseCountsMoreThanUseTenYearsAgo() {
    Cv recent = cv(List.of(job("Backend Engineer", "2019-01", null,
        "Built Java services on PostgreSQL and Kafka, deployed on Kubernetes")), List.of());
    Cv stale = cv(List.of(job("Backend Engineer", "2009-01", "2015-12",
        "Built Java services on PostgreSQL and Kafka, deployed on Kubernetes"),
        job("Store Manager", "2016-01", null, "Ran a shop of 12 people with 2 million in sales")), List.of());
    MatchReport r = MATCHER.match(recent, BACKEND);
    MatchReport s = MATCHER.match(stale, BACKEND);
    assertThat(r.skills()).isGreaterThan(s.skills() + 20);
    assertThat(r.overall()).isGreaterThan(s.overall());
  }

  @Test
  void tooJuniorIsAGapHoweverGoodTheKeywords() {
    Cv junior = cv(List.of(job("Backend Engineer", "2026-01", null,
        "Built Java services on PostgreSQL and Kafka, deployed on Kubernetes with Terraform")), ALL);
    MatchReport r = MATCHER.match(junior, BACKEND);
    assertThat(r.skills()).isGreaterThanOrEqualTo(90);
    assertThat(r.yearsAsked()).isEqualTo(4);
    assertThat(r.relevantYears()).isLessThan(1);
    assertThat(r.overall()).isLessThanOrEqualTo(55);
    assertThat(r.suggestions()).extracting(Suggestion::message).anyMatch(m -> m.contains("asks for 4 years"));
  }

  @Test
  void aMissingRequiredLicenceWeighsHeavily() {
    JobPosting nurse = JobPosting.parse("""
        ICU Nurse
        Requirements:
        - Current Registered Nurse (RN) license (required)
        - 2+ years of ICU experience with ventilated patients
        """);
    List<Work> work = List.of(job("ICU Nurse", "2019-01", null,
        "Cared for ventilated patients in a 20-bed ICU", "Titrated vasoactive drips under protocol"));
    Cv licensed = cv(work, List.of(), new Certificate(null, "Registered Nurse License", "2018", null, null, Map.of()));
    Cv unlicensed = cv(work, List.of());
    MatchReport a = MATCHER.match(licensed, nurse);
    MatchReport b = MATCHER.match(unlicensed, nurse);
    assertThat(a.missingHardRequirements()).isEmpty();
    assertThat(b.missingHardRequirements()).containsExactly("Registered Nurse");
    assertThat(b.overall()).isLessThan(a.overall() * 2 / 3);
    Cv candidate = cv(work, List.of(), new Certificate(null, "RN license exam scheduled (not yet licensed)", "2026",
        null, null, Map.of()));
    assertThat(MATCHER.match(candidate, nurse).missingHardRequirements()).containsExactly("Registered Nurse");
  }

  @Test
  void theSpecialtyNextDoorIsAPartialFit() {
    JobPosting backend = JobPosting.parse("""
        Backend Engineer
        What you'll do:
        - Build services and APIs
        Requirements:
        - 3+ years of experience
        """);
    Cv back = cv(List.of(job("Backend Engineer", "2020-01", null, "Built services and APIs for 40 teams")),
        List.of());
    Cv front = cv(List.of(job("Frontend Engineer", "2020-01", null, "Built pages and components for 40 teams")),
        List.of());
    Cv nurse = cv(List.of(job("Staff Nurse", "2020-01", null, "Cared for 6 patients per shift")), List.of());
    int b = MATCHER.match(back, backend).experience();
    int f = MATCHER.match(front, backend).experience();
    int n = MATCHER.match(nurse, backend).experience();
    assertThat(b).isGreaterThan(f);
    assertThat(f).isGreaterThan(n);
  }

  @Test
  void withoutAnEmbedderTheMatchIsLexicalAndWithOneItIsSemantic() {
    Cv cv = TestCvs.clean();
    MatchReport lexical = MATCHER.match(cv, BACKEND);
    assertThat(lexical.semantic()).isFalse();
    HashingEmbedder e = new HashingEmbedder();
    JobMatcher semantic = JobMatcher.builder().embedder(e).clock(TestCvs.CLOCK).build();
    MatchReport s = semantic.match(cv, BACKEND);
    assertThat(s.semantic()).isTrue();
    assertThat(e.calls.get()).isEqualTo(2);
    assertThat(semantic.embedder()).containsSame(e);
    assertThat(s.skills()).as("skills do not depend on the embedder").isEqualTo(lexical.skills());
  }

  @Test
  void suggestionPatchesApplyAndAddTheKeywordToTheSkills() {
    Cv cv = TestCvs.clean();
    MatchReport r = MATCHER.match(cv, JobPosting.parse("""
        Data Engineer
        Requirements:
        - Python, SQL, Apache Spark and Snowflake
        - Tableau dashboards
        """));
    List<Suggestion> withPatch = r.suggestions().stream().filter(s -> s.patch() != null).toList();
    assertThat(withPatch).extracting(Suggestion::message).anyMatch(m -> m.contains("'Tableau'"));
    for (Suggestion s : withPatch) {
      assertThatCode(() -> AltoCv.apply(cv, s.patch())).doesNotThrowAnyException();
    }
    Suggestion tableau = withPatch.stream().filter(s -> s.message().contains("'Tableau'")).findFirst().orElseThrow();
    Cv after = AltoCv.apply(cv, tableau.patch()).cv();
    assertThat(after.skills().get(0).keywords()).contains("Tableau");
    assertThat(r.missingKeywords()).extracting(MissingKeyword::keyword).containsExactly("Snowflake");
    assertThat(r.matchedKeywords()).filteredOn(k -> k.keyword().equals("Python")).first()
        .satisfies(k -> assertThat(k.locations()).allSatisfy(p -> assertThat(TestCvs.pointsIntoCv(cv, p)).isTrue()));
  }

  @Test
  void missingKeywordsListTheRequiredFirstAndTheJsonHasTheDocumentedFields() throws Exception {
    Cv cv = cv(List.of(job("Backend Engineer", "2018-01", null, "Built Java services")), List.of());
    MatchReport r = MATCHER.match(cv, BACKEND);
    List<MissingKeyword> missing = r.missingKeywords();
    assertThat(missing).extracting(MissingKeyword::keyword).contains("PostgreSQL", "Terraform");
    boolean seenPreferred = false;
    for (MissingKeyword k : missing) {
      seenPreferred |= !k.required();
      assertThat(!k.required() || !seenPreferred).as("required before preferred").isTrue();
    }
    JsonNode json = M.readTree(r.toJson());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("overall", "skills", "experience", "education", "summary", "semantic",
        "matchedKeywords", "missingKeywords", "suggestions");
    for (String score : List.of("overall", "skills", "experience", "education", "summary")) {
      assertThat(json.get(score).isInt()).isTrue();
      assertThat(json.get(score).asInt()).isBetween(0, 100);
    }
    assertThat(json.at("/matchedKeywords/0").has("locations")).isTrue();
    assertThat(json.at("/missingKeywords/0/required").isBoolean()).isTrue();
  }
}
