package dev.altocv.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.AltoCv;
import dev.altocv.render.Render;
import dev.altocv.server.ai.AltoAiEngine;
import dev.altocv.server.support.Browser;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import dev.altocv.testsupport.llm.OpenAiServer;
import dev.altocv.testsupport.llm.ScriptedTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The editor's paid features in a real headless Chromium against the real server: an AI turn against the local
 * OpenAI-compatible test server (the real adapter over altocv-ai) accepted edit by edit, an ATS fix applied and
 * undone, job matching, a PDF export that downloads a valid PDF, and a PDF import from the dashboard.
 */
class FeaturesBrowserTest {
  static final String EMAIL = "features.user@example.com";
  static final String CV = """
      {"basics": {"name": "Ada Lindqvist", "label": "Backend Engineer", "email": "ada@example.com", "phone": "+46 70 123 45 67",
                  "location": {"city": "Stockholm", "countryCode": "SE"},
                  "summary": "Backend engineer with 9 years of experience building payment platforms in Java."},
       "work": [{"name": "Klarfeld", "position": "Senior Backend Engineer", "startDate": "2021-03",
                 "highlights": ["I led the migration to PostgreSQL for 40 services",
                                "Cut settlement time from 4 hours to 35 minutes"]}],
       "education": [{"institution": "KTH", "studyType": "Master", "area": "Computer Science", "startDate": "2012", "endDate": "2014"}],
       "skills": [{"name": "Backend", "keywords": ["Java", "Kotlin", "PostgreSQL", "Spring Boot", "AWS"]}]}""";
  static final String POSTING = """
      Senior Backend Engineer - Payments
      We are looking for a senior backend engineer to build our payment platform.
      Requirements:
      - 5+ years of experience with Java or Kotlin
      - PostgreSQL and SQL
      - Kubernetes and Docker
      - Apache Kafka
      Nice to have: Terraform, AWS
      """;

