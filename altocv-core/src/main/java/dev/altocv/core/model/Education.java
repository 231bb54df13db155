package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Education (JSON Resume {@code education[]}); id prefix {@code e}.
 *
 * @param id stable item id (for example {@code e1}); {@code null} until a {@link Cv} assigns one
 * @param institution school or university
 * @param url institution URL
 * @param area field of study, for example {@code Computer Science}
 * @param studyType degree, for example {@code Bachelor}
 * @param startDate ISO 8601 date (year, month or day precision)
 * @param endDate ISO 8601 date; absent means current
 * @param score grade or GPA as written
 * @param courses notable courses
 * @param extra fields this model does not know, kept as they were read
 */
public record Education(
    @Nullable String id,
    @Nullable String institution,
    @Nullable String url,
    @Nullable String area,
    @Nullable String studyType,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String score,
    List<String> courses,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Education {
    courses = Extras.list(courses);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "e";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Education withId(@Nullable String newId) {
    return new Education(newId, institution, url, area, studyType, startDate, endDate, score, courses, extra);
  }

  /**
   * An empty education: every field absent.
   *
   * @return the empty record
   */
  public static Education empty() {
    return new Education(null, null, null, null, null, null, null, null, List.of(), Map.of());
  }
}
