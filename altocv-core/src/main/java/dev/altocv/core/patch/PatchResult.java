package dev.altocv.core.patch;

import dev.altocv.core.model.Cv;
import java.util.Objects;

/**
 * A patch that applied.
 *
 * @param cv the new CV, valid against the schema
 * @param inverse the patch that turns {@code cv} back into the CV the patch was applied to; its {@code test}
 *     operations make it refuse to run over text that changed since
 */
public record PatchResult(Cv cv, Patch inverse) {
  /** Checks for nulls. */
  public PatchResult {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(inverse, "inverse");
  }
}