  static OpenAiServer model;
  static TestServer server;
  static Browser b;
  static Http api;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    model = OpenAiServer.start();
    Map<String, String> env = Map.of("ALTOCV_AI_PROVIDER", "openai-compatible", "ALTOCV_AI_BASE_URL", model.baseUrl(),
        "ALTOCV_AI_MODEL", "llama3.1", "ALTOCV_AI_MAX_RETRIES", "0", "ALTOCV_SIGNUP_CREDITS", "500");
    server = TestServer.withOptions(env, o -> o.withChatEngine(AltoAiEngine.fromEnv(env)));
    b = new Browser(server.base());
    b.signIn(EMAIL);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (server != null) {
      server.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @AfterEach
  void clean() {
    b.consoleErrors();
  }

  static String openNew(String title) {
    api = server.user(EMAIL);
    String id = api.post("/api/v1/cvs", "{\"title\": \"" + title + "\", \"content\": " + CV + "}", "X-CSRF-Token",
        api.csrf()).json().path("id").asText();
    b.open("/editor/" + id);
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    return id;
  }

  static JsonNode content(String id) {
    return api.get("/api/v1/cvs/" + id).json().path("content");
  }

  static String value(String path) {
    List<WebElement> l = b.driver.findElements(By.cssSelector("[data-path=\"" + path + "\"]"));
    return l.isEmpty() ? null : l.get(0).getAttribute("value");
  }

  @Test
  void anAiTurnAgainstTheOpenAiCompatibleServerIsAcceptedEditByEdit() {
    String id = openNew("AI");
    model.enqueue(ScriptedTurn.create().text("I sharpened ").text("your second bullet.")
        .toolCall("rewrite_highlight", "{\"itemId\":\"w1\",\"index\":1,\"original\":\"Cut settlement time from 4 hours to "
            + "35 minutes\",\"text\":\"Cut settlement time from 4 hours to 35 minutes, saving 20% in fees\","
            + "\"reason\":\"Adds the outcome\"}")
        .toolCall("add_skill", "{\"groupId\":\"s1\",\"keyword\":\"Go\",\"reason\":\"Rounds out the backend skills\"}")
        .usage(900, 60));
    model.enqueue(ScriptedTurn.create().text(" Check the 20% figure."));
    b.testId("tab-chat").click();
    // consent is asked once per account (another test may have given it already)
    b.driver.findElements(By.cssSelector("#chat-state [data-testid=ai-consent]")).stream().filter(WebElement::isDisplayed)
        .findFirst().ifPresent(WebElement::click);
    b.testId("chat-input").sendKeys("Make my second bullet stronger");
    b.testId("chat-send").click();
    b.waitFor(d -> b.find(".msg.assistant").getText().contains("I sharpened your second bullet.") ? true : null);
    List<WebElement> accept = b.waitFor(d -> {
      List<WebElement> l = d.findElements(By.cssSelector("[data-testid=edit-accept]"));
      return l.size() == 2 ? l : null;
    });
    String card = b.find(".proposal").getText();
    assertThat(card).contains("Adds the outcome").contains("saving 20% in fees").contains("Check:");
    assertThat(b.find(".edit.flagged").getText()).contains("20%");
    b.screenshot("editor-ai-proposal");
    accept.get(0).click();
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").get(1).asText().endsWith("saving 20% in fees")
        ? true : null);
    b.waitFor(d -> String.valueOf(value("/work/[id=w1]/highlights/1")).endsWith("20% in fees") ? true : null);
    b.find("[data-testid=edit-reject]").click();
    assertThat(content(id).path("skills").get(0).path("keywords").toString()).doesNotContain("\"Go\"");
    assertThat(b.find(".proposal").getText()).contains("Accepted").contains("Rejected");
    b.testId("undo").click();
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").get(1).asText()
        .equals("Cut settlement time from 4 hours to 35 minutes") ? true : null);
    b.assertNoConsoleErrors();
  }

  @Test
  void anAtsFixIsAppliedAndUndone() {
    String id = openNew("ATS");
    b.testId("tab-ats").click();
    b.testId("ats-run").click();
    String score = b.testId("ats-score").getText();
    assertThat(score).matches("\\d{1,3}");
    assertThat(Integer.parseInt(score)).isBetween(0, 100);
    WebElement finding = b.find("[data-rule=\"content.pronouns\"]");
    b.screenshot("editor-ats-report");
    b.assertAccessible("editor with an ATS report");
    assertThat(finding.getText()).contains("I led the migration");
    finding.findElement(By.cssSelector("[data-testid=ats-fix]")).click();
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").get(0).asText()
        .equals("Led the migration to PostgreSQL for 40 services") ? true : null);
    assertThat(b.find("[data-rule=\"content.pronouns\"]").getText()).contains("Fixed");
    // the button is gone: keyboard focus is on what replaced it, not on the page
    assertThat(b.js("return document.activeElement.textContent")).asString().startsWith("Fixed.");
    b.waitFor(d -> "Led the migration to PostgreSQL for 40 services".equals(value("/work/[id=w1]/highlights/0")) ? true : null);
    b.testId("undo").click();
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").get(0).asText().startsWith("I led") ? true : null);
    // "Go to" jumps to the field
    b.js("document.getElementById('pane-left').scrollTop = 0");
    b.testId("ats-run").click();
    b.find("[data-rule=\"content.pronouns\"] button.link").click();
    b.waitFor(d -> "/work/[id=w1]/highlights/0".equals(b.js("return document.activeElement.dataset.path")) ? true : null);
    b.assertNoConsoleErrors();
  }

  @Test
  void aPostingIsMatchedWithScoresKeywordsAndSuggestionsAndTailored() {
    openNew("Match");
    api.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":true}");
    b.driver.navigate().refresh();
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    b.testId("tab-match").click();
    WebElement text = b.testId("match-text");
    b.js("arguments[0].value = arguments[1]", text, POSTING);
    b.testId("match-run").click();
    String score = b.testId("match-score").getText();
    assertThat(Integer.parseInt(score)).isBetween(0, 100);
    String out = b.find("#match-result").getText();
    assertThat(out).contains("Missing keywords").contains("Kubernetes").contains("Apache Kafka").contains("required")
        .contains("PostgreSQL").contains("Tailor with AI");
    assertThat(b.find("#match-result img").getAttribute("src")).contains("/charts/bars.svg");
    b.screenshot("editor-match-report");
    b.assertAccessible("editor with a match report");
    model.enqueue(ScriptedTurn.create().text("I aligned your summary with the posting.")
        .toolCall("set_summary", "{\"summary\":\"Backend engineer with 9 years of experience building payment "
            + "platforms in Java and PostgreSQL.\",\"reason\":\"The posting asks for PostgreSQL\"}"));
    model.enqueue(ScriptedTurn.create().text(" Done."));
    b.testId("tailor").click();
    b.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(".tailor .proposal [data-testid=edit-accept]"))
        .isEmpty() ? null : true);
    assertThat(b.find(".tailor .proposal").getText()).contains("The posting asks for PostgreSQL");
    b.assertNoConsoleErrors();
  }

  @Test
  void aPdfExportDownloadsAValidPdf() throws Exception {
    openNew("Export");
    new org.openqa.selenium.support.ui.Select(b.testId("export-format")).selectByValue("pdf");
    b.testId("export-run").click();
    b.waitFor(Duration.ofSeconds(30), d -> b.driver.findElements(By.cssSelector("[data-testid=export-download]")).isEmpty()
        ? null : true);
    Path pdf = b.waitFor(Duration.ofSeconds(30), d -> {
      try (Stream<Path> s = Files.list(b.downloads)) {
        Optional<Path> p = s.filter(x -> x.toString().endsWith(".pdf")).findFirst();
        return p.isPresent() && Files.size(p.get()) > 0 ? p.get() : null;
      } catch (java.io.IOException e) {
        return null;
      }
    });
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Ada Lindqvist").contains("Senior Backend Engineer");
    }
    b.assertNoConsoleErrors();
  }

  @Test
  void aPdfIsImportedFromTheDashboard() throws Exception {
    Path file = Files.createTempFile("imported-cv", ".pdf");
    Files.write(file, Render.pdf(AltoCv.read(CV.replace("Ada Lindqvist", "Grace Imported"))));
    b.open("/dashboard");
    b.testId("import-file").sendKeys(file.toString());
    b.find("#import-start").click();
    b.waitFor(Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("/editor/") ? true : null);
    b.waitFor(d -> "Grace Imported".equals(value("/basics/name")) ? true : null);
    assertThat(value("/work/" + "[id=w1]/position")).isEqualTo("Senior Backend Engineer");
    b.assertNoConsoleErrors();
  }
}
