package dev.altocv.server.cv;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a CV's history.
 *
 * @param version the CV version the entry ends at (its snapshot)
 * @param firstVersion the first CV version the entry covers (autosaves coalesce several edits)
 * @param kind created, autosave, change (from the AI, an ATS fix, tailoring or an import), checkpoint or restore
 * @param source user, ai, ats-fix, tailor or import
 * @param name the checkpoint's name or the change's description, if any
 * @param createdAt when the first edit of the entry happened
 * @param updatedAt when its last edit happened
 */
public record VersionEntry(long version, long firstVersion, String kind, String source, @Nullable String name,
    Instant createdAt, Instant updatedAt) {}
