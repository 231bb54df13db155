package dev.altocv.server.cv;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored CV.
 *
 * @param id the id
 * @param userId the owner
 * @param title the title the person gave it
 * @param templateId the template (also in the content's design)
 * @param content the AltoCV document
 * @param version the version: one more with every accepted change
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 * @param deletedAt when it was moved to the trash, or null
 */
public record CvRecord(UUID id, UUID userId, String title, String templateId, String content, long version,
    Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {

  static final String COLUMNS = "id, user_id, title, template_id, content, version, created_at, updated_at, deleted_at";

  static CvRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.time.OffsetDateTime del = rs.getObject("deleted_at", java.time.OffsetDateTime.class);
    return new CvRecord(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("title"),
        rs.getString("template_id"), rs.getString("content"), rs.getLong("version"),
        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(),
        del == null ? null : del.toInstant());
  }
}
