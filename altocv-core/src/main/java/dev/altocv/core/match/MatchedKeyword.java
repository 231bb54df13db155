package dev.altocv.core.match;

import java.util.List;
import java.util.Objects;

/**
 * A skill of the posting that the CV shows.
 *
 * @param keyword the skill as the lexicon names it
 * @param required whether the posting requires it (rather than prefers it)
 * @param locations where the CV shows it (AltoCV pointers), in document order
 */
public record MatchedKeyword(String keyword, boolean required, List<String> locations) {
  /** Copies the list. */
  public MatchedKeyword {
    Objects.requireNonNull(keyword, "keyword");
    locations = List.copyOf(locations);
  }
}
