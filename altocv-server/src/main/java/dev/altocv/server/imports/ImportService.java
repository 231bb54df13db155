package dev.altocv.server.imports;

import dev.altocv.core.patch.PatchSource;
import dev.altocv.render.ImportException;
import dev.altocv.render.ImportLimits;
import dev.altocv.render.ImportResult;
import dev.altocv.render.Importer;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.jobs.JobContext;
import dev.altocv.server.jobs.JobFailedException;
import dev.altocv.server.jobs.Jobs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Imports a CV from a PDF or DOCX file in a background job: the upload, the job and the charge are written in one
 * transaction; the job reads the file with altocv-render's {@link Importer} (no LLM) and creates a new CV whose
 * first version has source {@code import}. A file the importer refuses (a scan without text, a password, a
 * damaged file...) fails the job at once with the importer's message and refunds it. The job may run twice (after
 * a crash): the CV's id comes from the job's, so it is made once.
 */
public final class ImportService {
  /** The job type. */
  public static final String JOB_TYPE = "import";
  /** Uploads whose job never read them are deleted after this long. */
  static final Duration UPLOAD_TTL = Duration.ofDays(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final CvService cvs;
  private final Supplier<Jobs> jobs;
  private final int price;
  private final Importer importer;

  /**
   * @param jdbi the database
   * @param clock the clock
   * @param cvs the CVs
   * @param jobs the job queue (supplied late)
   * @param price credits an import costs
   * @param maxBytes the largest file accepted
   */
  public ImportService(Jdbi jdbi, Clock clock, CvService cvs, Supplier<Jobs> jobs, int price, long maxBytes) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.cvs = cvs;
    this.jobs = jobs;
    this.price = price;
    this.importer = Importer.withLimits(ImportLimits.DEFAULT.withMaxBytes(maxBytes));
  }

  /** @return the largest file accepted */
  public long maxBytes() {
    return importer.limits().maxBytes();
  }

  /**
   * The job type to register with the queue.
   *
   * @return the type
   */
  public Jobs.Type jobType() {
    return new Jobs.Type(JOB_TYPE, 2, this::run);
  }

  /**
   * Queues an import, charging its price.
   *
   * @param userId the user
   * @param fileName the uploaded file's name
   * @param contentType its declared type, or null
   * @param bytes its content
   * @return the job id
   */
  public UUID start(UUID userId, String fileName, @Nullable String contentType, byte[] bytes) {
    UUID id = jdbi.inTransaction(h -> {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("fileName", fileName);
      input.put("size", bytes.length);
      UUID job = jobs.get().enqueue(h, userId, null, JOB_TYPE, input, price, "import " + extension(fileName));
      h.createUpdate("insert into uploads (id, user_id, job_id, file_name, content_type, bytes, created_at) "
              + "values (:id, :u, :j, :n, :ct, :b, :now)")
          .bind("id", UUID.randomUUID()).bind("u", userId).bind("j", job).bind("n", fileName).bind("ct", contentType)
          .bind("b", bytes).bind("now", clock.instant()).execute();
      return job;
    });
    jobs.get().poke();
    return id;
  }

  private record Upload(String fileName, byte[] bytes) {}

  private Object run(JobContext ctx) {
    UUID cvId = UUID.nameUUIDFromBytes(("import:" + ctx.jobId()).getBytes(StandardCharsets.UTF_8));
    Optional<Upload> upload = jdbi.withHandle(h -> h.createQuery("select file_name, bytes from uploads "
            + "where job_id = :j")
        .bind("j", ctx.jobId()).map((rs, c) -> new Upload(rs.getString("file_name"), rs.getBytes("bytes")))
        .findOne());
    if (upload.isEmpty()) {
      Optional<CvRecord> made = cvs.find(ctx.userId(), cvId);
      if (made.isPresent()) {
        return result(made.get(), null); // made by an attempt that died before it could report
      }
      throw new JobFailedException("the uploaded file is no longer there; upload it again");
    }
    Upload u = upload.get();
    ctx.progress(10, "reading the file");
    ImportResult r;
    try {
      r = importer.read(u.bytes(), u.fileName());
    } catch (ImportException e) {
      deleteUpload(ctx.jobId());
      throw new JobFailedException(e.getMessage());
    }
    ctx.progress(80, "creating the CV");
    CvRecord cv = jdbi.inTransaction(h -> {
      CvRecord c = cvs.createWithId(h, cvId, ctx.userId(), title(u.fileName()), r.cv(), PatchSource.IMPORT,
          "Imported from " + shortName(u.fileName()));
      h.createUpdate("delete from uploads where job_id = :j").bind("j", ctx.jobId()).execute();
      return c;
    });
    return result(cv, r);
  }

  private static Map<String, Object> result(CvRecord cv, @Nullable ImportResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cvId", cv.id());
    out.put("title", cv.title());
    out.put("version", cv.version());
    if (r != null) {
      out.put("format", r.format());
      out.put("pages", r.pages());
      out.put("warnings", r.warnings());
      out.put("unplaced", r.unplaced());
      out.put("confidence", r.confidence());
    }
    return out;
  }

  private void deleteUpload(UUID jobId) {
    jdbi.useHandle(h -> h.createUpdate("delete from uploads where job_id = :j").bind("j", jobId).execute());
  }

  /**
   * Deletes uploads of finished jobs and uploads older than a day.
   *
   * @return rows deleted
   */
  public int purge() {
    return jdbi.withHandle(h -> h.createUpdate("delete from uploads u where u.created_at < :t or exists "
            + "(select 1 from jobs j where j.id = u.job_id and j.status in ('succeeded', 'failed'))")
        .bind("t", clock.instant().minus(UPLOAD_TTL)).execute());
  }

  static String shortName(String fileName) {
    String n = fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    return n.length() > 120 ? n.substring(0, 120) : n;
  }

  static String title(String fileName) {
    String n = shortName(fileName);
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    n = n.replace('_', ' ').strip();
    return n.isEmpty() ? "Imported CV" : n;
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "file" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
