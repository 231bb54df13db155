package dev.altocv.ai;

import dev.altocv.ai.internal.Acceptor;
import dev.altocv.ai.internal.ProposalJson;
import dev.altocv.core.model.Cv;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the AI proposes for a CV: edits, each a guarded patch with a reason and flags, and the calls it could
 * not turn into edits. Nothing is applied until the caller accepts edits: all of them, the unflagged ones, or
 * chosen ones, now or later (a server stores {@link #toJson()} and accepts edit k when the person clicks; the
 * test guards in each patch make a late acceptance safe, and the server adds its own version check).
 *
 * @param baseVersion the CV version the proposal was made against, when the caller said
 * @param task the task that produced it
 * @param model the model that produced it
 * @param message the model's text to the person
 * @param edits the edits, in the order they were proposed
 * @param rejectedCalls the tool calls that could not become edits
 */
public record Proposal(@Nullable Long baseVersion, Task task, String model, String message,
    List<ProposedEdit> edits, List<RejectedCall> rejectedCalls) {

  /**
   * Copies the lists and checks that edit indexes are 0, 1, 2...
   *
   * @throws IllegalArgumentException when an edit's index is not its position
   */
  public Proposal {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(message, "message");
    edits = List.copyOf(edits);
    rejectedCalls = List.copyOf(rejectedCalls);
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i).index() != i) {
        throw new IllegalArgumentException("edit at position " + i + " has index " + edits.get(i).index());
      }
    }
  }

  /**
   * Reads a proposal written by {@link #toJson()}.
   *
   * @param json the text
   * @return the proposal
   * @throws dev.altocv.core.MalformedJsonException when the text is not JSON
   * @throws AiException of kind {@link AiErrorKind#INVALID_RESPONSE} when it is not a proposal, saying where
   */
  public static Proposal fromJson(String json) {
    return ProposalJson.read(json);
  }

  /**
   * Writes the proposal as JSON (the format is described in the README, section "AI editing").
   *
   * @return indented JSON
   */
  public String toJson() {
    return ProposalJson.write(this);
  }

  /**
   * One edit.
   *
   * @param index its index
   * @return the edit
   * @throws IndexOutOfBoundsException when there is no such edit
   */
  public ProposedEdit edit(int index) {
    return edits.get(index);
  }

  /**
   * Whether the proposal has no edits.
   *
   * @return true when there is nothing to accept
   */
  public boolean isEmpty() {
    return edits.isEmpty();
  }

  /**
   * The edits without flags.
   *
   * @return the indexes of the unflagged edits
   */
  public List<Integer> unflagged() {
    List<Integer> out = new ArrayList<>();
    for (ProposedEdit e : edits) {
      if (!e.flagged()) {
        out.add(e.index());
      }
    }
    return out;
  }

  /**
   * Accepts every edit, flagged ones included.
   *
   * @param cv the CV now (the one proposed against, or a later version of it)
   * @return the outcome; edits whose guards fail on this CV are skipped
   */
  public AcceptResult acceptAll(Cv cv) {
    List<Integer> all = new ArrayList<>();
    for (ProposedEdit e : edits) {
      all.add(e.index());
    }
    return accept(cv, all);
  }

  /**
   * Accepts the edits that have no flags.
   *
   * @param cv the CV now
   * @return the outcome
   */
  public AcceptResult acceptUnflagged(Cv cv) {
    return accept(cv, unflagged());
  }

  /**
   * Accepts chosen edits, in proposal order. An edit that depends on an edit not applied is skipped, and so
   * is an edit whose test guards fail on this CV (the text it rewrites changed); each edit applies whole or
   * not at all.
   *
   * @param cv the CV now
   * @param indexes the edits to accept
   * @return the outcome
   * @throws IllegalArgumentException for an index that names no edit
   */
  public AcceptResult accept(Cv cv, Collection<Integer> indexes) {
    return Acceptor.accept(this, cv, indexes);
  }

  /**
   * This proposal with another base version.
   *
   * @param version the CV version it was made against
   * @return the copy
   */
  public Proposal withBaseVersion(@Nullable Long version) {
    return new Proposal(version, task, model, message, edits, rejectedCalls);
  }
}
