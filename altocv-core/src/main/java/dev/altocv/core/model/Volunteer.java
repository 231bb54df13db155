package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Volunteer work (JSON Resume {@code volunteer[]}); id prefix {@code v}.
 *
 * @param id stable item id (for example {@code v1}); {@code null} until a {@link Cv} assigns one
 * @param organization organisation name
 * @param position role
 * @param url organisation URL
 * @param startDate ISO 8601 date (year, month or day precision)
 * @param endDate ISO 8601 date; absent means current
 * @param summary an overview
 * @param highlights achievements, one bullet each
 * @param extra fields this model does not know, kept as they were read
 */
public record Volunteer(
    @Nullable String id,
    @Nullable String organization,
    @Nullable String position,
    @Nullable String url,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String summary,
    List<String> highlights,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Volunteer {
    highlights = Extras.list(highlights);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "v";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Volunteer withId(@Nullable String newId) {
    return new Volunteer(newId, organization, position, url, startDate, endDate, summary, highlights, extra);
  }

  /**
   * An empty volunteer: every field absent.
   *
   * @return the empty record
   */
  public static Volunteer empty() {
    return new Volunteer(null, null, null, null, null, null, null, List.of(), Map.of());
  }
}
