package dev.altocv.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who the CV is about (JSON Resume {@code basics}).
 *
 * @param name full name
 * @param label headline, for example {@code Senior Backend Engineer}
 * @param image URL of a photo
 * @param email e-mail address
 * @param phone phone number as written
 * @param url personal website
 * @param summary the profile summary shown at the top of the CV
 * @param location where the person lives; never null (absent = empty)
 * @param profiles online profiles, each with an id ({@code pf1}, {@code pf2}...)
 * @param extra fields this model does not know, kept as they were read
 */
public record Basics(
    @Nullable String name,
    @Nullable String label,
    @Nullable String image,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String url,
    @Nullable String summary,
    Location location,
    List<Profile> profiles,
    Map<String, @Nullable Object> extra) {

  /** Copies lists and extras; null {@code location}, {@code profiles} and {@code extra} become empty. */
  public Basics {
    location = Objects.requireNonNullElseGet(location, Location::empty);
    profiles = Extras.list(profiles);
    extra = Extras.copy(extra);
  }

  /**
   * Empty basics: every field absent.
   *
   * @return the empty record
   */
  public static Basics empty() {
    return new Basics(null, null, null, null, null, null, null, Location.empty(), List.of(), Map.of());
  }
}
