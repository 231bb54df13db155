package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A skill group (JSON Resume {@code skills[]}); id prefix {@code s}.
 *
 * @param id stable item id (for example {@code s1}); {@code null} until a {@link Cv} assigns one
 * @param name group name, for example {@code Web Development}
 * @param level level as written, for example {@code Master}
 * @param keywords the skills in this group
 * @param extra fields this model does not know, kept as they were read
 */
public record Skill(
    @Nullable String id,
    @Nullable String name,
    @Nullable String level,
    List<String> keywords,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Skill {
    keywords = Extras.list(keywords);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "s";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Skill withId(@Nullable String newId) {
    return new Skill(newId, name, level, keywords, extra);
  }

  /**
   * An empty skill: every field absent.
   *
   * @return the empty record
   */
  public static Skill empty() {
    return new Skill(null, null, null, List.of(), Map.of());
  }
}
