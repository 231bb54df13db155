package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A spoken language (JSON Resume {@code languages[]}); id prefix {@code l}.
 *
 * @param id stable item id (for example {@code l1}); {@code null} until a {@link Cv} assigns one
 * @param language language name
 * @param fluency fluency as written, for example {@code Native speaker}
 * @param extra fields this model does not know, kept as they were read
 */
public record Language(
    @Nullable String id,
    @Nullable String language,
    @Nullable String fluency,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Language {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "l";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Language withId(@Nullable String newId) {
    return new Language(newId, language, fluency, extra);
  }

  /**
   * An empty language: every field absent.
   *
   * @return the empty record
   */
  public static Language empty() {
    return new Language(null, null, null, Map.of());
  }
}
