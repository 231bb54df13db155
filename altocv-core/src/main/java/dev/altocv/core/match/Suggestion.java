package dev.altocv.core.match;

import dev.altocv.core.patch.Patch;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something to change in the CV for this posting.
 *
 * @param message what to do and why
 * @param patch the change as a patch, when it can be made without inventing facts; null otherwise
 */
public record Suggestion(String message, @Nullable Patch patch) {
  /** Checks the message. */
  public Suggestion {
    Objects.requireNonNull(message, "message");
  }

  /**
   * The patch, if there is one.
   *
   * @return the patch
   */
  public Optional<Patch> patchOptional() {
    return Optional.ofNullable(patch);
  }
}
