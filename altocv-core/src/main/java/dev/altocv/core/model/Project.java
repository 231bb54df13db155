package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A project (JSON Resume {@code projects[]}); id prefix {@code pr}.
 *
 * @param id stable item id (for example {@code pr1}); {@code null} until a {@link Cv} assigns one
 * @param name project name
 * @param description short description
 * @param highlights achievements, one bullet each
 * @param keywords technologies or topics
 * @param startDate ISO 8601 date
 * @param endDate ISO 8601 date; absent means ongoing
 * @param url project URL
 * @param roles roles held
 * @param entity the organisation it was done for
 * @param type kind of project, for example {@code application}
 * @param extra fields this model does not know, kept as they were read
 */
public record Project(
    @Nullable String id,
    @Nullable String name,
    @Nullable String description,
    List<String> highlights,
    List<String> keywords,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String url,
    List<String> roles,
    @Nullable String entity,
    @Nullable String type,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Project {
    highlights = Extras.list(highlights);
    keywords = Extras.list(keywords);
    roles = Extras.list(roles);
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "pr";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Project withId(@Nullable String newId) {
    return new Project(newId, name, description, highlights, keywords, startDate, endDate, url, roles, entity, type, extra);
  }

  /**
   * An empty project: every field absent.
   *
   * @return the empty record
   */
  public static Project empty() {
    return new Project(null, null, null, List.of(), List.of(), null, null, null, List.of(), null, null, Map.of());
  }
}
