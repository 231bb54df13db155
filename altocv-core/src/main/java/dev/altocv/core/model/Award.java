package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An award (JSON Resume {@code awards[]}); id prefix {@code a}.
 *
 * @param id stable item id (for example {@code a1}); {@code null} until a {@link Cv} assigns one
 * @param title award title
 * @param date ISO 8601 date
 * @param awarder who gave it
 * @param summary what it was for
 * @param extra fields this model does not know, kept as they were read
 */
public record Award(
    @Nullable String id,
    @Nullable String title,
    @Nullable String date,
    @Nullable String awarder,
    @Nullable String summary,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Award {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "a";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Award withId(@Nullable String newId) {
    return new Award(newId, title, date, awarder, summary, extra);
  }

  /**
   * An empty award: every field absent.
   *
   * @return the empty record
   */
  public static Award empty() {
    return new Award(null, null, null, null, null, Map.of());
  }
}
