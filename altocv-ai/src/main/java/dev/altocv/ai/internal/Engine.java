package dev.altocv.ai.internal;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.ChatEvent;
import dev.altocv.ai.ChatInput;
import dev.altocv.ai.ChatMessage;
import dev.altocv.ai.ChatResult;
import dev.altocv.ai.Proposal;
import dev.altocv.ai.Route;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderMessage;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.ai.spi.ToolResult;
import dev.altocv.core.AltoCv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The conversation engine: sends the turn to the model with the tools, turns each tool call into a checked,
 * guarded edit (or an error the model sees once), loops until the model stops calling tools, and reports
 * everything as events. It never applies an edit.
 */
public final class Engine {
  private final ChatProvider provider;
  private final AiConfig config;
  private final Retrier retrier;

  /**
   * @param provider the provider
   * @param config the configuration (routing, caps, rounds)
   * @param retrier the retry policy
   */
  public Engine(ChatProvider provider, AiConfig config, Retrier retrier) {
    this.provider = provider;
    this.config = config;
    this.retrier = retrier;
  }

  /**
   * Runs one chat turn.
   *
   * @param in the turn
   * @param listener receives the events, in order; an exception it throws ends the turn and is rethrown
   * @return the outcome
   */
  public ChatResult chat(ChatInput in, Consumer<ChatEvent> listener) {
    Route route = config.route(in.task());
    List<String> personMessages = new ArrayList<>();
    for (ChatMessage m : in.history()) {
      if (m.role() == ChatMessage.Role.PERSON) {
        personMessages.add(m.text());
      }
    }
    personMessages.add(in.message());
    Turn turn = new Turn(in.cv(), new Guards(cvText(in.cv()), personMessages, in.jobPosting()));
    List<ProviderMessage> messages = history(in.history());
    messages.add(new ProviderMessage.User(Prompts.chatMessage(in.cv(), in.jobPosting(), in.message())));
    String system = Prompts.system(in.task());

    StringBuilder text = new StringBuilder();
    long inputTokens = 0;
    long outputTokens = 0;
    boolean errorsReturned = false;
    try {
      for (int round = 1; ; round++) {
        ProviderRequest request = new ProviderRequest(route.model(), system, messages, CvTools.specs(), null,
            route.maxTokens(), route.timeout());
        boolean[] streamed = {false};
        boolean separate = text.length() > 0;
        ProviderResponse response = retrier.call(() -> provider.stream(request, delta -> {
          if (delta.isEmpty()) {
            return;
          }
          if (!streamed[0] && separate) {
            text.append("\n\n");
            listener.accept(new ChatEvent.TextDelta("\n\n"));
          }
          streamed[0] = true;
          text.append(delta);
          listener.accept(new ChatEvent.TextDelta(delta));
        }), () -> !streamed[0]);
        inputTokens += response.inputTokens();
        outputTokens += response.outputTokens();
        listener.accept(new ChatEvent.Usage(in.task(), route.model(), response.inputTokens(),
            response.outputTokens()));
        if (response.toolCalls().isEmpty()) {
          break;
        }
        List<ToolResult> results = new ArrayList<>();
        boolean anyError = false;
        List<Turn.Handled> handled = new ArrayList<>();
        for (ToolCall call : response.toolCalls()) {
          Turn.Handled h = turn.handle(call);
          handled.add(h);
          anyError |= h.error();
        }
        boolean returnErrors = anyError && !errorsReturned;
        for (int i = 0; i < handled.size(); i++) {
          ToolCall call = response.toolCalls().get(i);
          Turn.Handled h = handled.get(i);
          if (h.error()) {
            turn.reject(call, h.content(), returnErrors);
          }
          listener.accept(new ChatEvent.ToolCalled(call.name(), call.arguments(), h.editIndex(),
              h.error() ? h.content() : null));
          results.add(new ToolResult(call.id(), h.error() ? "Error: " + h.content() + " Correct the call or "
              + "leave this edit out." : h.content(), h.error()));
        }
        if (anyError && !returnErrors) {
          break; // invalid calls after the model was told once: reported, not returned again
        }
        errorsReturned |= anyError;
        if (round >= config.maxToolRounds() || response.truncated()) {
          break;
        }
        messages.add(new ProviderMessage.Assistant(response.text(), response.toolCalls()));
        messages.add(new ProviderMessage.ToolResults(results));
      }
    } catch (AiException e) {
      listener.accept(new ChatEvent.Failed(e.kind(), e.getMessage(), e.retryable(), text.toString()));
      listener.accept(new ChatEvent.Done(false));
      return new ChatResult(text.toString(), null, inputTokens, outputTokens, e);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        AiException cancelled = new AiException(AiErrorKind.CANCELLED, "the chat turn was cancelled", 0, null, e);
        listener.accept(new ChatEvent.Failed(cancelled.kind(), cancelled.getMessage(), false, text.toString()));
        listener.accept(new ChatEvent.Done(false));
        return new ChatResult(text.toString(), null, inputTokens, outputTokens, cancelled);
      }
      throw e;
    }
    Proposal proposal = null;
    if (!turn.edits().isEmpty() || !turn.rejected().isEmpty()) {
      proposal = new Proposal(in.baseVersion(), in.task(), route.model(), text.toString(), turn.edits(),
          turn.rejected());
      listener.accept(new ChatEvent.ProposalReady(proposal));
    }
    listener.accept(new ChatEvent.Done(true));
    return new ChatResult(text.toString(), proposal, inputTokens, outputTokens, null);
  }

  /** The CV's content as text, for the guards: every text value, one per line (no keys, ids or design). */
  static String cvText(dev.altocv.core.model.Cv cv) {
    StringBuilder sb = new StringBuilder();
    values(dev.altocv.core.internal.Json.parse(AltoCv.writeJsonResume(cv), "CV"), sb);
    return sb.toString();
  }

  private static void values(com.fasterxml.jackson.databind.JsonNode n, StringBuilder sb) {
    if (n.isTextual() || n.isNumber()) {
      sb.append(n.asText()).append('\n');
    } else {
      n.forEach(c -> values(c, sb));
    }
  }

  /** Earlier messages, consecutive ones of one side merged (some providers require alternation). */
  static List<ProviderMessage> history(List<ChatMessage> history) {
    List<ProviderMessage> out = new ArrayList<>();
    ChatMessage.Role last = null;
    StringBuilder pending = new StringBuilder();
    for (ChatMessage m : history) {
      if (m.text().isBlank()) {
        continue;
      }
      if (last != null && m.role() != last) {
        out.add(message(last, pending.toString()));
        pending.setLength(0);
      }
      if (pending.length() > 0) {
        pending.append("\n\n");
      }
      pending.append(m.text());
      last = m.role();
    }
    if (last != null) {
      out.add(message(last, pending.toString()));
    }
    if (!out.isEmpty() && out.get(0) instanceof ProviderMessage.Assistant) {
      out.remove(0); // a conversation starts with the person
    }
    if (!out.isEmpty() && out.get(out.size() - 1) instanceof ProviderMessage.User) {
      out.add(new ProviderMessage.Assistant("(no answer)", List.of())); // the new message must follow an answer
    }
    return out;
  }

  private static ProviderMessage message(ChatMessage.Role role, String text) {
    return role == ChatMessage.Role.PERSON ? new ProviderMessage.User(text)
        : new ProviderMessage.Assistant(text, List.of());
  }
}
