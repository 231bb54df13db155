package dev.altocv.server.imports;

import dev.altocv.server.config.RateLimits;
import dev.altocv.server.export.ExportService;
import dev.altocv.server.jobs.JobRoutes;
import dev.altocv.server.jobs.Jobs;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.Idempotency;
import dev.altocv.server.web.Signer;
import dev.altocv.server.web.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/imports}: a PDF or DOCX in the multipart field {@code file}; 202 with the import job. The
 * size is checked before the body is read (413), the type by name, declared type and content (415); the job's
 * {@code done} event carries the new CV's id ({@code result.cvId}), its {@code failed} event the importer's
 * message.
 */
public final class ImportRoutes {
  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** Room for the multipart framing around the file. */
  static final long OVERHEAD = 64 * 1024;

  private final ImportService imports;
  private final Jobs jobs;
  private final ExportService exports;
  private final Auth auth;
  private final RateLimiter limiter;
  private final RateLimits.Rate rate;
  private final Idempotency idempotency;

  /**
   * @param imports the service
   * @param jobs the queue
   * @param exports signs download links in job views
   * @param auth sessions
   * @param limiter rate limits
   * @param rate imports per user
   * @param idempotency replays of retried uploads (keyed by {@code Idempotency-Key} and the file's content)
   */
  public ImportRoutes(ImportService imports, Jobs jobs, ExportService exports, Auth auth, RateLimiter limiter,
      RateLimits.Rate rate, Idempotency idempotency) {
    this.imports = imports;
    this.idempotency = idempotency;
    this.jobs = jobs;
    this.exports = exports;
    this.auth = auth;
    this.limiter = limiter;
    this.rate = rate;
  }

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.post("/api/v1/imports", this::start);
  }

  private void start(Context ctx) {
    UUID user = auth.userId(ctx);
    long max = imports.maxBytes();
    String ct = ctx.contentType();
    if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the file as multipart/form-data in the "
          + "field 'file'" + (ct == null ? "" : ", not " + ct), Map.of("allowed", List.of("multipart/form-data")));
    }
    long length = ctx.req().getContentLengthLong();
    if (length > max + OVERHEAD) {
      ctx.header("Connection", "close"); // the body is not read
      throw tooLarge(max);
    }
    ctx.req().setAttribute("org.eclipse.jetty.multipartConfig",
        new MultipartConfigElement(System.getProperty("java.io.tmpdir"), max, max + OVERHEAD, (int) (max + 1)));
    UploadedFile file;
    byte[] bytes;
    try {
      file = ctx.uploadedFile("file");
      if (file == null) {
        throw ApiException.validation("the multipart field 'file' is missing: send the PDF or DOCX in it",
            Map.of("field", "file"));
      }
      if (file.size() > max) {
        throw tooLarge(max);
      }
      try (InputStream in = file.content()) {
        bytes = in.readNBytes((int) max + 1);
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) { // IOException, and Jetty's ServletException that Javalin (Kotlin) lets through unchecked
      // the rest of a body that could not be parsed is not read: the connection cannot carry another request
      ctx.header("Connection", "close");
      if (isTooLarge(e)) {
        throw tooLarge(max);
      }
      throw ApiException.validation("the upload could not be read as multipart/form-data: send the file in a "
          + "form field named 'file' (curl -F file=@cv.pdf)", Map.of("field", "file"));
    }
    if (bytes.length > max) {
      throw tooLarge(max);
    }
    if (bytes.length == 0) {
      throw ApiException.validation("the file is empty (0 bytes)", Map.of("field", "file"));
    }
    String name = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    if (!acceptable(name, file.contentType(), bytes)) {
      throw new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "only PDF and Word (.docx) files can be "
          + "imported; " + ImportService.shortName(name) + (file.contentType() == null ? "" : " (" + file.contentType()
          + ")") + " is neither", Map.of("allowed", List.of(PDF, DOCX)));
    }
    String contentType = file.contentType();
    String fingerprint = name + "\n" + contentType + "\n" + Signer.sha256(bytes);
    idempotency.run(ctx, user, fingerprint, () -> {
      limiter.check("import:" + user, rate, "imports");
      UUID job = imports.start(user, ImportService.shortName(name), contentType, bytes);
      return Idempotency.json(202, JobRoutes.view(jobs.get(user, job).orElseThrow(), exports),
          Map.of("Location", "/api/v1/jobs/" + job));
    });
  }

  /** A PDF or DOCX by its name or declared type, or by its first bytes (a PDF header or a ZIP archive). */
  static boolean acceptable(String name, String contentType, byte[] bytes) {
    String n = name.toLowerCase(Locale.ROOT);
    String t = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (n.endsWith(".pdf") || n.endsWith(".docx") || t.equals(PDF) || t.equals(DOCX)) {
      return true;
    }
    if (!t.isEmpty() && !t.equals("application/octet-stream")) {
      return false;
    }
    boolean pdf = bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    return pdf || zip;
  }

  private static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("exceeds") || m.contains("too large") || m.contains("max") && m.contains("size")) {
        return true;
      }
    }
    return false;
  }

  private static ApiException tooLarge(long max) {
    return new ApiException(413, ErrorCode.PAYLOAD_TOO_LARGE, "the file is larger than the limit of "
        + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max / 1024 + " KB"), Map.of("maxBytes", max));
  }
}
