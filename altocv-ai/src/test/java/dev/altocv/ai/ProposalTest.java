package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Accepting proposals whole, unflagged or edit by edit, later, on a changed CV; the JSON format. */
class ProposalTest {
  private final Cv cv = TestCvs.ada();

  /** A scripted model in process: each call answers with the next list of tool calls. */
  static final class Script implements ChatProvider {
    final Deque<List<ToolCall>> turns = new ArrayDeque<>();

    Script then(ToolCall... calls) {
      turns.add(List.of(calls));
      return this;
    }

    @Override
    public String name() {
      return "script";
    }

    @Override
    public ProviderResponse stream(ProviderRequest request, Consumer<String> onText) {
      List<ToolCall> calls = turns.isEmpty() ? List.of() : turns.poll();
      onText.accept(calls.isEmpty() ? "Done." : "Proposing.");
      return new ProviderResponse(calls.isEmpty() ? "Done." : "Proposing.", calls,
          calls.isEmpty() ? "stop" : "tool_calls", 10, 5);
    }
  }

  static AltoAi ai(Script s) {
    return AltoAi.builder().config(AiConfig.builder().provider(ProviderKind.OPENAI).apiKey("k").build())
        .provider(s).build();
  }

  private Proposal sample() {
    Script s = new Script().then(
        new ToolCall("1", "rewrite_highlight", """
            {"itemId":"w1","index":0,"original":"Built the settlement service in Java and Kafka",
             "text":"Built the Java and Kafka settlement service","reason":"shorter"}"""),
        new ToolCall("2", "update_work", "{\"workId\":\"w1\",\"position\":\"Staff Engineer\",\"reason\":\"bigger\"}"),
        new ToolCall("3", "add_work", "{\"name\":\"Globex\",\"position\":\"Analyst\",\"startDate\":\"2016\","
            + "\"endDate\":\"2017\",\"reason\":\"you mentioned it\"}"),
        new ToolCall("4", "add_highlight", "{\"itemId\":\"w3\",\"text\":\"Built dashboards\",\"reason\":\"detail\"}"),
        new ToolCall("5", "set_summary", "{\"summary\":\"Java and Kafka backend engineer.\",\"reason\":\"tighter\"}"));
    try (AltoAi ai = ai(s)) {
      return ai.chat(ChatInput.of(cv, "Polish my Klarna bullets and summary").withBaseVersion(7L))
          .expectProposal();
    }
  }

  @Test
  void flagsAndDependenciesAreRecorded() {
    Proposal p = sample();
    assertThat(p.baseVersion()).isEqualTo(7L);
    assertThat(p.edits()).extracting(ProposedEdit::flagged).containsExactly(false, true, true, false, false);
    assertThat(p.edit(3).dependsOn()).containsExactly(2);
    assertThat(p.unflagged()).containsExactly(0, 3, 4);
    assertThat(p.message()).isEqualTo("Proposing.\n\nDone.");
  }

  @Test
  void acceptingUnflaggedSkipsWhatBuildsOnAFlaggedEdit() {
    Proposal p = sample();
    AcceptResult r = p.acceptUnflagged(cv);
    assertThat(r.applied()).containsExactly(0, 4);
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.index()).isEqualTo(3);
      assertThat(s.reason()).contains("builds on edit 2");
    });
    assertThat(r.cv().work()).hasSize(2);
    assertThat(r.cv().work().get(0).position()).isEqualTo("Backend Engineer");
    assertThat(r.cv().work().get(0).highlights().get(0)).isEqualTo("Built the Java and Kafka settlement service");
    assertThat(AltoCv.apply(r.cv(), r.inverse()).cv()).isEqualTo(cv);
    assertThat(AltoCv.apply(cv, r.patch()).cv()).isEqualTo(r.cv());
  }

  @Test
  void acceptingAllAppliesEverything() {
    AcceptResult r = sample().acceptAll(cv);
    assertThat(r.applied()).containsExactly(0, 1, 2, 3, 4);
    assertThat(r.cv().work()).extracting(w -> w.name()).containsExactly("Klarna", "Spotify", "Globex");
    assertThat(r.cv().work().get(2).highlights()).containsExactly("Built dashboards");
  }

  @Test
  void anEditAcceptedLaterOnAChangedCvIsSkippedNotMisapplied() {
    Proposal stored = Proposal.fromJson(sample().toJson());
    // meanwhile the person edited the first bullet by hand and inserted a new bullet before it
    Cv changed = AltoCv.apply(cv, dev.altocv.core.patch.Patch.of(
        PatchOp.add("/work/[id=w1]/highlights/0", "Led the payments migration"))).cv();
    AcceptResult r = stored.accept(changed, List.of(0, 4));
    assertThat(r.applied()).containsExactly(4);
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.index()).isEqualTo(0);
      assertThat(s.reason()).contains("changed since");
    });
    assertThat(r.cv().work().get(0).highlights()).startsWith("Led the payments migration",
        "Built the settlement service in Java and Kafka");
  }

  @Test
  void theJsonFormatRoundTripsAndNamesWhatIsWrong() {
    Proposal p = sample();
    String json = p.toJson();
    assertThat(json).contains("\"format\" : \"altocv-proposal/1\"").contains("\"flagged\" : true")
        .contains("\"kind\" : \"identity-change\"").contains("/work/[id=w1]/highlights/0");
    assertThat(Proposal.fromJson(json)).isEqualTo(p);
    assertThatThrownBy(() -> Proposal.fromJson(json.replace("\"summary\" :", "\"summry\" :")))
        .isInstanceOf(AiException.class).hasMessageContaining("/edits/0/summry is not a field");
    assertThatThrownBy(() -> Proposal.fromJson("{\"format\":\"other\"}")).hasMessageContaining("/format must be");
    // wrong types are named, not read as nothing or as zero
    assertThatThrownBy(() -> Proposal.fromJson("{\"format\":\"altocv-proposal/1\",\"task\":\"chat\",\"edits\":\"x\"}"))
        .isInstanceOf(AiException.class).hasMessageContaining("/edits must be a list");
    assertThatThrownBy(() -> Proposal.fromJson(json.replaceFirst("\"index\" : 0", "\"index\" : \"zero\"")))
        .isInstanceOf(AiException.class).hasMessageContaining("/edits/0/index must be a whole number");
    assertThatThrownBy(() -> Proposal.fromJson("{\"format\":\"altocv-proposal/1\",\"task\":\"chat\",\"edits\":[5]}"))
        .isInstanceOf(AiException.class).hasMessageContaining("/edits/0 must be an object");
    assertThatThrownBy(() -> p.accept(cv, List.of(9))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edit 9 does not exist; the proposal has 5 edits");
  }

  @Test
  void anEditBecomesAnEnvelopeWithSourceAi() {
    var env = sample().edit(4).toEnvelope(8L);
    assertThat(env.source()).isEqualTo(PatchSource.AI);
    assertThat(env.baseVersion()).isEqualTo(8L);
    assertThat(env.description()).isEqualTo("Rewrite the summary: tighter");
  }
}
