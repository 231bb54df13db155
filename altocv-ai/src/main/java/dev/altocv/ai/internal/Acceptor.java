package dev.altocv.ai.internal;

import dev.altocv.ai.AcceptResult;
import dev.altocv.ai.Proposal;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Applies chosen edits of a proposal, each whole or not at all. */
public final class Acceptor {
  private Acceptor() {}

  /**
   * See {@link Proposal#accept}.
   *
   * @param proposal the proposal
   * @param cv the CV now
   * @param indexes the chosen edits
   * @return the outcome
   */
  public static AcceptResult accept(Proposal proposal, Cv cv, Collection<Integer> indexes) {
    Set<Integer> chosen = new TreeSet<>();
    for (Integer i : indexes) {
      if (i == null || i < 0 || i >= proposal.edits().size()) {
        throw new IllegalArgumentException("edit " + i + " does not exist; the proposal has "
            + proposal.edits().size() + " edit" + (proposal.edits().size() == 1 ? "" : "s"));
      }
      chosen.add(i);
    }
    Cv current = cv;
    Set<Integer> applied = new HashSet<>();
    List<Integer> appliedOrder = new ArrayList<>();
    List<AcceptResult.Skipped> skipped = new ArrayList<>();
    Patch patch = Patch.EMPTY;
    List<Patch> inverses = new ArrayList<>();
    for (int i : chosen) {
      ProposedEdit edit = proposal.edits().get(i);
      Integer missing = edit.dependsOn().stream().filter(d -> !applied.contains(d)).findFirst().orElse(null);
      if (missing != null) {
        skipped.add(new AcceptResult.Skipped(i, "it builds on edit " + missing + ", which was not applied"));
        continue;
      }
      try {
        PatchResult r = AltoCv.apply(current, edit.patch());
        current = r.cv();
        applied.add(i);
        appliedOrder.add(i);
        patch = patch.then(edit.patch());
        inverses.add(0, r.inverse());
      } catch (PatchRejectedException e) {
        skipped.add(new AcceptResult.Skipped(i, "the CV changed since this edit was proposed, so it was not "
            + "applied (" + e.getMessage().replace('\n', ' ') + ")"));
      }
    }
    Patch inverse = Patch.EMPTY;
    for (Patch p : inverses) {
      inverse = inverse.then(p);
    }
    return new AcceptResult(current, appliedOrder, skipped, patch, inverse);
  }
}
