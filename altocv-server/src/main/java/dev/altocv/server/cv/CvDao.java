package dev.altocv.server.cv;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** SQL for CVs, their edits and their versions; every method runs on the caller's handle. */
final class CvDao {
  private CvDao() {}

  static Optional<CvRecord> find(Handle h, UUID userId, UUID id, boolean forUpdate, boolean deleted) {
    return h.createQuery("select " + CvRecord.COLUMNS + " from cvs where id = :id and user_id = :u and deleted_at is "
            + (deleted ? "not null" : "null") + (forUpdate ? " for update" : ""))
        .bind("id", id).bind("u", userId).map((rs, c) -> CvRecord.map(rs)).findOne();
  }

  /** A live CV with whether undo and redo have something to do, in one round trip. */
  static Optional<CvService.Loaded> findLoaded(Handle h, UUID userId, UUID id) {
    return h.createQuery("select " + CvRecord.COLUMNS + ", "
            + "exists (select 1 from cv_edits e where e.cv_id = cvs.id and e.state = 'done') as can_undo, "
            + "exists (select 1 from cv_edits e where e.cv_id = cvs.id and e.state = 'undone') as can_redo "
            + "from cvs where id = :id and user_id = :u and deleted_at is null")
        .bind("id", id).bind("u", userId)
        .map((rs, c) -> new CvService.Loaded(CvRecord.map(rs), rs.getBoolean("can_undo"), rs.getBoolean("can_redo")))
        .findOne();
  }

  static List<CvRecord> list(Handle h, UUID userId, boolean deleted) {
    return h.createQuery("select id, user_id, title, template_id, '' as content, version, created_at, updated_at, "
            + "deleted_at from cvs where user_id = :u and deleted_at is " + (deleted ? "not null" : "null")
            + " order by updated_at desc")
        .bind("u", userId).map((rs, c) -> CvRecord.map(rs)).list();
  }

  static void insert(Handle h, CvRecord cv) {
    h.createUpdate("insert into cvs (" + CvRecord.COLUMNS + ") values (:id, :u, :title, :t, :content, :v, :c, :up, "
            + "null)")
        .bind("id", cv.id()).bind("u", cv.userId()).bind("title", cv.title()).bind("t", cv.templateId())
        .bind("content", cv.content()).bind("v", cv.version()).bind("c", cv.createdAt()).bind("up", cv.updatedAt())
        .execute();
  }

  static void updateContent(Handle h, UUID id, String content, String templateId, long version, Instant at) {
    h.createUpdate("update cvs set content = :content, template_id = :t, version = :v, updated_at = :at "
            + "where id = :id")
        .bind("content", content).bind("t", templateId).bind("v", version).bind("at", at).bind("id", id).execute();
  }

  record Edit(long version, String kind, String source, @Nullable String description, String patch, String inverse,
      String state) {}

  static Optional<Edit> lastDone(Handle h, UUID cvId) {
    return h.createQuery("select version, kind, source, description, patch, inverse, state from cv_edits "
            + "where cv_id = :id and state = 'done' order by version desc limit 1")
        .bind("id", cvId).map((rs, c) -> edit(rs)).findOne();
  }

  static Optional<Edit> firstUndone(Handle h, UUID cvId) {
    return h.createQuery("select version, kind, source, description, patch, inverse, state from cv_edits "
            + "where cv_id = :id and state = 'undone' order by version asc limit 1")
        .bind("id", cvId).map((rs, c) -> edit(rs)).findOne();
  }

  /** Whether undo and redo have something to do: one round trip. */
  static boolean[] undoRedo(Handle h, UUID cvId) {
    return h.createQuery("select exists (select 1 from cv_edits where cv_id = :id and state = 'done') as u, "
            + "exists (select 1 from cv_edits where cv_id = :id and state = 'undone') as r")
        .bind("id", cvId).map((rs, c) -> new boolean[] {rs.getBoolean("u"), rs.getBoolean("r")}).one();
  }

  private static Edit edit(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Edit(rs.getLong("version"), rs.getString("kind"), rs.getString("source"), rs.getString("description"),
        rs.getString("patch"), rs.getString("inverse"), rs.getString("state"));
  }

