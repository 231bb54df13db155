package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reference (JSON Resume {@code references[]}); id prefix {@code r}.
 *
 * @param id stable item id (for example {@code r1}); {@code null} until a {@link Cv} assigns one
 * @param name who gives the reference
 * @param reference the reference text
 * @param extra fields this model does not know, kept as they were read
 */
public record Reference(
    @Nullable String id,
    @Nullable String name,
    @Nullable String reference,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Reference {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "r";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Reference withId(@Nullable String newId) {
    return new Reference(newId, name, reference, extra);
  }

  /**
   * An empty reference: every field absent.
   *
   * @return the empty record
   */
  public static Reference empty() {
    return new Reference(null, null, null, Map.of());
  }
}
