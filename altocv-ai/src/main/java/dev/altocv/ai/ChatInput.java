package dev.altocv.ai;

import dev.altocv.core.model.Cv;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One turn of the conversation: the CV in hand, the earlier messages, the person's new message and
 * optionally a job posting. The CV and the posting reach the model as quoted data, never as instructions.
 *
 * @param cv the CV the edits are for (the only CV the model can touch)
 * @param history earlier messages, oldest first
 * @param message the person's new message
 * @param jobPosting a job posting to tailor to or discuss, or null
 * @param task the task ({@link Task#CHAT}, {@link Task#REWRITE}, {@link Task#TAILOR} or {@link Task#FORMAT})
 * @param baseVersion the CV's version, carried into the proposal, or null
 */
public record ChatInput(Cv cv, List<ChatMessage> history, String message, @Nullable String jobPosting, Task task,
    @Nullable Long baseVersion) {

  /** The longest message, job posting or history entry accepted, in characters. */
  public static final int MAX_TEXT = 50_000;

  /**
   * Copies the history and checks the values.
   *
   * @throws IllegalArgumentException for a blank message, a text that is too long, or a task that does not
   *     edit CVs
   */
  public ChatInput {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(task, "task");
    history = List.copyOf(history);
    if (message.isBlank()) {
      throw new IllegalArgumentException("the message must not be blank");
    }
    check("the message", message);
    if (jobPosting != null) {
      check("the job posting", jobPosting);
    }
    for (ChatMessage m : history) {
      check("a history message", m.text());
    }
    if (task != Task.CHAT && task != Task.REWRITE && task != Task.TAILOR && task != Task.FORMAT) {
      throw new IllegalArgumentException("a chat turn is for the tasks chat, rewrite, tailor or format, not "
          + task.json());
    }
  }

  private static void check(String what, String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(what + " is " + text.length() + " characters; the limit is " + MAX_TEXT);
    }
  }

  /**
   * A chat turn with no history.
   *
   * @param cv the CV
   * @param message the person's message
   * @return the input
   */
  public static ChatInput of(Cv cv, String message) {
    return new ChatInput(cv, List.of(), message, null, Task.CHAT, null);
  }

  /**
   * With earlier messages.
   *
   * @param v the history, oldest first
   * @return the copy
   */
  public ChatInput withHistory(List<ChatMessage> v) {
    return new ChatInput(cv, v, message, jobPosting, task, baseVersion);
  }

  /**
   * With a job posting.
   *
   * @param v the posting text, or null
   * @return the copy
   */
  public ChatInput withJobPosting(@Nullable String v) {
    return new ChatInput(cv, history, message, v, task, baseVersion);
  }

  /**
   * With another task.
   *
   * @param v the task
   * @return the copy
   */
  public ChatInput withTask(Task v) {
    return new ChatInput(cv, history, message, jobPosting, v, baseVersion);
  }

  /**
   * With the CV's version.
   *
   * @param v the version, or null
   * @return the copy
   */
  public ChatInput withBaseVersion(@Nullable Long v) {
    return new ChatInput(cv, history, message, jobPosting, task, v);
  }
}
