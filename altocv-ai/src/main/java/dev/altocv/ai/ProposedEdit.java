package dev.altocv.ai;

import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchSource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One edit of a {@link Proposal}: the patch of one tool call, with the model's reason and any flags.
 *
 * <p>The patch addresses items by id ({@code /work/[id=w2]/highlights/0}) and carries a {@code test} of every
 * value it replaces or removes, so applying it to a CV that changed since is refused rather than misapplied.
 *
 * @param index the edit's position in the proposal, from 0
 * @param tool the tool that made it, for example {@code rewrite_highlight}
 * @param summary what it does, in words, for example {@code Rewrite bullet 1 of Engineer at Acme}
 * @param reason why, in the model's words
 * @param patch the operations, test guards included
 * @param flags what needs the person's attention; empty when nothing does
 * @param dependsOn earlier edits (by index) this one builds on: it applies only after them
 */
public record ProposedEdit(int index, String tool, String summary, String reason, Patch patch, List<Flag> flags,
    List<Integer> dependsOn) {

  /**
   * Copies the lists and checks the values.
   *
   * @throws IllegalArgumentException for a negative index or a dependency that is not earlier
   */
  public ProposedEdit {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(patch, "patch");
    flags = List.copyOf(flags);
    dependsOn = List.copyOf(dependsOn);
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    for (int d : dependsOn) {
      if (d < 0 || d >= index) {
        throw new IllegalArgumentException("edit " + index + " can depend only on earlier edits, not " + d);
      }
    }
  }

  /**
   * Whether the edit has flags.
   *
   * @return true when the person should look at it before it is applied
   */
  public boolean flagged() {
    return !flags.isEmpty();
  }

  /**
   * The edit as a patch envelope with source {@code ai}, for version history.
   *
   * @param baseVersion the CV version it is applied to, or null
   * @return the envelope; its description is the summary and reason
   */
  public PatchEnvelope toEnvelope(@Nullable Long baseVersion) {
    return new PatchEnvelope(baseVersion, PatchSource.AI, summary + ": " + reason, patch);
  }
}
