package dev.altocv.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A section the person names themselves (for example "Patents" or "Speaking"); id prefix {@code cs}. Its id
 * is what {@link Layout#sectionOrder()} lists to place it.
 *
 * @param id stable section id; {@code null} until a {@link Cv} assigns one
 * @param title the heading shown on the CV
 * @param items the entries
 */
public record CustomSection(@Nullable String id, String title, List<CustomItem> items) {

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "cs";

  /** Copies the list; a null list becomes empty; a null title becomes empty. */
  public CustomSection {
    title = Objects.requireNonNullElse(title, "");
    items = Extras.list(items);
  }

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public CustomSection withId(@Nullable String newId) {
    return new CustomSection(newId, title, items);
  }

  /**
   * Returns a copy with other items.
   *
   * @param newItems the items
   * @return the copy
   */
  public CustomSection withItems(List<CustomItem> newItems) {
    return new CustomSection(id, title, newItems);
  }
}
