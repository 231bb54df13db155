package dev.altocv.core.ats;

import java.util.Objects;
import java.util.Optional;
import dev.altocv.core.patch.Patch;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an ATS report: a problem found, a piece of information, or a rule that passed.
 *
 * @param ruleId the rule, for example {@code contact.phone}
 * @param category the rule's category
 * @param severity how much it matters; a passed or not applicable rule is {@link Severity#INFO} with effect 0
 * @param message what is wrong and what to do, for a person
 * @param pointer where in the CV (AltoCV pointer syntax, e.g. {@code /work/[id=w2]/highlights/0}); empty for
 *     the whole CV
 * @param evidence the text or figures that triggered it, or null
 * @param weight the rule's points out of 100 in this report (0 when it did not apply)
 * @param effect the points this entry costs (0 or negative); a rule's entries add up to its whole effect
 * @param fix a patch that fixes it (guarded by {@code test} operations), or null when it needs a person
 */
public record AtsFinding(
    String ruleId,
    Category category,
    Severity severity,
    String message,
    String pointer,
    @Nullable String evidence,
    double weight,
    double effect,
    @Nullable Patch fix) {

  /** Checks the fields. */
  public AtsFinding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(pointer, "pointer");
    if (effect > 0) {
      throw new IllegalArgumentException("effect must be 0 or negative");
    }
  }

  /**
   * The fix, if there is one.
   *
   * @return the patch
   */
  public Optional<Patch> fixPatch() {
    return Optional.ofNullable(fix);
  }

  /**
   * Whether this entry says its rule passed.
   *
   * @return true for a passed rule's entry
   */
  public boolean passed() {
    return effect == 0 && severity == Severity.INFO && message.startsWith("Passed");
  }

  /**
   * Whether this entry says its rule had nothing to check (no custom sections, a single job...); such a rule's
   * weight is given to the others.
   *
   * @return true for a rule that did not apply
   */
  public boolean notApplicable() {
    return weight == 0 && effect == 0 && severity == Severity.INFO && message.startsWith("Not applicable");
  }
}
