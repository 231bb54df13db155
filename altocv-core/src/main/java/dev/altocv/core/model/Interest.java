package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An interest (JSON Resume {@code interests[]}); id prefix {@code i}.
 *
 * @param id stable item id (for example {@code i1}); {@code null} until a {@link Cv} assigns one
 * @param name interest
 * @param keywords details
 * @param extra fields this model does not know, kept as they were read
 */
public record Interest(
    @Nullable String id,
    @Nullable String name,
    List<String> keywords,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Interest {
    keywords = Extras.list(keywords);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "i";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Interest withId(@Nullable String newId) {
    return new Interest(newId, name, keywords, extra);
  }

  /**
   * An empty interest: every field absent.
   *
   * @return the empty record
   */
  public static Interest empty() {
    return new Interest(null, null, List.of(), Map.of());
  }
}
