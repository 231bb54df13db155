package dev.altocv.server.ai;

import dev.altocv.core.patch.Patch;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The port the chat endpoint talks to: an adapter over an AI provider (altocv-ai) implements it. It is called
 * outside any database transaction and streams what it produces to a {@link Sink}. It never changes the CV: CV
 * changes come back as a proposal (edits, each a patch with a description) that the person accepts edit by edit.
 */
public interface ChatEngine {

  /**
   * One message of the conversation so far.
   *
   * @param role user or assistant
   * @param content the text
   */
  record Message(String role, String content) {
    /** Checks the fields. */
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * A request: the CV as it is, the conversation, and the new message.
   *
   * @param cvDocument the AltoCV document (untrusted data for the prompt, never instructions)
   * @param cvVersion the version the proposal will be made against
   * @param history earlier messages, oldest first
   * @param message the person's new message
   */
  record Request(String cvDocument, long cvVersion, List<Message> history, String message) {
    /** Copies the list. */
    public Request {
      history = List.copyOf(history);
    }
  }

  /**
   * One proposed edit.
   *
   * @param description what it does, shown to the person
   * @param operations the patch (guarded by {@code test} operations where it edits text)
   */
  record ProposedEdit(String description, Patch operations) {}

  /** Where the engine streams its output; each call becomes one Server-Sent Event. */
  interface Sink {
    /**
     * A piece of the assistant's answer ({@code delta}).
     *
     * @param text the text
     */
    void delta(String text);

    /**
     * A tool the model called ({@code tool_call}), for display.
     *
     * @param name the tool
     * @param argumentsJson its arguments as JSON
     */
    void toolCall(String name, String argumentsJson);

    /**
     * Proposed CV changes ({@code proposal}); the server stores them and streams the stored proposal.
     *
     * @param summary what the proposal does, or null
     * @param edits the edits
     */
    void proposal(@Nullable String summary, List<ProposedEdit> edits);

    /**
     * Tokens used ({@code usage}).
     *
     * @param inputTokens prompt tokens
     * @param outputTokens completion tokens
     */
    void usage(long inputTokens, long outputTokens);
  }

  /**
   * Answers a message.
   *
   * @param request the request
   * @param sink where to stream
   * @throws Exception when the provider fails (the message is refunded and an {@code error} event sent)
   */
  void respond(Request request, Sink sink) throws Exception;
}
