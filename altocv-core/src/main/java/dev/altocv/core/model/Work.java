package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A job (JSON Resume {@code work[]}); id prefix {@code w}.
 *
 * @param id stable item id (for example {@code w1}); {@code null} until a {@link Cv} assigns one
 * @param name employer name
 * @param location where the job is or was
 * @param description a short description of the employer
 * @param position job title
 * @param url employer URL
 * @param startDate ISO 8601 date at year, month or day precision: {@code 2021}, {@code 2021-06}, {@code 2021-06-15}
 * @param endDate like {@code startDate}; absent means the job is current
 * @param summary an overview of the role
 * @param highlights achievements, one bullet each; addressed by index, guarded by a {@code test} of their text
 * @param extra fields this model does not know, kept as they were read
 */
public record Work(
    @Nullable String id,
    @Nullable String name,
    @Nullable String location,
    @Nullable String description,
    @Nullable String position,
    @Nullable String url,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String summary,
    List<String> highlights,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Work {
    highlights = Extras.list(highlights);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "w";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Work withId(@Nullable String newId) {
    return new Work(newId, name, location, description, position, url, startDate, endDate, summary, highlights, extra);
  }

  /**
   * An empty work: every field absent.
   *
   * @return the empty record
   */
  public static Work empty() {
    return new Work(null, null, null, null, null, null, null, null, null, List.of(), Map.of());
  }
}
