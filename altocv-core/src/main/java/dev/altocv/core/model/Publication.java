package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A publication (JSON Resume {@code publications[]}); id prefix {@code pub}.
 *
 * @param id stable item id (for example {@code pub1}); {@code null} until a {@link Cv} assigns one
 * @param name title
 * @param publisher publisher
 * @param releaseDate ISO 8601 date
 * @param url URL
 * @param summary summary
 * @param extra fields this model does not know, kept as they were read
 */
public record Publication(
    @Nullable String id,
    @Nullable String name,
    @Nullable String publisher,
    @Nullable String releaseDate,
    @Nullable String url,
    @Nullable String summary,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Publication {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "pub";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Publication withId(@Nullable String newId) {
    return new Publication(newId, name, publisher, releaseDate, url, summary, extra);
  }

  /**
   * An empty publication: every field absent.
   *
   * @return the empty record
   */
  public static Publication empty() {
    return new Publication(null, null, null, null, null, null, Map.of());
  }
}
