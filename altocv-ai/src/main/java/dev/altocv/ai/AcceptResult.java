package dev.altocv.ai;

import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of accepting edits of a {@link Proposal}. Each edit applies whole or not at all; an edit made
 * against text that has changed since is skipped, never misapplied.
 *
 * @param cv the CV with the applied edits
 * @param applied the indexes of the edits that applied, in order
 * @param skipped the edits that did not apply, with why
 * @param patch the operations that applied, in order (store it as one version with source {@code ai})
 * @param inverse the patch that undoes them all
 */
public record AcceptResult(Cv cv, List<Integer> applied, List<Skipped> skipped, Patch patch, Patch inverse) {

  /** Copies the lists. */
  public AcceptResult {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(inverse, "inverse");
    applied = List.copyOf(applied);
    skipped = List.copyOf(skipped);
  }

  /**
   * An edit that did not apply.
   *
   * @param index the edit's index
   * @param reason why, for a person
   */
  public record Skipped(int index, String reason) {
    /** Checks the reason. */
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
