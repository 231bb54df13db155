package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A certificate or licence (JSON Resume {@code certificates[]}); id prefix {@code c}.
 *
 * @param id stable item id (for example {@code c1}); {@code null} until a {@link Cv} assigns one
 * @param name certificate name
 * @param date ISO 8601 date
 * @param url verification URL
 * @param issuer issuing body
 * @param extra fields this model does not know, kept as they were read
 */
public record Certificate(
    @Nullable String id,
    @Nullable String name,
    @Nullable String date,
    @Nullable String url,
    @Nullable String issuer,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Certificate {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "c";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Certificate withId(@Nullable String newId) {
    return new Certificate(newId, name, date, url, issuer, extra);
  }

  /**
   * An empty certificate: every field absent.
   *
   * @return the empty record
   */
  public static Certificate empty() {
    return new Certificate(null, null, null, null, null, Map.of());
  }
}
