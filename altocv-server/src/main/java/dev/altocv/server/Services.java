package dev.altocv.server;

import dev.altocv.ai.embed.LocalEmbedder;
import dev.altocv.core.embed.Embedder;
import dev.altocv.server.account.AccountService;
import dev.altocv.server.ai.AltoAiEngine;
import dev.altocv.server.account.OidcClient;
import dev.altocv.server.account.SessionService;
import dev.altocv.server.config.Settings;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.export.ExportService;
import dev.altocv.server.imports.ImportService;
import dev.altocv.server.match.Embeddings;
import dev.altocv.server.match.PageFetcher;
import dev.altocv.server.match.PostingService;
import dev.altocv.server.jobs.Jobs;
import dev.altocv.server.ops.Metrics;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Idempotency;
import dev.altocv.server.web.RateLimiter;
import dev.altocv.server.web.RequestContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the server is made of, wired by constructor from the settings, a database and a clock. Tests build
 * one on their own database and clock and pass it to {@link App#create}.
 */
public final class Services implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Services.class);

  /**
   * What tests (and later features) may change.
   *
   * @param jobs the job queue's tuning
   * @param extraJobTypes job types added to the built-in ones
   * @param http the HTTP client for the sign-in provider
   * @param chatEngine the AI engine, or null when no provider is configured (chat and tailoring answer 503)
   * @param fetchPolicy how job-posting pages are fetched by URL (tests inject a resolver and allow their own
   *     local server)
   * @param embedderLoader loads the embedding model for semantic matching (used when ALTOCV_SEMANTIC_MATCH is on)
   */
  public record Options(Jobs.Config jobs, List<Jobs.Type> extraJobTypes, HttpClient http,
      dev.altocv.server.ai.@Nullable ChatEngine chatEngine, PageFetcher.Policy fetchPolicy,
      Supplier<Embedder> embedderLoader) {

    /**
     * Options with the default fetch policy and the local embedding model.
     *
     * @param jobs the job queue's tuning
     * @param extraJobTypes job types added to the built-in ones
     * @param http the HTTP client for the sign-in provider
     * @param chatEngine the AI engine, or null
     */
    public Options(Jobs.Config jobs, List<Jobs.Type> extraJobTypes, HttpClient http,
        dev.altocv.server.ai.@Nullable ChatEngine chatEngine) {
      this(jobs, extraJobTypes, http, chatEngine, PageFetcher.Policy.DEFAULT, LocalEmbedder::create);
    }

    /**
     * The defaults for a server, without AI.
     *
     * @param settings the settings
     * @return the options
     */
    public static Options defaults(Settings settings) {
      return new Options(Jobs.Config.defaults(settings.jobThreads()), List.of(),
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    /**
     * The defaults for a server, with the AI provider the environment configures ({@code ALTOCV_AI_*}).
     *
     * @param settings the settings
     * @param env the environment
     * @return the options
     * @throws dev.altocv.ai.AiException naming the variable when the AI configuration is incomplete or wrong
     */
    public static Options fromEnvironment(Settings settings, Map<String, String> env) {
      return defaults(settings).withChatEngine(AltoAiEngine.fromEnv(env));
    }

    /**
     * These options with another AI engine.
     *
     * @param engine the engine, or null
     * @return the copy
     */
    public Options withChatEngine(dev.altocv.server.ai.@Nullable ChatEngine engine) {
      return new Options(jobs, extraJobTypes, http, engine, fetchPolicy, embedderLoader);
    }

    /**
     * These options with another fetch policy.
     *
     * @param policy the policy
     * @return the copy
     */
    public Options withFetchPolicy(PageFetcher.Policy policy) {
      return new Options(jobs, extraJobTypes, http, chatEngine, policy, embedderLoader);
    }
  }

  /** The settings. */
  public final Settings settings;
  /** The clock. */
  public final Clock clock;
  /** The database. */
  public final DataSource dataSource;
  /** Jdbi on the database. */
  public final Jdbi jdbi;
  /** The credit ledger. */
  public final CreditService credits;
  /** Sessions. */
  public final SessionService sessions;
  /** CVs. */
  public final CvService cvs;
  /** Accounts. */
  public final AccountService accounts;
  /** Google sign-in, or null. */
  public final @Nullable OidcClient oidc;
  /** Exports. */
  public final ExportService exports;
  /** The job queue. */
  public final Jobs jobs;
  /** Proposals. */
  public final dev.altocv.server.ai.ProposalService proposals;
  /** The AI engine, or null. */
  public final dev.altocv.server.ai.@Nullable ChatEngine chatEngine;
  /** Rate limits. */
  public final RateLimiter limiter;
  /** Imports. */
  public final ImportService imports;
  /** Job postings and matches. */
  public final PostingService postings;
  /** Fetches job postings by URL. */
  public final PageFetcher fetcher;
  /** The embedding model for matching. */
  public final Embeddings embeddings;
  /** Idempotency keys. */
  public final Idempotency idempotency;
  /** Metrics. */
  public final Metrics metrics;
  /** Request ids and client addresses. */
  public final RequestContext requests;
  /** The request's session. */
  public final Auth auth;

  /**
   * Wires the services (the job queue is not started: see {@link #start()}).
   *
   * @param settings the settings
   * @param dataSource the database, migrated
   * @param clock the clock
   * @param options tuning
   */
  public Services(Settings settings, DataSource dataSource, Clock clock, Options options) {
    this.settings = settings;
    this.clock = clock;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.credits = new CreditService(jdbi, clock, settings.prices());
    this.sessions = new SessionService(jdbi, clock, settings.sessionSecret(), settings.sessionIdleTimeout(),
        settings.sessionMaxAge());
    this.cvs = new CvService(jdbi, clock, credits, settings.autosaveIdle(), settings.historyKeep());
    this.accounts = new AccountService(jdbi, clock, credits, cvs, sessions, settings.sampleCv());
    this.oidc = settings.oidcEnabled()
        ? new OidcClient(options.http(), settings.oidcDiscoveryUrl(), settings.oidcClientId(),
            settings.oidcClientSecret(), settings.base() + "/auth/google/callback", clock, settings.sessionSecret())
        : null;
    Jobs[] queue = new Jobs[1];
    this.exports = new ExportService(jdbi, clock, cvs, () -> queue[0], settings.sessionSecret(),
        settings.prices().export());
    this.imports = new ImportService(jdbi, clock, cvs, () -> queue[0], settings.prices().importFile(),
        settings.importMaxBytes());
    this.embeddings = new Embeddings(settings.semanticMatch() ? options.embedderLoader() : null);
    this.postings = new PostingService(jdbi, clock, embeddings);
    this.fetcher = new PageFetcher(options.fetchPolicy());
    this.limiter = new RateLimiter(jdbi, clock);
    this.proposals = new dev.altocv.server.ai.ProposalService(jdbi, clock, cvs);
    this.chatEngine = options.chatEngine();
    this.idempotency = new Idempotency(jdbi, clock);
    List<Jobs.Type> types = new ArrayList<>();
    types.add(exports.jobType());
    types.add(imports.jobType());
    types.addAll(options.extraJobTypes());
    List<Jobs.Recurring> recurring = List.of(
        new Jobs.Recurring("credits-refill", Duration.ofHours(1), () -> {
          int n = credits.refillPro();
          if (n > 0) {
            LOG.atInfo().addKeyValue("users", n).log("PRO credits refilled");
          }
        }),
        new Jobs.Recurring("housekeeping", Duration.ofHours(6), this::housekeeping));
    this.jobs = new Jobs(dataSource, jdbi, clock, credits, types, recurring, options.jobs());
    queue[0] = jobs;
    this.metrics = new Metrics();
    this.requests = new RequestContext(settings.trustedProxies());
    this.auth = new Auth(sessions, settings.https());
  }

  /**
   * Deletes what is past its keeping time: trashed CVs, old autosaves and edits, sessions, idempotency keys,
   * rate-limit windows and exported files.
   *
   * @return rows deleted
   */
  public int housekeeping() {
    int n = cvs.housekeeping() + sessions.purgeExpired() + idempotency.purge() + limiter.purge() + exports.purge()
        + imports.purge();
    LOG.atInfo().addKeyValue("rowsDeleted", n).log("housekeeping done");
    return n;
  }

  /** Starts the job queue and loads the embedding model in the background. */
  public void start() {
    jobs.start();
    embeddings.startLoading();
  }

  /**
   * Stops the job queue (running jobs are revived later, here or on another node) and closes the HTTP clients of
   * the page fetcher and the AI provider.
   */
  @Override
  public void close() {
    jobs.close();
    fetcher.close();
    if (chatEngine instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.atWarn().addKeyValue("error", e.getClass().getName()).log("the AI client did not close cleanly");
      }
    }
  }
}
