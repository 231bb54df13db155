package dev.altocv.core.match;

import java.util.Objects;

/**
 * A skill of the posting that the CV does not show.
 *
 * @param keyword the skill as the lexicon names it
 * @param required whether the posting requires it
 */
public record MissingKeyword(String keyword, boolean required) {
  /** Checks the keyword. */
  public MissingKeyword {
    Objects.requireNonNull(keyword, "keyword");
  }
}
