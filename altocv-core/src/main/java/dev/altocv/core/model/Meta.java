package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Document metadata (JSON Resume {@code meta}).
 *
 * @param canonical URL of the canonical version
 * @param version document version as written, for example {@code v1.0.0}
 * @param lastModified last modification time as written
 * @param extra fields this model does not know, kept as they were read
 */
public record Meta(
    @Nullable String canonical,
    @Nullable String version,
    @Nullable String lastModified,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Meta {
    extra = Extras.copy(extra);
  }

  /**
   * An empty meta: every field absent.
   *
   * @return the empty record
   */
  public static Meta empty() {
    return new Meta(null, null, null, Map.of());
  }
}
