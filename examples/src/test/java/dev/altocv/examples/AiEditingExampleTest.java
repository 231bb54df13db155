package dev.altocv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.ai.AiConfig;
import dev.altocv.core.model.Cv;
import dev.altocv.testsupport.llm.OpenAiServer;
import dev.altocv.testsupport.llm.ScriptedTurn;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the example against a local OpenAI-compatible server configured through environment variables. */
class AiEditingExampleTest {

  @Test
  void theExampleProposesShowsAndAppliesTheUnflaggedEdits() throws Exception {
    String resume;
    try (InputStream in = getClass().getResourceAsStream("/examples/resume.json")) {
      resume = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (OpenAiServer server = OpenAiServer.start()) {
      server.enqueue(ScriptedTurn.create().text("Two edits for you.")
          .toolCall("rewrite_highlight", """
              {"itemId":"w2","index":0,"original":"Built the route-planning service used by 300 drivers daily",
               "text":"Built the route-planning service that 300 drivers rely on every day","reason":"Stronger verb"}""")
          .toolCall("rewrite_highlight", """
              {"itemId":"w2","index":1,"original":"Reduced cloud costs by 22% by right-sizing Kubernetes workloads",
               "text":"Cut cloud costs by 35% by right-sizing Kubernetes workloads","reason":"Punchier"}"""));
      server.enqueue(ScriptedTurn.create().text(" Please check the 35% figure."));
      AiConfig config = AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai-compatible",
          "ALTOCV_AI_BASE_URL", server.baseUrl(), "ALTOCV_AI_MODEL", "llama3.1"));

      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      Cv updated = AiEditingExample.run(config, resume, "Make my Nordlog bullets stronger",
          new PrintStream(buf, true, StandardCharsets.UTF_8));

      String out = buf.toString(StandardCharsets.UTF_8);
      assertThat(out).contains("Two edits for you.")
          .contains("[ok]    Rewrite bullet 1 of Backend Engineer at Nordlog AB - Stronger verb")
          .contains("[check] Rewrite bullet 2 of Backend Engineer at Nordlog AB - Punchier")
          .contains("the figure 35% appears neither in your CV nor in your messages");
      assertThat(updated.work().get(1).highlights()).containsExactly(
          "Built the route-planning service that 300 drivers rely on every day",
          "Reduced cloud costs by 22% by right-sizing Kubernetes workloads");
    }
  }
}
