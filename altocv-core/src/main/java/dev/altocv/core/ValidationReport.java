package dev.altocv.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating a document: the violations found, in document order. Empty means valid.
 *
 * @param kind what the document was validated as
 * @param violations the problems, each with a pointer and a message
 */
public record ValidationReport(DocumentKind kind, List<Violation> violations) {

  /** Copies the list. */
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /**
   * Whether nothing is wrong.
   *
   * @return true when there are no violations
   */
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** @return one violation per line */
  @Override
  public String toString() {
    return violations.isEmpty() ? "valid " + kind.label()
        : violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }
}