  static void setState(Handle h, UUID cvId, long version, String state) {
    h.createUpdate("update cv_edits set state = :s where cv_id = :id and version = :v")
        .bind("s", state).bind("id", cvId).bind("v", version).execute();
  }

  static void dropRedo(Handle h, UUID cvId) {
    h.createUpdate("update cv_edits set state = 'dropped' where cv_id = :id and state = 'undone'")
        .bind("id", cvId).execute();
  }

  static void insertEdit(Handle h, UUID cvId, long version, String kind, String source, @Nullable String description,
      String patch, String inverse, String state, @Nullable Long target, Instant at) {
    h.createUpdate("insert into cv_edits (cv_id, version, kind, source, description, patch, inverse, state, "
            + "target_version, created_at) values (:id, :v, :k, :s, :d, :p, :i, :st, :t, :at)")
        .bind("id", cvId).bind("v", version).bind("k", kind).bind("s", source).bind("d", description)
        .bind("p", patch).bind("i", inverse).bind("st", state).bind("t", target).bind("at", at).execute();
  }

  record VersionRow(long version, long firstVersion, String kind, String source, @Nullable String name,
      @Nullable String content, Instant createdAt, Instant updatedAt) {
    VersionEntry entry() {
      return new VersionEntry(version, firstVersion, kind, source, name, createdAt, updatedAt);
    }
  }

  private static final String VERSION_COLUMNS =
      "version, first_version, kind, source, name, content, created_at, updated_at";

  static Optional<VersionRow> latestVersion(Handle h, UUID cvId) {
    return h.createQuery("select " + VERSION_COLUMNS + " from cv_versions where cv_id = :id "
            + "order by version desc limit 1")
        .bind("id", cvId).map((rs, c) -> versionRow(rs)).findOne();
  }

  static Optional<VersionRow> version(Handle h, UUID cvId, long version) {
    return h.createQuery("select " + VERSION_COLUMNS + " from cv_versions where cv_id = :id and version = :v")
        .bind("id", cvId).bind("v", version).map((rs, c) -> versionRow(rs)).findOne();
  }

  static List<VersionRow> versions(Handle h, UUID cvId) {
    return h.createQuery("select version, first_version, kind, source, name, null as content, created_at, "
            + "updated_at from cv_versions where cv_id = :id order by version desc")
        .bind("id", cvId).map((rs, c) -> versionRow(rs)).list();
  }

  private static VersionRow versionRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new VersionRow(rs.getLong("version"), rs.getLong("first_version"), rs.getString("kind"),
        rs.getString("source"), rs.getString("name"), rs.getString("content"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  static void insertVersion(Handle h, UUID cvId, long version, String kind, String source, @Nullable String name,
      Instant at) {
    h.createUpdate("insert into cv_versions (cv_id, version, first_version, kind, source, name, content, created_at, "
            + "updated_at) values (:id, :v, :v, :k, :s, :n, null, :at, :at)")
        .bind("id", cvId).bind("v", version).bind("k", kind).bind("s", source).bind("n", name).bind("at", at)
        .execute();
  }

  static void extendVersion(Handle h, UUID cvId, long oldVersion, long newVersion, Instant at) {
    h.createUpdate("update cv_versions set version = :nv, updated_at = :at where cv_id = :id and version = :ov")
        .bind("nv", newVersion).bind("at", at).bind("id", cvId).bind("ov", oldVersion).execute();
  }

  static void closeVersion(Handle h, UUID cvId, long version, String content) {
    h.createUpdate("update cv_versions set content = :c where cv_id = :id and version = :v and content is null")
        .bind("c", content).bind("id", cvId).bind("v", version).execute();
  }

  static void markCheckpoint(Handle h, UUID cvId, long version, String name, String content) {
    h.createUpdate("update cv_versions set kind = 'checkpoint', name = :n, content = :c "
            + "where cv_id = :id and version = :v")
        .bind("n", name).bind("c", content).bind("id", cvId).bind("v", version).execute();
  }
}
