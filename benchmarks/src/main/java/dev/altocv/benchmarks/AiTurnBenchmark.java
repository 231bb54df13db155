package dev.altocv.benchmarks;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AltoAi;
import dev.altocv.ai.ChatInput;
import dev.altocv.ai.ChatResult;
import dev.altocv.ai.ProviderKind;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AltoCV's own cost in a chat turn, without the model: a scripted in-process provider answers with three
 * tool calls, and the engine validates them against their schemas, builds the guarded patches, dry-runs each
 * on the 2-page CV, runs the guards and assembles the proposal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AiTurnBenchmark {

  AltoAi ai;
  ChatInput input;

  /** A CV and a provider that always makes the same three calls, then stops. */
  @Setup
  public void setUp() {
    Cv cv = AltoCv.read(Fixtures.text("two-page-cv.json"));
    String bullet = cv.work().get(0).highlights().get(0);
    List<ToolCall> calls = List.of(
        new ToolCall("1", "rewrite_highlight", "{\"itemId\":\"w1\",\"index\":0,\"original\":"
            + quote(bullet) + ",\"text\":\"Cut settlement batch time by 85% across 12 workers\",\"reason\":\"r\"}"),
        new ToolCall("2", "set_summary", "{\"summary\":\"Backend engineer for payment platforms.\",\"reason\":\"r\"}"),
        new ToolCall("3", "add_skill", "{\"keyword\":\"gRPC\",\"groupId\":\"s1\",\"reason\":\"r\"}"));
    ChatProvider scripted = new ChatProvider() {
      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public ProviderResponse stream(ProviderRequest request, Consumer<String> onText) {
        boolean answered = request.messages().size() > 1;
        return new ProviderResponse("ok", answered ? List.of() : calls, answered ? "stop" : "tool_calls", 0, 0);
      }
    };
    ai = AltoAi.builder().config(AiConfig.builder().provider(ProviderKind.OPENAI).apiKey("none").build())
        .provider(scripted).build();
    input = ChatInput.of(cv, "Tighten my first bullet and summary, add gRPC");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One turn with three tool calls, to the proposal. */
  @Benchmark
  public ChatResult threeToolTurn() {
    return ai.chat(input);
  }
}
