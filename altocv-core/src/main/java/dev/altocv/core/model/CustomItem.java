package dev.altocv.core.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry of a {@link CustomSection}; id prefix {@code ci}.
 *
 * @param id stable item id; {@code null} until a {@link Cv} assigns one
 * @param title the entry's title
 * @param subtitle a second line, for example an organisation
 * @param location where
 * @param startDate ISO 8601 date (year, month or day precision)
 * @param endDate ISO 8601 date
 * @param url a link
 * @param summary a paragraph
 * @param highlights bullets
 */
public record CustomItem(
    @Nullable String id,
    @Nullable String title,
    @Nullable String subtitle,
    @Nullable String location,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String url,
    @Nullable String summary,
    List<String> highlights) {

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "ci";

  /** Copies the list; a null list becomes empty. */
  public CustomItem {
    highlights = Extras.list(highlights);
  }

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public CustomItem withId(@Nullable String newId) {
    return new CustomItem(newId, title, subtitle, location, startDate, endDate, url, summary, highlights);
  }
}
