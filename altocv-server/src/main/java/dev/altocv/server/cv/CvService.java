package dev.altocv.server.cv;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import dev.altocv.core.patch.PatchSource;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.ErrorHandling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * CVs and their history. Every change runs in one transaction holding the CV's row lock: it checks the version
 * the change was made against (a stale one is refused, never merged over newer work), applies the patch with
 * {@link AltoCv#apply}, stores the new content, the edit with its inverse (for undo/redo) and updates the
 * history: edits by the person close together in time coalesce into one autosave version; changes from other
 * sources, restores and checkpoints are versions of their own.
 */
public final class CvService {
  /** An autosave version covers at most this span, however steadily the person types. */
  static final Duration AUTOSAVE_MAX_SPAN = Duration.ofHours(1);
  /** The trash keeps a deleted CV this long. */
  public static final Duration TRASH_KEEP = Duration.ofDays(30);
  /** Undo history keeps at least this many recent edits per CV, however old. */
  static final int EDITS_KEPT_MIN = 100;
  /** Titles are at most this long. */
  static final int MAX_TITLE = 200;
  /** The longest description a patch may carry (it is shown in the version history). */
  static final int MAX_DESCRIPTION = 1_000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final CreditService credits;
  private final Duration autosaveIdle;
  private final Duration historyKeep;
  private final ParsedCvCache cache = new ParsedCvCache(2_000);

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param credits the ledger (creating a CV costs credits)
   * @param autosaveIdle edits closer together than this coalesce into one autosave version
   * @param historyKeep autosave versions and edits older than this are pruned
   */
  public CvService(Jdbi jdbi, Clock clock, CreditService credits, Duration autosaveIdle, Duration historyKeep) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.credits = credits;
    this.autosaveIdle = autosaveIdle;
    this.historyKeep = historyKeep;
  }

  /**
   * A CV with what undo and redo can do now.
   *
   * @param cv the CV
   * @param canUndo whether there is an edit to undo
   * @param canRedo whether there is an undone edit to redo
   */
  public record Loaded(CvRecord cv, boolean canUndo, boolean canRedo) {}

  // ---- create, read, list ----

  /**
   * Creates a CV, charging the creation price when asked.
   *
   * @param userId the owner
   * @param title the title
   * @param templateId a template id for the design, or null to keep the content's (or the default)
   * @param content a JSON Resume or AltoCV document, or null for an empty CV
   * @param charge whether to charge the creation price
   * @return the CV at version 1
   */
  public CvRecord create(UUID userId, String title, @Nullable String templateId, @Nullable String content,
      boolean charge) {
    Cv cv = content == null ? Cv.empty() : AltoCv.read(content);
    return jdbi.inTransaction(h -> create(h, userId, title, templateId, cv, charge));
  }

  /**
   * Creates a CV inside the caller's transaction.
   *
   * @param h the handle
   * @param userId the owner
   * @param title the title
   * @param templateId a template id, or null
   * @param cv the content
   * @param charge whether to charge the creation price
   * @return the CV at version 1
   */
  public CvRecord create(Handle h, UUID userId, String title, @Nullable String templateId, Cv cv, boolean charge) {
    Cv content = cv;
    if (templateId != null) {
      content = apply(content, Patch.of(PatchOp.replace("/altocv/design/templateId", templateId))).cv();
    }
    if (charge) {
      credits.spend(h, userId, credits.prices().createCv(), "create CV", null);
    }
    return insert(h, UUID.randomUUID(), userId, title, content, PatchSource.USER, null);
  }

  /**
   * Creates a CV with a given id and the source of its first version (an import), without charging; the caller
   * charged for it. Creating the same id again returns the CV made the first time (a job that runs twice makes
   * one CV).
   *
   * @param h the handle, in a transaction
   * @param id the CV's id
   * @param userId the owner
   * @param title the title
   * @param cv the content
   * @param source where the content comes from
   * @param description the first version's description, or null
   * @return the CV (at version 1 when new)
   */
  public CvRecord createWithId(Handle h, UUID id, UUID userId, String title, Cv cv, PatchSource source,
      @Nullable String description) {
    Optional<CvRecord> existing = CvDao.find(h, userId, id, true, false)
        .or(() -> CvDao.find(h, userId, id, true, true));
    if (existing.isPresent()) {
      return existing.get();
    }
    return insert(h, id, userId, title, cv, source, description);
  }

  private CvRecord insert(Handle h, UUID id, UUID userId, String title, Cv content, PatchSource source,
      @Nullable String description) {
    String t = checkTitle(title);
    checkTemplate(content);
    Instant now = now();
    CvRecord rec = new CvRecord(id, userId, t, content.altocv().design().templateId(), AltoCv.write(content), 1, now,
        now, null);
    CvDao.insert(h, rec);
    CvDao.insertVersion(h, rec.id(), 1, "created", source.json(), description, now);
    return rec;
  }

  /**
   * A CV of the user (not in the trash).
   *
   * @param userId the user
   * @param id the CV
   * @return the CV with its undo/redo state
   * @throws ApiException 404 when it does not exist, is in the trash or belongs to someone else
   */
  public Loaded get(UUID userId, UUID id) {
    return jdbi.withHandle(h -> CvDao.findLoaded(h, userId, id).orElseThrow(() -> ApiException.notFound("CV")));
  }

  /**
   * A CV of the user, live or in the trash.
   *
   * @param userId the user
   * @param id the CV
   * @return the CV, or empty when there is none (or it is someone else's)
   */
  public Optional<CvRecord> find(UUID userId, UUID id) {
    return jdbi.withHandle(h -> CvDao.find(h, userId, id, false, false).or(() -> CvDao.find(h, userId, id, false,
        true)));
  }

  private static Loaded loaded(Handle h, CvRecord cv) {
    boolean[] ur = CvDao.undoRedo(h, cv.id());
    return new Loaded(cv, ur[0], ur[1]);
  }

  /**
   * The user's CVs, newest change first, without content.
   *
   * @param userId the user
   * @param trash true for the CVs in the trash instead
   * @return the CVs (content empty)
   */
  public List<CvRecord> list(UUID userId, boolean trash) {
    return jdbi.withHandle(h -> CvDao.list(h, userId, trash));
  }

  // ---- changes ----

  /**
   * Applies a patch made against a version.
   *
   * @param userId the user
   * @param id the CV
   * @param expectedVersion the version the patch was made against (If-Match)
   * @param envelope the operations, source and description
   * @return the CV after the patch (unchanged, same version, when the patch changes nothing)
   * @throws ApiException 404, 409 version_conflict with details.currentVersion, 422 when rejected
   */
  public Loaded patch(UUID userId, UUID id, long expectedVersion, PatchEnvelope envelope) {
    return jdbi.inTransaction(h -> patch(h, userId, id, expectedVersion, envelope));
  }

  /**
   * Applies a patch inside the caller's transaction (so other rows, such as a proposal's accepted edits, change
   * with it or not at all); see {@link #patch(UUID, UUID, long, PatchEnvelope)}.
   *
   * @param h the handle, in a transaction
   * @param userId the user
   * @param id the CV
   * @param expectedVersion the version the patch was made against
   * @param envelope the operations, source and description
   * @return the CV after the patch
   */
  public Loaded patch(Handle h, UUID userId, UUID id, long expectedVersion, PatchEnvelope envelope) {
    if (envelope.baseVersion() != null && envelope.baseVersion() != expectedVersion) {
      throw ApiException.validation("the envelope's baseVersion " + envelope.baseVersion()
          + " and If-Match " + expectedVersion + " disagree; send one of them");
    }
    if (envelope.description() != null && envelope.description().length() > MAX_DESCRIPTION) {
      throw ApiException.validation("a patch description is at most " + MAX_DESCRIPTION + " characters; this one has "
          + envelope.description().length(), Map.of("field", "description"));
    }
    CvRecord cv = lockCurrent(h, userId, id, expectedVersion);
    PatchResult r = apply(parsed(cv), envelope.operations());
    return change(h, cv, r, "edit", envelope.source().json(), envelope.description(), envelope.operations(), null);
  }

  /**
   * Undoes the latest edit that is not undone: applies its inverse as a new version.
   *
   * @param userId the user
   * @param id the CV
   * @param expectedVersion the version the person saw
   * @return the CV after the undo
   * @throws ApiException 409 conflict when there is nothing to undo
   */
  public Loaded undo(UUID userId, UUID id, long expectedVersion) {
    return jdbi.inTransaction(h -> {
      CvRecord cv = lockCurrent(h, userId, id, expectedVersion);
      CvDao.Edit e = CvDao.lastDone(h, id).orElseThrow(() -> conflict("there is nothing to undo"));
      Patch inverse = Patch.fromJson(e.inverse());
      PatchResult r = applyHistory(parsed(cv), inverse, "undo");
      CvDao.setState(h, id, e.version(), "undone");
      return change(h, cv, r, "undo", PatchSource.USER.json(), "Undo: " + describe(e), inverse, e.version());
    });
  }

  /**
   * Redoes the most recently undone edit.
   *
   * @param userId the user
   * @param id the CV
   * @param expectedVersion the version the person saw
   * @return the CV after the redo
   * @throws ApiException 409 conflict when there is nothing to redo
   */
  public Loaded redo(UUID userId, UUID id, long expectedVersion) {
    return jdbi.inTransaction(h -> {
      CvRecord cv = lockCurrent(h, userId, id, expectedVersion);
      CvDao.Edit e = CvDao.firstUndone(h, id).orElseThrow(() -> conflict("there is nothing to redo"));
      Patch patch = Patch.fromJson(e.patch());
      PatchResult r = applyHistory(parsed(cv), patch, "redo");
      CvDao.setState(h, id, e.version(), "done");
      return change(h, cv, r, "redo", PatchSource.USER.json(), "Redo: " + describe(e), patch, e.version());
    });
  }

  /**
   * Makes the content of a kept version the current content, as a new version (so it can be undone).
   *
   * @param userId the user
   * @param id the CV
   * @param version the version to restore
   * @param expectedVersion the version the person saw
   * @return the CV after the restore
   */
  public Loaded restoreVersion(UUID userId, UUID id, long version, long expectedVersion) {
    return jdbi.inTransaction(h -> {
      CvRecord cv = lockCurrent(h, userId, id, expectedVersion);
      String target = versionContent(h, cv, version);
      Cv current = parsed(cv);
      Patch diff = AltoCv.diff(current, AltoCv.read(target));
      PatchResult r = applyHistory(current, diff, "restore");
      return change(h, cv, r, "restore", PatchSource.USER.json(), "Restored version " + version, diff, null);
    });
  }

  /**
   * Names the current version, so it is kept for good and shown as a checkpoint.
   *
   * @param userId the user
   * @param id the CV
   * @param name the checkpoint's name
   * @return the checkpoint
   */
  public VersionEntry checkpoint(UUID userId, UUID id, String name) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_TITLE) {
      throw ApiException.validation("a checkpoint name is 1 to " + MAX_TITLE + " characters");
    }
    return jdbi.inTransaction(h -> {
      CvRecord cv = CvDao.find(h, userId, id, true, false).orElseThrow(() -> ApiException.notFound("CV"));
      CvDao.VersionRow latest = CvDao.latestVersion(h, id).orElseThrow();
      CvDao.markCheckpoint(h, id, latest.version(), n, cv.content());
      return CvDao.version(h, id, latest.version()).orElseThrow().entry();
    });
  }

  private Loaded change(Handle h, CvRecord cv, PatchResult r, String kind, String source,
      @Nullable String description, Patch patch, @Nullable Long target) {
    String content = AltoCv.write(r.cv());
    if (content.equals(cv.content())) {
      return loaded(h, cv);
    }
    if (!r.cv().altocv().design().templateId().equals(cv.templateId())) {
      checkTemplate(r.cv());
    }
    Instant now = now();
    long v = cv.version() + 1;
    String templateId = r.cv().altocv().design().templateId();
    CvDao.updateContent(h, cv.id(), content, templateId, v, now);
    boolean undoable = kind.equals("edit") || kind.equals("restore");
    if (undoable) {
      CvDao.dropRedo(h, cv.id());
    }
    CvDao.insertEdit(h, cv.id(), v, kind, source, description, patch.toJson(), r.inverse().toJson(),
        undoable ? "done" : "fixed", target, now);
    recordVersion(h, cv, v, kind, source, description, now);
    CvRecord after = new CvRecord(cv.id(), cv.userId(), cv.title(), templateId, content, v, cv.createdAt(), now, null);
    cache.put(cv.id(), v, r.cv());
    // after an undoable edit there is something to undo and (the redo stack was dropped) nothing to redo
    return undoable ? new Loaded(after, true, false) : loaded(h, after);
  }

  private void recordVersion(Handle h, CvRecord before, long v, String kind, String source,
      @Nullable String description, Instant now) {
    boolean typing = source.equals(PatchSource.USER.json()) && !kind.equals("restore");
    Optional<CvDao.VersionRow> latest = CvDao.latestVersion(h, before.id());
    if (typing && latest.isPresent()) {
      CvDao.VersionRow l = latest.get();
      boolean coalesce = l.kind().equals("autosave") && l.content() == null
          && now.isBefore(l.updatedAt().plus(autosaveIdle))
          && now.isBefore(l.createdAt().plus(AUTOSAVE_MAX_SPAN));
      if (coalesce) {
        CvDao.extendVersion(h, before.id(), l.version(), v, now);
        return;
      }
    }
    latest.ifPresent(l -> CvDao.closeVersion(h, before.id(), l.version(), before.content()));
    String versionKind = kind.equals("restore") ? "restore" : typing ? "autosave" : "change";
    CvDao.insertVersion(h, before.id(), v, versionKind, source, description, now);
  }

  /** The CV's content as a model: from the cache when this version was parsed before, else read. */
  private Cv parsed(CvRecord cv) {
    return cache.get(cv.id(), cv.version(), () -> AltoCv.read(cv.content()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private CvRecord lockCurrent(Handle h, UUID userId, UUID id, long expectedVersion) {
    CvRecord cv = CvDao.find(h, userId, id, true, false).orElseThrow(() -> ApiException.notFound("CV"));
    if (cv.version() != expectedVersion) {
      throw new ApiException(409, ErrorCode.VERSION_CONFLICT, "the CV changed since version " + expectedVersion
          + "; it is now at version " + cv.version() + ": reload it and apply the change again",
          Map.of("currentVersion", cv.version()));
    }
    return cv;
  }

  /**
   * Refuses a design naming a template that does not exist: the schema checks only the id's form, and a CV
   * stored with an unknown template could be neither previewed nor exported.
   */
  private static void checkTemplate(Cv cv) {
    String message = Templates.unknown(cv);
    if (message != null) {
      throw new ApiException(422, ErrorCode.VALIDATION_FAILED, message, Map.of("violations",
          List.of(Map.of("pointer", "/altocv/design/templateId", "message", message))));
    }
  }

  private static PatchResult apply(Cv cv, Patch patch) {
    try {
      return AltoCv.apply(cv, patch);
    } catch (PatchRejectedException e) {
      throw ErrorHandling.rejected(e);
    }
  }

  private static PatchResult applyHistory(Cv cv, Patch patch, String what) {
    try {
      return AltoCv.apply(cv, patch);
    } catch (PatchRejectedException e) {
      throw conflict("cannot " + what + ": " + e.getMessage());
    }
  }

  private static String describe(CvDao.Edit e) {
    return e.description() != null ? e.description() : "edit of version " + e.version();
  }

  private static ApiException conflict(String message) {
    return new ApiException(409, ErrorCode.CONFLICT, message, Map.of());
  }

  // ---- history ----

  /**
   * The history, newest first.
   *
   * @param userId the user
   * @param id the CV
   * @return the versions kept
   */
  public List<VersionEntry> versions(UUID userId, UUID id) {
    return jdbi.withHandle(h -> {
      CvDao.find(h, userId, id, false, false).orElseThrow(() -> ApiException.notFound("CV"));
      return CvDao.versions(h, id).stream().map(CvDao.VersionRow::entry).toList();
    });
  }

  /**
   * A kept version with its content.
   *
   * @param entry the history entry
   * @param content the AltoCV document at that version
   */
  public record VersionContent(VersionEntry entry, String content) {}

  /**
   * The content of a kept version.
   *
   * @param userId the user
   * @param id the CV
   * @param version the version
   * @return the version with its content
   * @throws ApiException 404 when the version is not kept
   */
  public VersionContent version(UUID userId, UUID id, long version) {
    return jdbi.withHandle(h -> {
      CvRecord cv = CvDao.find(h, userId, id, false, false).orElseThrow(() -> ApiException.notFound("CV"));
      CvDao.VersionRow row = CvDao.version(h, id, version).orElseThrow(() -> notKept(version));
      return new VersionContent(row.entry(), row.content() != null ? row.content() : cv.content());
    });
  }

  /**
   * The patch that turns one kept version into another.
   *
   * @param userId the user
   * @param id the CV
   * @param from the older version
   * @param to the newer version
   * @return the patch
   */
  public Patch diff(UUID userId, UUID id, long from, long to) {
    return jdbi.withHandle(h -> {
      CvRecord cv = CvDao.find(h, userId, id, false, false).orElseThrow(() -> ApiException.notFound("CV"));
      return AltoCv.diff(AltoCv.read(versionContent(h, cv, from)), AltoCv.read(versionContent(h, cv, to)));
    });
  }

  private static String versionContent(Handle h, CvRecord cv, long version) {
    if (version == cv.version()) {
      return cv.content();
    }
    CvDao.VersionRow row = CvDao.version(h, cv.id(), version).orElseThrow(() -> notKept(version));
    return row.content() != null ? row.content() : cv.content();
  }

  private static ApiException notKept(long version) {
    return new ApiException(404, ErrorCode.NOT_FOUND, "version " + version + " is not kept: autosaves coalesce, so "
        + "only the versions listed at .../versions (and the current one) can be read", Map.of("version", version));
  }

  // ---- title, trash, copies ----

  /**
   * Renames a CV (not a content change: the version stays).
   *
   * @param userId the user
   * @param id the CV
   * @param title the new title
   * @return the CV
   */
  public Loaded rename(UUID userId, UUID id, String title) {
    String t = checkTitle(title);
    return jdbi.inTransaction(h -> {
      CvDao.find(h, userId, id, true, false).orElseThrow(() -> ApiException.notFound("CV"));
      h.createUpdate("update cvs set title = :t, updated_at = :at where id = :id")
          .bind("t", t).bind("at", now()).bind("id", id).execute();
      return loaded(h, CvDao.find(h, userId, id, false, false).orElseThrow());
    });
  }

  /**
   * Copies a CV's current content into a new CV (charged like creating one).
   *
   * @param userId the user
   * @param id the CV to copy
   * @param title the copy's title, or null for "Copy of ..."
   * @return the copy at version 1
   */
  public CvRecord duplicate(UUID userId, UUID id, @Nullable String title) {
    return jdbi.inTransaction(h -> {
      CvRecord cv = CvDao.find(h, userId, id, false, false).orElseThrow(() -> ApiException.notFound("CV"));
      String t = title;
      if (t == null) { // "Copy of ...", cut to the limit between characters, never inside an emoji's pair
        t = "Copy of " + cv.title();
        if (t.length() > MAX_TITLE) {
          int end = Character.isHighSurrogate(t.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
          t = t.substring(0, end);
        }
      }
      return create(h, userId, t, null, AltoCv.read(cv.content()), true);
    });
  }

  /**
   * Moves a CV to the trash (restorable for {@link #TRASH_KEEP}).
   *
   * @param userId the user
   * @param id the CV
   */
  public void delete(UUID userId, UUID id) {
    jdbi.useTransaction(h -> {
      CvDao.find(h, userId, id, true, false).orElseThrow(() -> ApiException.notFound("CV"));
      h.createUpdate("update cvs set deleted_at = :at where id = :id").bind("at", now()).bind("id", id)
          .execute();
    });
  }

  /**
   * Takes a CV out of the trash.
   *
   * @param userId the user
   * @param id the CV
   * @return the CV
   */
  public Loaded undelete(UUID userId, UUID id) {
    jdbi.useTransaction(h -> {
      CvDao.find(h, userId, id, true, true).orElseThrow(() -> ApiException.notFound("CV in the trash"));
      h.createUpdate("update cvs set deleted_at = null where id = :id").bind("id", id).execute();
    });
    return get(userId, id);
  }

  private static String checkTitle(String title) {
    String t = title.strip();
    if (t.isEmpty() || t.length() > MAX_TITLE) {
      throw ApiException.validation("'title' must be 1 to " + MAX_TITLE + " characters",
          Map.of("field", "title"));
    }
    return t;
  }

  // ---- housekeeping ----

  /**
   * Deletes CVs that have been in the trash longer than {@link #TRASH_KEEP}, and prunes history: autosave
   * versions older than the keep period (never the newest version of a CV, never checkpoints) and edits older
   * than it beyond the newest {@value #EDITS_KEPT_MIN} of each CV.
   *
   * @return rows deleted
   */
  public int housekeeping() {
    Instant now = now();
    Instant cutoff = now.minus(historyKeep);
    return jdbi.withHandle(h -> {
      int n = h.createUpdate("delete from cvs where deleted_at < :t").bind("t", now.minus(TRASH_KEEP)).execute();
      n += h.createUpdate("delete from cv_versions v where v.kind = 'autosave' and v.updated_at < :t "
              + "and v.version < (select max(version) from cv_versions w where w.cv_id = v.cv_id)")
          .bind("t", cutoff).execute();
      n += h.createUpdate("delete from cv_edits e using (select cv_id, version, row_number() over "
              + "(partition by cv_id order by version desc) as rn from cv_edits) r "
              + "where e.cv_id = r.cv_id and e.version = r.version and r.rn > :keep and e.created_at < :t")
          .bind("keep", EDITS_KEPT_MIN).bind("t", cutoff).execute();
      return n;
    });
  }
}
