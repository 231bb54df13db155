package dev.altocv.server.match;

import dev.altocv.core.job.JobPosting;
import dev.altocv.server.config.RateLimits;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/cvs/{id}/match} with {@code {"text"}} (a posting pasted, text or HTML) or {@code {"url"}} (a
 * posting's page, fetched with SSRF protection): the match report of {@code altocv match --json}, plus
 * {@code postingId} (the stored posting, for tailoring), {@code version} (the CV version matched) and
 * {@code posting} (what was read from it). Free; matches are rate limited per user, and fetching a URL has its own, lower limit.
 */
public final class MatchRoutes {
  private final PostingService postings;
  private final PageFetcher fetcher;
  private final CvService cvs;
  private final Auth auth;
  private final RateLimiter limiter;
  private final RateLimits.Rate fetchRate;
  private final RateLimits.Rate matchRate;

  /**
   * @param postings postings and matches
   * @param fetcher fetches pages by URL
   * @param cvs the CVs
   * @param auth sessions
   * @param limiter rate limits
   * @param fetchRate pages fetched per user
   * @param matchRate matches per user
   */
  public MatchRoutes(PostingService postings, PageFetcher fetcher, CvService cvs, Auth auth, RateLimiter limiter,
      RateLimits.Rate fetchRate, RateLimits.Rate matchRate) {
    this.postings = postings;
    this.fetcher = fetcher;
    this.cvs = cvs;
    this.auth = auth;
    this.limiter = limiter;
    this.fetchRate = fetchRate;
    this.matchRate = matchRate;
  }

  record MatchBody(@Nullable String text, @Nullable String url) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.post("/api/v1/cvs/{id}/match", this::match);
  }

  private void match(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cvId = CvRoutes.id(ctx);
    MatchBody body = Jsons.body(ctx, MatchBody.class);
    if ((body.text() == null) == (body.url() == null)) {
      throw ApiException.validation("give the posting as 'text' (pasted text or HTML) or as 'url' (its page), "
          + "one of the two");
    }
    CvRecord cv = cvs.get(user, cvId).cv();
    limiter.check("match:" + user, matchRate, "job matches");
    JobPosting posting;
    String url = null;
    if (body.url() != null) {
      limiter.check("fetch:" + user, fetchRate, "job pages fetched");
      PageFetcher.Page page;
      try {
        page = fetcher.fetch(body.url());
      } catch (PageFetcher.FetchException e) {
        throw e.refused()
            ? ApiException.validation(e.getMessage(), Map.of("field", "url"))
            : new ApiException(502, "fetch_failed", e.getMessage() + "; you can paste the posting's text instead",
                Map.of("url", body.url()));
      }
      url = page.url().toString();
      posting = PostingService.parse(page.body(), page.html());
    } else {
      posting = PostingService.parse(body.text(), false); // HTML is recognised by its tags
    }
    ctx.json(postings.match(user, cv, url, posting));
  }
}
