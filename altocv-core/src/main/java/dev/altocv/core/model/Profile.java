package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An online profile (JSON Resume {@code basics.profiles[]}); id prefix {@code pf}.
 *
 * @param id stable item id (for example {@code pf1}); {@code null} until a {@link Cv} assigns one
 * @param network network name, for example {@code LinkedIn}
 * @param username user name on that network
 * @param url profile URL
 * @param extra fields this model does not know, kept as they were read
 */
public record Profile(
    @Nullable String id,
    @Nullable String network,
    @Nullable String username,
    @Nullable String url,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Profile {
    extra = Extras.copy(extra);
  }

  /** The id prefix of this item type. */
  public static final String ID_PREFIX = "pf";

  /**
   * Returns a copy with another id.
   *
   * @param newId the new id, or {@code null} to have a {@link Cv} assign one
   * @return the copy
   */
  public Profile withId(@Nullable String newId) {
    return new Profile(newId, network, username, url, extra);
  }

  /**
   * An empty profile: every field absent.
   *
   * @return the empty record
   */
  public static Profile empty() {
    return new Profile(null, null, null, null, Map.of());
  }
}
