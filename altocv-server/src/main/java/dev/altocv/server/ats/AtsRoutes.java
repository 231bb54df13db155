package dev.altocv.server.ats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.ats.AtsAnalyzer;
import dev.altocv.core.ats.AtsFinding;
import dev.altocv.core.ats.AtsReport;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchSource;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.cv.CvJson;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.match.PostingService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.Idempotency;
import dev.altocv.server.web.Jsons;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The ATS endpoints.
 * <ul>
 *   <li>{@code POST /api/v1/cvs/{id}/ats}, optional body {@code {"job": "posting text"}}: the report of
 *       {@code altocv ats --json} plus {@code version}, the CV version analysed. Charges the ATS price;
 *       {@code Idempotency-Key} is honoured. It answers synchronously: the analysis takes about a millisecond,
 *       far less than a trip through the job queue.</li>
 *   <li>{@code POST /api/v1/cvs/{id}/ats/fixes/{ruleId}} with {@code If-Match} and {@code {"pointer"?, "job"?}}:
 *       analyses the CV at that version again and applies the fix of the rule's finding at {@code pointer} as a
 *       new version with source {@code ats-fix} (undoable); charges the fix price in the same transaction, so
 *       nothing is charged when the fix is refused.</li>
 * </ul>
 */
public final class AtsRoutes {
  private final CvService cvs;
  private final CreditService credits;
  private final Auth auth;
  private final Idempotency idempotency;
  private final Jdbi jdbi;
  private final AtsAnalyzer analyzer;

  /**
   * @param cvs the CVs
   * @param credits the ledger
   * @param auth sessions
   * @param idempotency Idempotency-Key
   * @param jdbi the database
   * @param clock the clock (dates in the CV are judged against it)
   */
  public AtsRoutes(CvService cvs, CreditService credits, Auth auth, Idempotency idempotency, Jdbi jdbi,
      Clock clock) {
    this.cvs = cvs;
    this.credits = credits;
    this.auth = auth;
    this.idempotency = idempotency;
    this.jdbi = jdbi;
    this.analyzer = AtsAnalyzer.withClock(clock);
  }

  record AtsBody(@Nullable String job) {}

  record FixBody(@Nullable String pointer, @Nullable String job) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.post("/api/v1/cvs/{id}/ats", this::analyze);
    r.post("/api/v1/cvs/{id}/ats/fixes/{ruleId}", this::fix);
  }

  private void analyze(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cvId = CvRoutes.id(ctx);
    AtsBody body = ctx.body().isBlank() ? new AtsBody(null) : Jsons.body(ctx, AtsBody.class);
    idempotency.run(ctx, user, () -> {
      CvRecord cv = cvs.get(user, cvId).cv();
      AtsReport report = report(AltoCv.read(cv.content()), body.job());
      credits.spend(user, credits.prices().atsAnalysis(), "ATS analysis", null);
      ObjectNode out = (ObjectNode) Jsons.tree(report.toJson());
      out.put("version", cv.version());
      return Idempotency.json(200, out, Map.of("ETag", CvRoutes.etag(cv.version())));
    });
  }

  private AtsReport report(Cv cv, @Nullable String job) {
    if (job == null) {
      return analyzer.analyze(cv);
    }
    JobPosting posting = PostingService.parse(job, false, "job");
    return analyzer.analyze(cv, posting);
  }

  private void fix(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cvId = CvRoutes.id(ctx);
    String ruleId = ctx.pathParam("ruleId");
    long expected = CvRoutes.ifMatch(ctx);
    FixBody body = ctx.body().isBlank() ? new FixBody(null, null) : Jsons.body(ctx, FixBody.class);
    if (AtsAnalyzer.rules().stream().noneMatch(rule -> rule.id().equals(ruleId))) {
      throw new ApiException(404, ErrorCode.NOT_FOUND, "there is no ATS rule '" + ruleId + "'", Map.of());
    }
    CvRecord cv = cvs.get(user, cvId).cv();
    if (cv.version() != expected) {
      throw new ApiException(409, ErrorCode.VERSION_CONFLICT, "the CV changed since version " + expected
          + "; it is now at version " + cv.version() + ": reload it and apply the fix again",
          Map.of("currentVersion", cv.version()));
    }
    AtsFinding finding = choose(report(AltoCv.read(cv.content()), body.job()), ruleId, body.pointer());
    PatchEnvelope envelope = new PatchEnvelope(null, PatchSource.ATS_FIX, describe(finding),
        java.util.Objects.requireNonNull(finding.fix()));
    CvService.Loaded after = jdbi.inTransaction(h -> {
      credits.spend(h, user, credits.prices().atsFix(), "ATS fix " + ruleId, null);
      return cvs.patch(h, user, cvId, expected, envelope);
    });
    ctx.header("ETag", CvRoutes.etag(after.cv().version()));
    ctx.json(CvJson.of(after));
  }

  private static AtsFinding choose(AtsReport report, String ruleId, @Nullable String pointer) {
    List<AtsFinding> ofRule = report.findings().stream()
        .filter(f -> f.ruleId().equals(ruleId) && !f.passed() && !f.notApplicable()).toList();
    List<AtsFinding> fixable = ofRule.stream().filter(f -> f.fix() != null).toList();
    if (pointer != null) {
      for (AtsFinding f : ofRule) {
        if (f.pointer().equals(pointer)) {
          if (f.fix() == null) {
            throw unprocessable("the finding of " + ruleId + " at " + pointer + " has no automatic fix: it needs "
                + "you to change the CV yourself", ruleId);
          }
          return f;
        }
      }
      throw unprocessable("rule " + ruleId + " has no finding at " + pointer + " in this version of the CV "
          + "(it may be fixed already): run the analysis again", ruleId);
    }
    if (fixable.isEmpty()) {
      throw unprocessable(ofRule.isEmpty()
          ? "rule " + ruleId + " has no finding in this version of the CV (it may be fixed already)"
          : "rule " + ruleId + " offers no automatic fix: it needs you to change the CV yourself", ruleId);
    }
    if (fixable.size() > 1) {
      throw ApiException.validation("rule " + ruleId + " has " + fixable.size() + " findings with a fix: say which "
          + "with 'pointer'", Map.of("field", "pointer", "pointers",
          fixable.stream().map(AtsFinding::pointer).toList()));
    }
    return fixable.get(0);
  }

  private static ApiException unprocessable(String message, String ruleId) {
    return new ApiException(422, ErrorCode.VALIDATION_FAILED, message, Map.of("ruleId", ruleId));
  }

  private static String describe(AtsFinding f) {
    String m = f.message();
    int cut = m.indexOf(": ");
    String head = cut > 0 && cut < 120 ? m.substring(0, cut) : m.length() > 120 ? m.substring(0, 120) + "..." : m;
    return "ATS fix (" + f.ruleId() + "): " + head;
  }
}
