package dev.altocv.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchSource;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.Jsons;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Proposals: CV changes the AI (or tailoring) suggests, stored until the person accepts them, edit by edit. An
 * accepted edit is applied like any other patch (If-Match, validation, a version with source {@code ai} and the
 * edit's description), so a stale acceptance is a 409 and an edit whose guarded text changed is a 422.
 */
public final class ProposalService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final CvService cvs;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param cvs the CVs
   */
  public ProposalService(Jdbi jdbi, Clock clock, CvService cvs) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.cvs = cvs;
  }

  /**
   * A stored proposal.
   *
   * @param id the id
   * @param cvId the CV
   * @param baseVersion the CV version it was made against
   * @param source ai or tailor
   * @param summary what it does
   * @param edits the edits: {@code [{index, description, reason?, tool?, flagged, flags, dependsOn, operations,
   *     accepted}]}
   * @param createdAt when
   */
  public record Proposal(UUID id, UUID cvId, long baseVersion, String source, @Nullable String summary,
      JsonNode edits, Instant createdAt) {}

  /**
   * Stores a proposal.
   *
   * @param userId the owner
   * @param cvId the CV (must be the owner's)
   * @param baseVersion the version it was made against
   * @param source where it comes from
   * @param summary what it does
   * @param edits the edits
   * @return the stored proposal
   */
  public Proposal create(UUID userId, UUID cvId, long baseVersion, PatchSource source, @Nullable String summary,
      List<ChatEngine.ProposedEdit> edits) {
    if (edits.isEmpty()) {
      throw ApiException.validation("a proposal needs at least one edit");
    }
    cvs.get(userId, cvId);
    ArrayNode arr = Jsons.MAPPER.createArrayNode();
    for (ChatEngine.ProposedEdit e : edits) {
      ObjectNode o = arr.addObject();
      o.put("description", e.description());
      if (e.reason() != null) {
        o.put("reason", e.reason());
      }
      if (e.tool() != null) {
        o.put("tool", e.tool());
      }
      o.put("flagged", !e.flags().isEmpty());
      ArrayNode flags = o.putArray("flags");
      for (ChatEngine.Flag f : e.flags()) {
        ObjectNode fo = flags.addObject();
        fo.put("kind", f.kind());
        fo.put("message", f.message());
        f.values().forEach(fo.putArray("values")::add);
      }
      ArrayNode deps = o.putArray("dependsOn");
      e.dependsOn().forEach(deps::add);
      o.set("operations", Jsons.tree(e.operations().toJson()));
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbi.useHandle(h -> h.createUpdate("insert into proposals (id, cv_id, user_id, base_version, source, summary, "
            + "edits, created_at) values (:id, :cv, :u, :v, :s, :sum, :e, :now)")
        .bind("id", id).bind("cv", cvId).bind("u", userId).bind("v", baseVersion).bind("s", source.json())
        .bind("sum", summary).bind("e", Jsons.write(arr)).bind("now", now).execute());
    return get(userId, cvId, id);
  }

  /**
   * A proposal of the user's CV.
   *
   * @param userId the user
   * @param cvId the CV
   * @param id the proposal
   * @return the proposal
   */
  public Proposal get(UUID userId, UUID cvId, UUID id) {
    Optional<Proposal> p = jdbi.withHandle(h -> h.createQuery("select id, cv_id, base_version, source, summary, "
            + "edits, accepted, created_at from proposals where id = :id and cv_id = :cv and user_id = :u")
        .bind("id", id).bind("cv", cvId).bind("u", userId)
        .map((rs, c) -> {
          ArrayNode edits = (ArrayNode) Jsons.tree(rs.getString("edits"));
          JsonNode accepted = Jsons.tree(rs.getString("accepted"));
          for (int i = 0; i < edits.size(); i++) {
            ObjectNode e = (ObjectNode) edits.get(i);
            e.put("index", i);
            boolean a = false;
            for (JsonNode n : accepted) {
              a |= n.asInt() == i;
            }
            e.put("accepted", a);
          }
          return new Proposal(rs.getObject("id", UUID.class), rs.getObject("cv_id", UUID.class),
              rs.getLong("base_version"), rs.getString("source"), rs.getString("summary"), edits,
              rs.getObject("created_at", OffsetDateTime.class).toInstant());
        }).findOne());
    return p.orElseThrow(() -> ApiException.notFound("proposal"));
  }

  /**
   * Accepts one edit of a proposal: applies it to the CV at the expected version.
   *
   * @param userId the user
   * @param cvId the CV
   * @param id the proposal
   * @param edit the edit's index
   * @param expectedVersion the CV version the person saw (If-Match)
   * @return the CV after the edit
   */
  public CvService.Loaded accept(UUID userId, UUID cvId, UUID id, int edit, long expectedVersion) {
    Proposal p = get(userId, cvId, id);
    if (edit < 0 || edit >= p.edits().size()) {
      throw ApiException.validation("'edit' must be from 0 to " + (p.edits().size() - 1));
    }
    JsonNode e = p.edits().get(edit);
    Patch patch = Patch.fromJson(e.path("operations").toString());
    PatchSource source = PatchSource.fromJson(p.source());
    return jdbi.inTransaction(h -> {
      String current = h.createQuery("select accepted from proposals where id = :id for update").bind("id", id)
          .mapTo(String.class).one();
      List<Integer> accepted = new ArrayList<>();
      Jsons.tree(current).forEach(n -> accepted.add(n.asInt()));
      if (accepted.contains(edit)) {
        throw new ApiException(409, ErrorCode.CONFLICT, "edit " + edit + " of this proposal was already accepted",
            Map.of("edit", edit));
      }
      for (JsonNode d : e.path("dependsOn")) {
        if (!accepted.contains(d.asInt())) {
          throw new ApiException(409, ErrorCode.CONFLICT, "edit " + edit + " builds on edit " + d.asInt()
              + " of this proposal: accept that one first", Map.of("edit", edit, "dependsOn", d.asInt()));
        }
      }
      CvService.Loaded after = cvs.patch(h, userId, cvId, expectedVersion,
          new PatchEnvelope(null, source, e.path("description").asText(null), patch));
      accepted.add(edit);
      h.createUpdate("update proposals set accepted = :a where id = :id").bind("a", Jsons.write(accepted))
          .bind("id", id).execute();
      return after;
    });
  }
}
