package dev.altocv.core.internal.ats;

import dev.altocv.core.ats.AtsRule;
import dev.altocv.core.ats.Severity;
import dev.altocv.core.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A rule's implementation: it looks at the CV and says how far it passes and what it found. */
interface Check {

  /** @return the rule this check implements */
  AtsRule rule();

  /**
   * Whether the rule applies (English-only rules do not apply to CVs in other languages).
   *
   * @param ctx the CV
   * @return true when it applies
   */
  default boolean appliesTo(Ctx ctx) {
    return true;
  }

  /**
   * Runs the rule.
   *
   * @param ctx the CV
   * @param out where the outcome goes
   */
  void run(Ctx ctx, Outcome out);

  /** What a rule found: a pass fraction (1 = full points) and its findings. */
  final class Outcome {
    double pass = 1;
    final List<Draft> drafts = new ArrayList<>();
    @Nullable String passedPointer;
    /** Why the rule has nothing to check, or null when it applies. */
    @Nullable String notApplicable;

    void notApplicable(String reason) {
      notApplicable = reason;
    }

    void pass(double fraction) {
      pass = Math.max(0, Math.min(1, fraction));
    }

    void add(Severity severity, String message, String pointer, @Nullable String evidence, @Nullable Patch fix) {
      drafts.add(new Draft(severity, message, pointer, evidence, fix));
    }
  }

  /** A finding before its share of the rule's effect is known. */
  record Draft(Severity severity, String message, String pointer, @Nullable String evidence, @Nullable Patch fix) {}
}
