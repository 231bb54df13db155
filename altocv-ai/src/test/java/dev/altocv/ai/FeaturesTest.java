package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.model.Cv;
import dev.altocv.testsupport.llm.ScriptedTurn;
import org.junit.jupiter.api.Test;

/** The LLM features on top of the deterministic ones: tailoring, ATS explanations, structured output. */
class FeaturesTest {

  @Test
  void tailoringIsAProposalRoutedToTheTailorTask() {
    try (Wire w = new Wire(ProviderKind.OPENAI, b -> b.model(Task.TAILOR, "gpt-tailor"))) {
      w.server.enqueue(ScriptedTurn.create().toolCall("rewrite_highlight", """
          {"itemId":"w1","index":0,"original":"Built the settlement service in Java and Kafka",
           "text":"Built the Kafka-based settlement service in Java","reason":"the posting stresses Kafka"}"""));
      w.server.enqueue(ScriptedTurn.create().text("Tailored."));
      Proposal p = w.ai.tailor(TestCvs.ada(), "Kafka engineer wanted");
      assertThat(p.task()).isEqualTo(Task.TAILOR);
      assertThat(p.edits()).hasSize(1);
      var req = w.server.requests().get(0);
      assertThat(req.json().path("model").asText()).isEqualTo("gpt-tailor");
      assertThat(req.allText()).contains("Task: tailor the CV to the job posting").contains("Kafka engineer wanted");
    }
  }

  @Test
  void atsFindingsAreExplainedWithoutTools() {
    try (Wire w = new Wire(ProviderKind.ANTHROPIC)) {
      w.server.enqueue(ScriptedTurn.create().text("Your dates are fine. ").text("Add a skills keyword."));
      String text = w.ai.explainAts(TestCvs.ada(), "missing-keyword: Kubernetes (warning)");
      assertThat(text).isEqualTo("Your dates are fine. Add a skills keyword.");
      var body = w.server.requests().get(0).json();
      assertThat(body.has("tools")).isFalse();
      assertThat(body.path("model").asText()).isEqualTo("claude-haiku-5-5");
      assertThat(w.server.requests().get(0).allText()).contains("<ats_findings>");
    }
  }

  @Test
  void ambiguousCvTextIsStructuredAndAnInvalidAnswerIsSentBackOnce() {
    try (Wire w = new Wire(ProviderKind.OPENAI_COMPATIBLE)) {
      w.server.enqueue(ScriptedTurn.create().toolCall("submit_cv",
          "{\"cv\":{\"basics\":{\"name\":\"Bo\"},\"work\":[{\"name\":\"Acme\",\"startDate\":\"May 2020\"}]}}"));
      w.server.enqueue(ScriptedTurn.create().toolCall("submit_cv",
          "{\"cv\":{\"basics\":{\"name\":\"Bo\"},\"work\":[{\"name\":\"Acme\",\"startDate\":\"2020-05\"}]}}"));
      Cv cv = w.ai.structureCv("Bo\nAcme, since May 2020");
      assertThat(cv.work()).singleElement().satisfies(j -> {
        assertThat(j.startDate()).isEqualTo("2020-05");
        assertThat(j.id()).isEqualTo("w1");
      });
      var first = w.server.requests().get(0).json();
      assertThat(first.path("tool_choice").path("function").path("name").asText()).isEqualTo("submit_cv");
      assertThat(w.server.requests().get(1).body()).contains("startDate").contains("must be a real date");
    }
  }

  @Test
  void structuredOutputThatFailsTwiceIsAnError() {
    try (Wire w = new Wire(ProviderKind.ANTHROPIC)) {
      String schema = "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},"
          + "\"years\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"title\"],\"additionalProperties\":false}";
      w.server.enqueue(ScriptedTurn.create().toolCall("submit_result", "{\"years\":-2}"));
      w.server.enqueue(ScriptedTurn.create().toolCall("submit_result", "{\"title\":\"Dev\",\"extra\":1}"));
      assertThatThrownBy(() -> w.ai.extractJson(Task.EXTRACT_JOB, "Extract the job title.", "Dev wanted", schema))
          .isInstanceOf(AiException.class)
          .satisfies(e -> assertThat(((AiException) e).kind()).isEqualTo(AiErrorKind.INVALID_RESPONSE))
          .hasMessageContaining("'extra' is not an argument");
      assertThat(w.server.requests().get(1).body()).contains("'title' is required").contains("at least 0");

      w.server.enqueue(ScriptedTurn.create().toolCall("submit_result", "{\"title\":\"Dev\",\"years\":3}"));
      assertThat(w.ai.extractJson(Task.EXTRACT_JOB, "Extract.", "Dev, 3 years", schema))
          .contains("\"title\" : \"Dev\"").contains("\"years\" : 3");
    }
  }
}
