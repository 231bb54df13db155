package dev.altocv.ai.internal;

import dev.altocv.core.patch.Patch;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a valid tool call proposes, before the guards look at it.
 *
 * @param tool the tool
 * @param summary what it does, in words
 * @param reason the model's reason
 * @param patch the operations, test guards included
 * @param newTexts new free text the edit writes (for the figure, contact and copy guards)
 * @param identity identity fields it changes
 * @param removed what it removes, in words, or null
 * @param addedSkill the skill it adds, or null
 */
record EditDraft(String tool, String summary, String reason, Patch patch, List<String> newTexts,
    List<IdentityChange> identity, @Nullable String removed, @Nullable String addedSkill) {

  EditDraft {
    newTexts = List.copyOf(newTexts);
    identity = List.copyOf(identity);
  }

  /** How an identity field changes. */
  enum ChangeKind {
    /** A value replaced or set. */
    VALUE,
    /** A date replaced, set or cleared. */
    DATE,
    /** A job added. */
    ADD_JOB,
    /** A job removed. */
    REMOVE_JOB
  }

  /**
   * One identity change.
   *
   * @param kind the kind
   * @param field the field, in words ("the job title of w2")
   * @param oldValue the value before, or null
   * @param newValue the value after, or null when cleared or removed
   * @param names for jobs: the employer and title, which a request to remove would mention
   */
  record IdentityChange(ChangeKind kind, String field, @Nullable String oldValue, @Nullable String newValue,
      List<String> names) {
    IdentityChange {
      names = List.copyOf(names);
    }
  }
}
