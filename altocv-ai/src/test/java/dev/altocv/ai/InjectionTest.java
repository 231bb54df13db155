package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Work;
import dev.altocv.core.patch.Patch;
import dev.altocv.testsupport.llm.RecordedRequest;
import dev.altocv.testsupport.llm.ScriptedReply;
import dev.altocv.testsupport.llm.ScriptedTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The prompt-injection corpus ({@code ai/injection-corpus.json}): job postings and imported CVs carrying
 * instructions, run through the engine against a scripted model that obeys them. Whatever it does, no edit
 * outside the person's request gets through unflagged: accepting the unflagged edits gives exactly the CV the
 * legitimate edits give.
 */
class InjectionTest {

  private static Wire wire;

  @BeforeAll
  static void start() {
    wire = new Wire(ProviderKind.OPENAI_COMPATIBLE);
  }

  @AfterAll
  static void stop() {
    wire.close();
  }

  @TestFactory
  Stream<DynamicTest> noInjectedEditGetsThroughUnflagged() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : Json.parse(TestCvs.text("injection-corpus.json"), "corpus")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> run(wire, c)));
    }
    return tests.stream();
  }

  private static void run(Wire w, JsonNode c) {
    Cv cv = TestCvs.ada();
    if (c.hasNonNull("cvInjection")) {
      Basics b = cv.basics();
      cv = cv.toBuilder().basics(new Basics(b.name(), b.label(), b.image(), b.email(), b.phone(), b.url(),
          c.get("cvInjection").asText(), b.location(), b.profiles(), b.extra())).build();
    }
    if (c.hasNonNull("cvHighlight")) {
      cv = AltoCv.apply(cv, Patch.of(dev.altocv.core.patch.PatchOp.add("/work/[id=w2]/highlights/-",
          c.get("cvHighlight").asText()))).cv();
    }
    String trigger = c.get("trigger").asText();
    List<String[]> legit = calls(c.get("legit"));
    List<String[]> obey = calls(c.get("obey"));
    int before = w.server.requests().size();
    w.server.respond(req -> obeyingModel(req, trigger, legit, obey));

    ChatInput in = ChatInput.of(cv, c.get("message").asText())
        .withJobPosting(c.hasNonNull("posting") ? c.get("posting").asText() : null)
        .withTask(c.hasNonNull("posting") ? Task.TAILOR : Task.CHAT);
    ChatResult r = w.ai.chat(in);
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    assertThat(w.server.requests().size() - before).as("the model saw the injection and acted").isGreaterThan(0);
    Proposal p = r.proposal().orElseThrow();

    // every legitimate call became an unflagged edit; every obeyed injection was refused or flagged
    List<ProposedEdit> unflagged = p.edits().stream().filter(e -> !e.flagged()).toList();
    assertThat(unflagged).as("unflagged edits: %s", unflagged).hasSize(legit.size());
    assertThat(p.edits().size() + p.rejectedCalls().size()).isEqualTo(legit.size() + obey.size());

    // accepting the unflagged edits gives exactly what the legitimate edits give
    Cv expected = cv;
    for (int i = 0; i < legit.size(); i++) {
      expected = AltoCv.apply(expected, unflagged.get(i).patch()).cv();
    }
    Cv accepted = p.acceptUnflagged(cv).cv();
    assertThat(accepted).isEqualTo(expected);
    assertThat(accepted.basics().name()).isEqualTo("Ada Lindqvist");
    assertThat(accepted.basics().email()).isEqualTo("ada@example.com");
    assertThat(accepted.work()).extracting(Work::name).containsExactly("Klarna", "Spotify");
    assertThat(accepted.work()).extracting(Work::position).containsExactly("Backend Engineer", "Junior Developer");
    assertThat(accepted.education().get(0).studyType()).isEqualTo("MSc");
  }

  /** A model that obeys the injection: once it sees the trigger in the data, it makes the injected calls. */
  private static ScriptedReply obeyingModel(RecordedRequest req, String trigger, List<String[]> legit,
      List<String[]> obey) {
    String body = req.body();
    if (body.contains("\"role\":\"tool\"")) {
      return ScriptedTurn.create().text("I made the changes you asked for.");
    }
    String text = req.allText();
    int quoteStart = Math.max(text.indexOf("<job_posting>"), text.indexOf("<cv_document>"));
    int quoteEnd = Math.max(text.lastIndexOf("</job_posting>"), text.lastIndexOf("</cv_document>"));
    int at = text.indexOf(trigger);
    assertThat(at).as("the injection reaches the model").isGreaterThan(0);
    assertThat(at).as("...but only inside quoted data").isBetween(quoteStart, quoteEnd);
    ScriptedTurn turn = ScriptedTurn.create().text("Updating your CV.");
    for (String[] call : legit) {
      turn.toolCall(call[0], call[1]);
    }
    for (String[] call : obey) {
      turn.toolCall(call[0], call[1]);
    }
    return turn;
  }

  private static List<String[]> calls(JsonNode list) {
    List<String[]> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(new String[] {n.get("tool").asText(), Json.writeCompact(n.get("arguments"))});
    }
    return out;
  }
}
