package dev.altocv.core;

import java.util.Objects;

/**
 * One problem found in a document.
 *
 * @param pointer where: a JSON Pointer in AltoCV's extended syntax, with list items that carry an id selected
 *     by it (for example {@code /work/[id=w2]/startDate}); {@code ""} is the whole document
 * @param message what is wrong, written for a person (for example "must be a real date like 2021, 2021-06 or
 *     2021-06-15")
 */
public record Violation(String pointer, String message) {

  /** Checks for nulls. */
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** @return {@code pointer: message}, or the message alone for the whole document */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
  }
}
