package dev.altocv.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A postal location (JSON Resume {@code basics.location}).
 *
 * @param address street address; may hold several lines
 * @param postalCode postal code
 * @param city city
 * @param countryCode ISO-3166-1 alpha-2 country code, for example {@code DE}
 * @param region region, state or province
 * @param extra fields this model does not know, kept as they were read
 */
public record Location(
    @Nullable String address,
    @Nullable String postalCode,
    @Nullable String city,
    @Nullable String countryCode,
    @Nullable String region,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; lists and {@code extra} may be given as null. */
  public Location {
    extra = Extras.copy(extra);
  }

  /**
   * An empty location: every field absent.
   *
   * @return the empty record
   */
  public static Location empty() {
    return new Location(null, null, null, null, null, Map.of());
  }
}
