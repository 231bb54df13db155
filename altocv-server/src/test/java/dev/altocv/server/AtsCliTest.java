package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.server.support.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code altocv ats}, {@code match} and {@code rank}, run in-process. */
class AtsCliTest {
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;
  Path resume;
  Path job;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void files() throws IOException {
    resume = dir.resolve("resume.json");
    try (InputStream in = getClass().getResourceAsStream("/cli/sample-resume.json")) {
      Files.write(resume, in.readAllBytes());
    }
    job = write("job.txt", """
        Senior Backend Engineer (Java)
        Northwind Payments - Amsterdam

        What you'll do:
        - Build payment services in Java and Kotlin on PostgreSQL
        - CliRun them on Kubernetes

        Requirements:
        - 5+ years of backend experience
        - Kafka and REST API design

        Nice to have:
        - Terraform
        """);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void atsPrintsAScoreAndFindingsForAPerson() {
    CliRun r = run("ats", resume.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("ATS score: ").contains("Passed (");
    assertThat(r.out()).containsPattern("ATS score: \\d+/100");
  }

  @Test
  void atsJsonHasTheDocumentedShape() throws Exception {
    CliRun r = run("ats", resume.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = M.readTree(r.out());
    assertThat(json.get("score").asInt()).isBetween(0, 100);
    assertThat(json.get("rules").size()).isGreaterThan(20);
    JsonNode first = json.get("rules").get(0);
    for (String f : List.of("id", "category", "severity", "message", "pointer", "evidence", "weight", "effect")) {
      assertThat(first.has(f)).as(f).isTrue();
    }
  }

  @Test
  void atsWithAJobChecksItsKeywords() throws Exception {
    JsonNode json = M.readTree(run("ats", resume.toString(), "--job", job.toString(), "--json").out());
    List<String> ids = new ArrayList<>();
    json.get("rules").forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).contains("job.keywords");
  }

  @Test
  void matchPrintsScoresKeywordsAndSuggestions() throws Exception {
    CliRun human = run("match", resume.toString(), job.toString());
    assertThat(human.code()).as(human.err()).isZero();
    assertThat(human.out()).startsWith("Match: ").contains("lexical; --semantic adds meaning").contains("Matched (")
        .contains("Missing (");
    JsonNode json = M.readTree(run("match", resume.toString(), job.toString(), "--json").out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("overall", "skills", "experience", "education", "summary", "semantic",
        "matchedKeywords", "missingKeywords", "suggestions");
    assertThat(json.get("semantic").asBoolean()).isFalse();
    assertThat(json.at("/matchedKeywords/0/locations/0").asText()).startsWith("/");
  }

  @Test
  void semanticMatchingLoadsTheLocalModel() throws Exception {
    JsonNode json = M.readTree(run("match", resume.toString(), job.toString(), "--json", "--semantic").out());
    assertThat(json.get("semantic").asBoolean()).isTrue();
    JsonNode ranked = M.readTree(run("rank", "--job", job.toString(), resume.toString(), "--json", "--semantic").out());
    assertThat(ranked.get(0).get("semantic").asBoolean()).isTrue();
  }

  @Test
  void rankListsTheCvsBestFirst() throws Exception {
    Path nurse = write("nurse.json", """
        {"basics": {"name": "Ann Lee", "label": "Staff Nurse"},
         "work": [{"name": "City Hospital", "position": "Staff Nurse", "startDate": "2018-01",
                   "highlights": ["Cared for 6 patients per shift on a surgical ward"]}]}""");
    CliRun r = run("rank", "--job", job.toString(), nurse.toString(), resume.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = M.readTree(r.out());
    assertThat(json.size()).isEqualTo(2);
    assertThat(json.get(0).get("file").asText()).isEqualTo(resume.toString());
    assertThat(json.get(0).get("score").asInt()).isGreaterThan(json.get(1).get("score").asInt());
    assertThat(json.get(1).get("missingRequired").size()).isPositive();
    CliRun human = run("rank", "--job", job.toString(), nurse.toString(), resume.toString(), "--limit", "1");
    assertThat(human.out()).contains(resume.toString()).doesNotContain(nurse.toString());
  }

  @Test
  void rankCanRankJobsForOneCv() throws Exception {
    Path nursing = write("nursing.txt", """
        Staff Nurse
        Requirements:
        - Registered Nurse license
        - Wound care and medication administration
        """);
    JsonNode json = M.readTree(run("rank", "--cv", resume.toString(), nursing.toString(), job.toString(), "--json")
        .out());
    assertThat(json.get(0).get("file").asText()).isEqualTo(job.toString());
  }

  @Test
  void badInputIsAClearErrorNeverAStackTrace() throws IOException {
    Path notJson = write("cv.txt", "Jane Doe\nNurse");
    CliRun a = run("ats", notJson.toString());
    assertThat(a.code()).isEqualTo(1);
    assertThat(a.err()).contains("cv.txt").contains("line 1");

    Path empty = write("empty.txt", "   \n");
    CliRun b = run("match", resume.toString(), empty.toString());
    assertThat(b.code()).isEqualTo(1);
    assertThat(b.err()).contains("empty.txt").contains("empty");

    Path german = write("stelle.txt", """
        Wir suchen eine erfahrene Pflegefachkraft für unsere Intensivstation. Sie betreuen beatmete Patientinnen
        und Patienten und arbeiten eng mit dem ärztlichen Team zusammen. Ihr Profil: eine abgeschlossene Ausbildung
        und mindestens zwei Jahre Berufserfahrung auf einer Intensivstation.""");
    CliRun c = run("match", resume.toString(), german.toString());
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.err()).contains("German").contains("English only");

    CliRun d = run("rank", "--job", job.toString(), resume.toString(), notJson.toString());
    assertThat(d.code()).isEqualTo(1);
    assertThat(d.out()).isEmpty();
    assertThat(d.err()).contains("cv.txt");

    assertThat(run("ats", dir.resolve("missing.json").toString()).code()).isEqualTo(2);
    assertThat(run("rank", resume.toString()).code()).as("neither --job nor --cv").isEqualTo(2);
    assertThat(run("rank", "--job", job.toString(), "--cv", resume.toString(), resume.toString()).code())
        .isEqualTo(2);
    Path nearlyEmpty = write("nearly.json", "{\"basics\": {\"name\": \"X\"}}");
    CliRun e = run("ats", nearlyEmpty.toString());
    assertThat(e.code()).isZero();
    assertThat(e.out()).contains("Errors");
    for (CliRun x : List.of(a, b, c, d, e)) {
      assertThat(x.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
