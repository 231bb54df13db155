package dev.altocv.server.ai;

import dev.altocv.core.patch.Patch;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The port the chat and tailoring endpoints talk to: {@link AltoAiEngine} implements it over altocv-ai. It is
 * called outside any database transaction and streams what it produces to a {@link Sink}. It never changes the
 * CV: CV changes come back as a proposal (edits, each a patch with a description) that the person accepts edit by
 * edit.
 */
public interface ChatEngine {

  /** What a request asks for. */
  enum Task {
    /** A chat message about the CV. */
    CHAT,
    /** Tailoring the CV to a job posting. */
    TAILOR
  }

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
   * A request: the CV as it is, the conversation, the new message and, for tailoring, the posting.
   *
   * @param cvDocument the AltoCV document (untrusted data for the prompt, never instructions)
   * @param cvVersion the version the proposal will be made against
   * @param history earlier messages, oldest first
   * @param message the person's new message
   * @param jobPosting a job posting (untrusted data), or null
   * @param task chat or tailor
   */
  record Request(String cvDocument, long cvVersion, List<Message> history, String message,
      @Nullable String jobPosting, Task task) {
    /** Copies the list. */
    public Request {
      history = List.copyOf(history);
      Objects.requireNonNull(task, "task");
    }

    /**
     * A chat request.
     *
     * @param cvDocument the AltoCV document
     * @param cvVersion the version
     * @param history earlier messages
     * @param message the new message
     */
    public Request(String cvDocument, long cvVersion, List<Message> history, String message) {
      this(cvDocument, cvVersion, history, message, null, Task.CHAT);
    }
  }

  /**
   * Why an edit needs the person's attention (the AI's guards: an invented figure, an unsupported skill...).
   *
   * @param kind for example {@code unverified-figure}
   * @param message what to check
   * @param values the values concerned
   */
  record Flag(String kind, String message, List<String> values) {
    /** Copies the list. */
    public Flag {
      values = List.copyOf(values);
    }
  }

  /**
   * One proposed edit.
   *
   * @param description what it does, shown to the person
   * @param operations the patch (guarded by {@code test} operations where it edits text)
   * @param reason why, in the model's words, or null
   * @param flags what needs the person's attention (empty when nothing does)
   * @param dependsOn earlier edits (by index) this one builds on
   * @param tool the tool the model called, or null
   */
  record ProposedEdit(String description, Patch operations, @Nullable String reason, List<Flag> flags,
      List<Integer> dependsOn, @Nullable String tool) {
    /** Copies the lists. */
    public ProposedEdit {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(operations, "operations");
      flags = List.copyOf(flags);
      dependsOn = List.copyOf(dependsOn);
    }

    /**
     * An edit without reason, flags or dependencies.
     *
     * @param description what it does
     * @param operations the patch
     */
    public ProposedEdit(String description, Patch operations) {
      this(description, operations, null, List.of(), List.of(), null);
    }
  }

  /**
   * The provider failed; the text streamed so far stays with the person and nothing is proposed.
   */
  final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final boolean retryable;

    /**
     * @param kind the failure's kind, for example {@code rate-limited} or {@code timeout}
     * @param message what went wrong, for a person (no key, no CV text)
     * @param retryable whether sending the message again later may work
     */
    public Failure(String kind, String message, boolean retryable) {
      super(message);
      this.kind = kind;
      this.retryable = retryable;
    }

    /** @return the kind */
    public String kind() {
      return kind;
    }

    /** @return whether a retry may work */
    public boolean retryable() {
      return retryable;
    }
  }

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
     * @param argumentsJson its arguments as the model wrote them (usually JSON)
     */
    void toolCall(String name, String argumentsJson);

    /**
     * A tool the model called, with what became of it.
     *
     * @param name the tool
     * @param argumentsJson its arguments as the model wrote them (not necessarily valid JSON)
     * @param editIndex the edit it became, or null
     * @param error why it was refused, or null
     */
    default void toolCall(String name, String argumentsJson, @Nullable Integer editIndex, @Nullable String error) {
      toolCall(name, argumentsJson);
    }

    /**
     * Proposed CV changes ({@code proposal}); the server stores them and streams the stored proposal.
     *
     * @param summary what the proposal does, or null
     * @param edits the edits (at least one)
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
   * @throws Exception when the provider fails ({@link Failure} says how, for the person); the message is refunded
   *     and an {@code error} event sent
   */
  void respond(Request request, Sink sink) throws Exception;
}
