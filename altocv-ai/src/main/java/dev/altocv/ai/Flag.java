package dev.altocv.ai;

import java.util.List;
import java.util.Objects;

/**
 * Why an edit is flagged, for the person.
 *
 * @param kind the kind
 * @param message what to check, for example {@code "40%" appears neither in your CV nor in your messages}
 * @param values the values concerned (the figures, the skill, the field), possibly none
 */
public record Flag(FlagKind kind, String message, List<String> values) {
  /** Copies the list. */
  public Flag {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    values = List.copyOf(values);
  }
}
