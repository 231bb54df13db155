package dev.altocv.server.cv;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A CV on the wire.
 *
 * @param id the id
 * @param title the title
 * @param templateId the template
 * @param version the version (also the ETag)
 * @param createdAt created
 * @param updatedAt last changed
 * @param deletedAt moved to the trash, if it is there
 * @param canUndo whether undo has something to undo (absent in lists)
 * @param canRedo whether redo has something to redo (absent in lists)
 * @param content the AltoCV document (absent in lists)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CvJson(UUID id, String title, String templateId, long version, Instant createdAt, Instant updatedAt,
    @Nullable Instant deletedAt, @Nullable Boolean canUndo, @Nullable Boolean canRedo,
    @JsonRawValue @Nullable String content) {

  /**
   * The full form of a loaded CV.
   *
   * @param l the CV
   * @return its wire form
   */
  public static CvJson of(CvService.Loaded l) {
    return full(l);
  }

  static CvJson full(CvService.Loaded l) {
    CvRecord c = l.cv();
    return new CvJson(c.id(), c.title(), c.templateId(), c.version(), c.createdAt(), c.updatedAt(), c.deletedAt(),
        l.canUndo(), l.canRedo(), c.content());
  }

  static CvJson created(CvRecord c) {
    return new CvJson(c.id(), c.title(), c.templateId(), c.version(), c.createdAt(), c.updatedAt(), null, false,
        false, c.content());
  }

  static CvJson summary(CvRecord c) {
    return new CvJson(c.id(), c.title(), c.templateId(), c.version(), c.createdAt(), c.updatedAt(), c.deletedAt(),
        null, null, null);
  }
}
