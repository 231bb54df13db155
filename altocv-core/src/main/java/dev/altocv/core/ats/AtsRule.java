package dev.altocv.core.ats;

import java.util.Objects;

/**
 * A rule of the analysis, as documented in the README.
 *
 * @param id stable id, for example {@code content.action-verbs}
 * @param category what it checks
 * @param weight its points out of 100 in a CV-only analysis (with a job posting, every weight is scaled so
 *     the total stays 100); 0 for rules that only inform
 * @param description what it checks and how it scores
 */
public record AtsRule(String id, Category category, int weight, String description) {
  /** Checks the fields. */
  public AtsRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative");
    }
  }
}
