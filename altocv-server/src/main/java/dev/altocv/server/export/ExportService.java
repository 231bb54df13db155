package dev.altocv.server.export;

import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.model.Cv;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.jobs.JobContext;
import dev.altocv.server.jobs.JobFailedException;
import dev.altocv.server.jobs.Jobs;
import dev.altocv.server.web.ApiException;
import dev.altocv.render.ExportFormat;
import dev.altocv.render.Render;
import dev.altocv.server.web.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Exports a CV to a file in a background job: PDF and DOCX (priced by {@code ALTOCV_PRICE_EXPORT}), plain text
 * and standalone HTML (free), rendered by altocv-render, and the AltoCV document and plain JSON Resume (free). A
 * render failure fails the job at once (another attempt would fail the same way) and refunds it. The file is kept
 * for a day and downloaded through a signed link that expires after {@link #LINK_TTL}.
 */
public final class ExportService {
  /** The job type. */
  public static final String JOB_TYPE = "export";
  /** How long a download link works. */
  public static final Duration LINK_TTL = Duration.ofMinutes(15);
  /** How long an exported file is kept. */
  public static final Duration FILE_TTL = Duration.ofHours(24);

  /**
   * An export format.
   *
   * @param name the name in the API
   * @param extension the file extension
   * @param contentType the media type
   * @param price credits it costs
   * @param render turns the CV into the file's bytes
   */
  public record Format(String name, String extension, String contentType, int price,
      java.util.function.Function<Cv, byte[]> render) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final CvService cvs;
  private final Supplier<Jobs> jobs;
  private final Signer signer;
  private final Map<String, Format> formats = new LinkedHashMap<>();

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param cvs the CVs
   * @param jobs the job queue (supplied late: the queue needs this service's handler first)
   * @param secret the session secret (signs links)
   * @param price credits a PDF or DOCX export costs
   */
  public ExportService(Jdbi jdbi, Clock clock, CvService cvs, Supplier<Jobs> jobs, String secret, int price) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.cvs = cvs;
    this.jobs = jobs;
    this.signer = new Signer(secret, "download");
    add(render(ExportFormat.PDF, price));
    add(render(ExportFormat.DOCX, price));
    add(render(ExportFormat.TXT, 0));
    add(render(ExportFormat.HTML, 0));
    add(new Format("altocv", ".altocv.json", "application/json", 0,
        cv -> AltoCv.write(cv).getBytes(StandardCharsets.UTF_8)));
    add(new Format("json-resume", ".resume.json", "application/json", 0,
        cv -> AltoCv.writeJsonResume(cv).getBytes(StandardCharsets.UTF_8)));
  }

  private static Format render(ExportFormat f, int price) {
    return new Format(f.extension(), "." + f.extension(), f.mediaType(), price, cv -> Render.export(cv, f));
  }

  /**
   * Adds a format.
   *
   * @param format the format
   */
  public void add(Format format) {
    formats.put(format.name(), format);
  }

  /** @return the format names */
  public java.util.Set<String> formats() {
    return formats.keySet();
  }

  /**
   * The job type to register with the queue.
   *
   * @return the type
   */
  public Jobs.Type jobType() {
    return new Jobs.Type(JOB_TYPE, 3, this::run);
  }

  /**
   * Queues an export, charging its price.
   *
   * @param userId the user
   * @param cvId the CV
   * @param format the format name
   * @return the job id
   */
  public UUID start(UUID userId, UUID cvId, String format) {
    Format f = formats.get(format);
    if (f == null) {
      throw ApiException.validation("'format' must be one of " + String.join(", ", formats.keySet()) + ", not '"
          + format + "'", Map.of("field", "format"));
    }
    CvRecord cv = cvs.get(userId, cvId).cv();
    UUID id = jdbi.inTransaction(h -> jobs.get().enqueue(h, userId, cvId, JOB_TYPE,
        Map.of("format", f.name(), "version", cv.version()), f.price(), "export " + f.name()));
    jobs.get().poke();
    return id;
  }

  private Object run(JobContext ctx) {
    UUID cvId = ctx.cvId();
    if (cvId == null) {
      throw new JobFailedException("the export has no CV");
    }
    Format f = formats.get(ctx.input().path("format").asText());
    if (f == null) {
      throw new JobFailedException("this server cannot export " + ctx.input().path("format").asText());
    }
    CvRecord cv;
    try {
      cv = cvs.get(ctx.userId(), cvId).cv();
    } catch (ApiException e) {
      throw new JobFailedException("the CV was deleted before it could be exported");
    }
    ctx.progress(10, "rendering");
    byte[] bytes;
    try {
      bytes = f.render().apply(AltoCv.read(cv.content()));
    } catch (AltoCvException e) {
      throw new JobFailedException("the CV could not be exported as " + f.name() + ": " + e.getMessage());
    }
    ctx.progress(80, "saving");
    UUID fileId = UUID.nameUUIDFromBytes(("export:" + ctx.jobId()).getBytes(StandardCharsets.UTF_8));
    String name = fileName(cv.title()) + f.extension();
    Instant now = clock.instant();
    jdbi.useHandle(h -> h.createUpdate("insert into exported_files (id, user_id, cv_id, job_id, format, file_name, "
            + "content_type, bytes, created_at, expires_at) values (:id, :u, :cv, :j, :f, :n, :ct, :b, :now, :exp) "
            + "on conflict (id) do nothing")
        .bind("id", fileId).bind("u", ctx.userId()).bind("cv", cvId).bind("j", ctx.jobId()).bind("f", f.name())
        .bind("n", name).bind("ct", f.contentType()).bind("b", bytes).bind("now", now)
        .bind("exp", now.plus(FILE_TTL)).execute());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("fileId", fileId);
    result.put("fileName", name);
    result.put("format", f.name());
    result.put("size", bytes.length);
    result.put("cvVersion", cv.version());
    return result;
  }

  static String fileName(String title) {
    String s = title.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip().replace(' ', '-');
    return s.isEmpty() ? "cv" : s.length() > 80 ? s.substring(0, 80) : s;
  }

  /**
   * A signed download link for a file, valid for {@link #LINK_TTL}.
   *
   * @param fileId the file
   * @return the path with its expiry and signature
   */
  public String link(UUID fileId) {
    long exp = clock.instant().plus(LINK_TTL).getEpochSecond();
    return "/files/" + fileId + "?expires=" + exp + "&sig=" + signer.sign(fileId + ":" + exp);
  }

  /**
   * A file to download.
   *
   * @param fileName the file name
   * @param contentType the media type
   * @param bytes the content
   */
  public record Download(String fileName, String contentType, byte[] bytes) {}

  /**
   * Opens a file through a signed link.
   *
   * @param fileId the file
   * @param expires the link's expiry (epoch seconds)
   * @param sig the signature
   * @return the file
   * @throws ApiException 403 for a bad or expired link, 404 for a file that is gone
   */
  public Download open(UUID fileId, @Nullable String expires, @Nullable String sig) {
    long exp;
    try {
      exp = Long.parseLong(expires == null ? "" : expires);
    } catch (NumberFormatException e) {
      throw new ApiException(403, "forbidden", "this download link is not valid", Map.of());
    }
    if (sig == null || !signer.verify(fileId + ":" + exp, sig)) {
      throw new ApiException(403, "forbidden", "this download link is not valid", Map.of());
    }
    if (clock.instant().getEpochSecond() > exp) {
      throw new ApiException(403, "forbidden", "this download link has expired: open the export again for a new "
          + "one", Map.of());
    }
    Optional<Download> d = jdbi.withHandle(h -> h.createQuery("select file_name, content_type, bytes "
            + "from exported_files where id = :id and expires_at >= :now")
        .bind("id", fileId).bind("now", clock.instant())
        .map((rs, c) -> new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("bytes")))
        .findOne());
    return d.orElseThrow(() -> ApiException.notFound("file"));
  }

  /**
   * Deletes expired files.
   *
   * @return rows deleted
   */
  public int purge() {
    return jdbi.withHandle(h -> h.createUpdate("delete from exported_files where expires_at < :now")
        .bind("now", clock.instant()).execute());
  }
}
