package dev.altocv.server.ai;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AltoAi;
import dev.altocv.ai.ChatEvent;
import dev.altocv.ai.ChatInput;
import dev.altocv.ai.ChatMessage;
import dev.altocv.ai.ChatResult;
import dev.altocv.ai.Proposal;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chat port over altocv-ai's conversation engine: tools built from patches, guards that flag invented facts,
 * routing, retries and streaming come from {@link AltoAi}. The provider is configured by the {@code ALTOCV_AI_*}
 * environment variables (README, "AI editing"). Thread-safe; one instance serves every request.
 */
public final class AltoAiEngine implements ChatEngine, AutoCloseable {
  /** What the person asks for when tailoring (the posting itself goes in as quoted data). */
  static final String TAILOR_MESSAGE = "Tailor my CV to this job posting. Rewrite my summary and the most relevant "
      + "bullets and reorder what helps, using only what my CV already shows.";

  private final AltoAi ai;

  /**
   * @param ai the AI client (closed with this engine)
   */
  public AltoAiEngine(AltoAi ai) {
    this.ai = ai;
  }

  /**
   * The engine the environment configures, or null when {@code ALTOCV_AI_PROVIDER} is not set.
   *
   * @param env the environment
   * @return the engine, or null
   * @throws dev.altocv.ai.AiException naming the variable when the configuration is incomplete or wrong, or the
   *     provider's SDK is missing
   */
  public static @Nullable AltoAiEngine fromEnv(Map<String, String> env) {
    if (!AiConfig.isConfigured(env)) {
      return null;
    }
    return new AltoAiEngine(AltoAi.create(AiConfig.fromEnv(env)));
  }

  @Override
  public void respond(Request request, Sink sink) {
    Cv cv = AltoCv.read(request.cvDocument());
    List<ChatMessage> history = new ArrayList<>();
    for (Message m : request.history()) {
      String text = m.content().length() > ChatInput.MAX_TEXT ? m.content().substring(0, ChatInput.MAX_TEXT)
          : m.content();
      if (!text.isBlank()) {
        history.add(m.role().equals("assistant") ? ChatMessage.assistant(text) : ChatMessage.person(text));
      }
    }
    dev.altocv.ai.Task task = request.task() == ChatEngine.Task.TAILOR ? dev.altocv.ai.Task.TAILOR
        : dev.altocv.ai.Task.CHAT;
    ChatInput input = new ChatInput(cv, history, request.message(), request.jobPosting(), task,
        request.cvVersion());
    ChatResult result;
    try {
      result = chat(input, sink);
    } catch (dev.altocv.ai.AiException e) {
      throw new Failure(e.kind().json(), e.getMessage(), e.retryable());
    }
    if (result.error().isPresent()) {
      var e = result.error().get();
      throw new Failure(e.kind().json(), e.getMessage(), e.retryable());
    }
  }

  private ChatResult chat(ChatInput input, Sink sink) {
    return ai.chat(input, event -> {
      if (event instanceof ChatEvent.TextDelta d) {
        sink.delta(d.text());
      } else if (event instanceof ChatEvent.ToolCalled t) {
        sink.toolCall(t.tool(), t.arguments(), t.editIndex(), t.error());
      } else if (event instanceof ChatEvent.Usage u) {
        sink.usage(u.inputTokens(), u.outputTokens());
      } else if (event instanceof ChatEvent.ProposalReady p && !p.proposal().isEmpty()) {
        sink.proposal(summary(p.proposal()), edits(p.proposal()));
      }
    });
  }

  static String summary(Proposal p) {
    long flagged = p.edits().stream().filter(dev.altocv.ai.ProposedEdit::flagged).count();
    int n = p.edits().size();
    return n + (n == 1 ? " edit" : " edits") + (flagged == 0 ? "" : " (" + flagged + " flagged: check before "
        + "accepting)");
  }

  static List<ProposedEdit> edits(Proposal p) {
    List<ProposedEdit> out = new ArrayList<>();
    for (dev.altocv.ai.ProposedEdit e : p.edits()) {
      List<Flag> flags = e.flags().stream().map(f -> new Flag(f.kind().json(), f.message(), f.values())).toList();
      out.add(new ProposedEdit(e.summary(), e.patch(), e.reason(), flags, e.dependsOn(), e.tool()));
    }
    return out;
  }

  /** Closes the provider's HTTP client. */
  @Override
  public void close() {
    ai.close();
  }
}
