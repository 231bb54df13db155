package dev.altocv.ai;

import java.util.Objects;

/**
 * An earlier message of the conversation.
 *
 * @param role who wrote it
 * @param text what it says
 */
public record ChatMessage(Role role, String text) {

  /** Who wrote a message. */
  public enum Role {
    /** The person whose CV it is. */
    PERSON,
    /** The AI. */
    ASSISTANT
  }

  /** Checks the values. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  /**
   * A message of the person.
   *
   * @param text the text
   * @return the message
   */
  public static ChatMessage person(String text) {
    return new ChatMessage(Role.PERSON, text);
  }

  /**
   * A message of the AI.
   *
   * @param text the text
   * @return the message
   */
  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, text);
  }
}
