package dev.altocv.ai;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a chat turn: the model's text, the proposal (when it proposed edits or made calls that were
 * refused), tokens used, and the error when the turn failed (then there is no proposal, and the text is what
 * arrived before the failure).
 */
public final class ChatResult {
  private final String text;
  private final @Nullable Proposal proposal;
  private final long inputTokens;
  private final long outputTokens;
  private final @Nullable AiException error;

  /**
   * @param text the model's text
   * @param proposal the proposal, or null
   * @param inputTokens prompt tokens used in all model calls of the turn
   * @param outputTokens output tokens used in all model calls of the turn
   * @param error the failure, or null
   */
  public ChatResult(String text, @Nullable Proposal proposal, long inputTokens, long outputTokens,
      @Nullable AiException error) {
    this.text = Objects.requireNonNull(text, "text");
    if (proposal != null && error != null) {
      throw new IllegalArgumentException("a failed turn has no proposal");
    }
    this.proposal = proposal;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.error = error;
  }

  /**
   * The model's text (on failure: what arrived before it).
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The proposal.
   *
   * @return the proposal, empty when the turn failed or the model proposed nothing
   */
  public Optional<Proposal> proposal() {
    return Optional.ofNullable(proposal);
  }

  /**
   * The proposal, or an exception when there is none.
   *
   * @return the proposal
   * @throws AiException the turn's failure, or of kind {@link AiErrorKind#INVALID_RESPONSE} when the model
   *     proposed nothing
   */
  public Proposal expectProposal() {
    if (error != null) {
      throw error;
    }
    if (proposal == null) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, "the model proposed no edit; it said: " + text);
    }
    return proposal;
  }

  /**
   * Prompt tokens of all model calls of the turn.
   *
   * @return the count (0 when the provider did not report it)
   */
  public long inputTokens() {
    return inputTokens;
  }

  /**
   * Output tokens of all model calls of the turn.
   *
   * @return the count (0 when the provider did not report it)
   */
  public long outputTokens() {
    return outputTokens;
  }

  /**
   * Whether the turn completed.
   *
   * @return true without an error
   */
  public boolean ok() {
    return error == null;
  }

  /**
   * The failure.
   *
   * @return the error, empty when the turn completed
   */
  public Optional<AiException> error() {
    return Optional.ofNullable(error);
  }
}
