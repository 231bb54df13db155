package dev.altocv.core.patch;

import dev.altocv.core.internal.PatchJson;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A patch with its metadata, as the library and the command line read it:
 * {@code {"baseVersion": 7, "source": "ai", "description": "Rewrite summary", "operations": [...]}}.
 * Over HTTP the base version travels in {@code If-Match} instead.
 *
 * @param baseVersion the CV version the patch was made against, or null when not known; a server refuses a
 *     patch whose base version is not the current one
 * @param source where the patch came from
 * @param description what it does, for version history; may be null
 * @param operations the operations
 */
public record PatchEnvelope(
    @Nullable Long baseVersion, PatchSource source, @Nullable String description, Patch operations) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException for a negative base version
   */
  public PatchEnvelope {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(operations, "operations");
    if (baseVersion != null && baseVersion < 0) {
      throw new IllegalArgumentException("baseVersion must not be negative");
    }
  }

  /**
   * An envelope for a patch typed by the person, with no base version.
   *
   * @param patch the operations
   * @return the envelope
   */
  public static PatchEnvelope of(Patch patch) {
    return new PatchEnvelope(null, PatchSource.USER, null, patch);
  }

  /**
   * Reads an envelope, or a bare RFC 6902 array (which becomes an envelope with source {@code user} and no
   * base version). Unknown envelope fields are an error, so a typo is never silently ignored.
   *
   * @param json the text
   * @return the envelope
   * @throws dev.altocv.core.MalformedJsonException when the text is not JSON
   * @throws PatchRejectedException when the envelope or an operation is malformed
   */
  public static PatchEnvelope fromJson(String json) {
    return PatchJson.read(json);
  }

  /**
   * Writes the envelope as JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    return PatchJson.write(this);
  }
}
