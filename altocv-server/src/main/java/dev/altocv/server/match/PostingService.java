package dev.altocv.server.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.match.JobMatcher;
import dev.altocv.core.match.MatchReport;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Jsons;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Job postings a person pasted or fetched ({@code job_postings}) and the matches of their CVs against them
 * ({@code job_matches}). Matching is deterministic: the local embedding model makes it semantic once loaded,
 * lexical until then.
 */
public final class PostingService {
  /** The longest posting text kept, in characters (after HTML is reduced to text). */
  public static final int MAX_TEXT = 50_000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final Embeddings embeddings;
  private final JobMatcher lexical;
  private volatile @Nullable JobMatcher semantic;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param embeddings the embedding model, when loaded
   */
  public PostingService(Jdbi jdbi, Clock clock, Embeddings embeddings) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.embeddings = embeddings;
    this.lexical = JobMatcher.builder().clock(clock).build();
  }

  /**
   * A stored posting.
   *
   * @param id the id
   * @param sourceUrl where it was fetched from, or null when pasted
   * @param text the posting as plain text
   * @param createdAt when
   */
  public record Posting(UUID id, @Nullable String sourceUrl, String text, Instant createdAt) {}

  /**
   * Parses a posting given as text (or HTML) and checks its length.
   *
   * @param text the text
   * @param html whether it is HTML
   * @return the posting
   * @throws ApiException 400 when it is empty, too long or not in a language AltoCV covers
   */
  public static JobPosting parse(String text, boolean html) {
    return parse(text, html, "text");
  }

  /**
   * Parses a posting given as text (or HTML) in a request field and checks its length.
   *
   * @param text the text
   * @param html whether it is HTML
   * @param field the request field it came in, named in errors
   * @return the posting
   * @throws ApiException 400 when it is empty, too long or not in a language AltoCV covers
   */
  public static JobPosting parse(String text, boolean html, String field) {
    if (text.isBlank()) {
      throw ApiException.validation("the job posting ('" + field + "') is empty", Map.of("field", field));
    }
    JobPosting p = html ? JobPosting.parseHtml(text) : JobPosting.parse(text);
    if (p.text().length() > MAX_TEXT) {
      throw ApiException.validation("the job posting ('" + field + "') is " + p.text().length()
          + " characters long; the limit is " + MAX_TEXT, Map.of("field", field));
    }
    return p;
  }

  /**
   * Stores a posting.
   *
   * @param h the handle
   * @param userId the owner
   * @param sourceUrl where it came from, or null
   * @param posting the parsed posting
   * @return its id
   */
  public UUID store(Handle h, UUID userId, @Nullable String sourceUrl, JobPosting posting) {
    UUID id = UUID.randomUUID();
    h.createUpdate("insert into job_postings (id, user_id, source_url, text, parsed, created_at) "
            + "values (:id, :u, :url, :t, :p, :now)")
        .bind("id", id).bind("u", userId).bind("url", sourceUrl).bind("t", posting.text())
        .bind("p", Jsons.write(summary(posting, id, sourceUrl))).bind("now", clock.instant()).execute();
    return id;
  }

  /**
   * Stores a posting in a transaction of its own.
   *
   * @param userId the owner
   * @param sourceUrl where it came from, or null
   * @param posting the parsed posting
   * @return its id
   */
  public UUID store(UUID userId, @Nullable String sourceUrl, JobPosting posting) {
    return jdbi.inTransaction(h -> store(h, userId, sourceUrl, posting));
  }

  /**
   * A posting of the user.
   *
   * @param userId the user
   * @param id the posting
   * @return the posting
   * @throws ApiException 404 when it does not exist or is someone else's
   */
  public Posting get(UUID userId, UUID id) {
    Optional<Posting> p = jdbi.withHandle(h -> h.createQuery("select id, source_url, text, created_at "
            + "from job_postings where id = :id and user_id = :u")
        .bind("id", id).bind("u", userId)
        .map((rs, c) -> new Posting(rs.getObject("id", UUID.class), rs.getString("source_url"), rs.getString("text"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .findOne());
    return p.orElseThrow(() -> ApiException.notFound("job posting"));
  }

  /**
   * Matches a CV against a posting, stores the posting and the match, and gives the report as JSON with
   * {@code postingId} and a summary of the posting ({@code posting}).
   *
   * @param userId the owner
   * @param cv the CV
   * @param sourceUrl where the posting came from, or null
   * @param posting the posting
   * @return the JSON
   */
  public ObjectNode match(UUID userId, CvRecord cv, @Nullable String sourceUrl, JobPosting posting) {
    MatchReport report = matcher().match(AltoCv.read(cv.content()), posting);
    String json = report.toJson();
    ObjectNode out = (ObjectNode) Jsons.tree(json);
    UUID postingId = jdbi.inTransaction(h -> {
      UUID id = store(h, userId, sourceUrl, posting);
      h.createUpdate("insert into job_matches (id, cv_id, posting_id, cv_version, result, created_at) "
              + "values (:id, :cv, :p, :v, :r, :now)")
          .bind("id", UUID.randomUUID()).bind("cv", cv.id()).bind("p", id).bind("v", cv.version()).bind("r", json)
          .bind("now", clock.instant()).execute();
      return id;
    });
    out.put("postingId", postingId.toString());
    out.put("version", cv.version());
    out.set("posting", Jsons.MAPPER.valueToTree(summary(posting, postingId, sourceUrl)));
    return out;
  }

  private JobMatcher matcher() {
    JobMatcher s = semantic;
    if (s != null) {
      return s;
    }
    Optional<dev.altocv.core.embed.Embedder> e = embeddings.get();
    if (e.isEmpty()) {
      return lexical;
    }
    s = JobMatcher.builder().embedder(e.get()).clock(clock).build();
    semantic = s;
    return s;
  }

  private static Map<String, Object> summary(JobPosting p, UUID id, @Nullable String url) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id.toString());
    if (url != null) {
      m.put("url", url);
    }
    if (p.title() != null) {
      m.put("title", p.title());
    }
    if (p.company() != null) {
      m.put("company", p.company());
    }
    if (p.location() != null) {
      m.put("location", p.location());
    }
    m.put("seniority", p.seniority().json());
    if (p.yearsRequired() != null) {
      m.put("yearsRequired", p.yearsRequired());
    }
    m.put("requiredSkills", p.requiredSkills());
    m.put("preferredSkills", p.preferredSkills());
    return m;
  }
}
