package dev.altocv.ai;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a chat turn reports as it goes, in order: text deltas and tool calls as the model produces them,
 * usage after each model call, then the proposal (when there are edits or refused calls), then either an
 * error or nothing, and always {@link Done} last.
 */
public sealed interface ChatEvent {

  /**
   * The event's name, for server-sent events.
   *
   * @return {@code text-delta}, {@code tool-call}, {@code usage}, {@code proposal}, {@code error} or
   *     {@code done}
   */
  String type();

  /**
   * The event as one line of JSON, {@code {"type": "text-delta", "text": "..."}}, for server-sent events: the
   * record's fields by name ({@code proposal} in the proposal format, {@code kind} of an error in its JSON
   * name).
   *
   * @return the JSON text
   */
  default String toJson() {
    return dev.altocv.ai.internal.EventJson.write(this);
  }

  /**
   * A piece of the model's text.
   *
   * @param text the piece
   */
  record TextDelta(String text) implements ChatEvent {
    /** Checks the text. */
    public TextDelta {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "text-delta";
    }
  }

  /**
   * A tool call of the model and what became of it.
   *
   * @param tool the tool name as the model wrote it
   * @param arguments the arguments as the model wrote them
   * @param editIndex the index of the edit it became, or null when it was refused
   * @param error why it was refused, or null
   */
  record ToolCalled(String tool, String arguments, @Nullable Integer editIndex, @Nullable String error)
      implements ChatEvent {
    /** Checks the values. */
    public ToolCalled {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(arguments, "arguments");
    }

    @Override
    public String type() {
      return "tool-call";
    }
  }

  /**
   * Tokens one model call used.
   *
   * @param task the task
   * @param model the model
   * @param inputTokens prompt tokens
   * @param outputTokens output tokens
   */
  record Usage(Task task, String model, long inputTokens, long outputTokens) implements ChatEvent {
    /** Checks the values. */
    public Usage {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(model, "model");
    }

    @Override
    public String type() {
      return "usage";
    }
  }

  /**
   * The proposal is complete; nothing has been applied.
   *
   * @param proposal the proposal
   */
  record ProposalReady(Proposal proposal) implements ChatEvent {
    /** Checks the proposal. */
    public ProposalReady {
      Objects.requireNonNull(proposal, "proposal");
    }

    @Override
    public String type() {
      return "proposal";
    }
  }

  /**
   * The turn failed. The text streamed so far is kept; no edit is proposed.
   *
   * @param kind what kind of failure
   * @param message what went wrong, for a person
   * @param retryable whether sending the message again later may work
   * @param partialText the text the model produced before the failure
   */
  record Failed(AiErrorKind kind, String message, boolean retryable, String partialText) implements ChatEvent {
    /** Checks the values. */
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(partialText, "partialText");
    }

    @Override
    public String type() {
      return "error";
    }
  }

  /**
   * The turn is over: always the last event.
   *
   * @param ok false when the turn failed
   */
  record Done(boolean ok) implements ChatEvent {
    @Override
    public String type() {
      return "done";
    }
  }
}
