package dev.altocv.server.ai;

import dev.altocv.core.job.JobPosting;
import dev.altocv.core.patch.PatchSource;
import dev.altocv.server.account.SessionService;
import dev.altocv.server.config.RateLimits;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.match.PostingService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat and proposals API:
 * <ul>
 *   <li>{@code POST /api/v1/cvs/{id}/chat} with {@code {"message"}} and {@code Accept: text/event-stream}: charges
 *       one chat message, then streams Server-Sent Events {@code delta}, {@code tool_call}, {@code proposal},
 *       {@code usage}, {@code error}, {@code done} (read with fetch). 503 ai_unavailable without a provider, 403
 *       consent_required until the person agreed in the account settings.</li>
 *   <li>{@code POST /api/v1/cvs/{id}/tailor} with {@code {"postingId"}} or {@code {"text"}}: a tailoring proposal
 *       for that posting (source {@code tailor}), streamed like the chat (charges the tailoring price; refunded
 *       when the provider fails or no edit is proposed).</li>
 *   <li>{@code GET /api/v1/cvs/{id}/chat}: the conversation.</li>
 *   <li>{@code GET /api/v1/cvs/{id}/proposals/{pid}} and {@code POST .../proposals/{pid}/accept} with
 *       {@code {"edit": n}} and If-Match: accepts one edit.</li>
 * </ul>
 */
public final class ChatRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ChatRoutes.class);
  static final int MAX_MESSAGE = 8000;
  static final int HISTORY = 20;

  private final @Nullable ChatEngine engine;
  private final ProposalService proposals;
  private final CvService cvs;
  private final CreditService credits;
  private final Auth auth;
  private final RateLimiter limiter;
  private final RateLimits.Rate rate;
  private final Jdbi jdbi;
  private final Clock clock;
  private final PostingService postings;

  /**
   * @param engine the AI engine, or null when no provider is configured
   * @param proposals proposals
   * @param cvs CVs
   * @param credits the ledger
   * @param auth sessions
   * @param limiter rate limits
   * @param rate the AI allowance
   * @param jdbi the database
   * @param clock the clock
   * @param postings job postings (tailoring)
   */
  public ChatRoutes(@Nullable ChatEngine engine, ProposalService proposals, CvService cvs, CreditService credits,
      Auth auth, RateLimiter limiter, RateLimits.Rate rate, Jdbi jdbi, Clock clock, PostingService postings) {
    this.engine = engine;
    this.proposals = proposals;
    this.cvs = cvs;
    this.credits = credits;
    this.auth = auth;
    this.limiter = limiter;
    this.rate = rate;
    this.jdbi = jdbi;
    this.clock = clock;
    this.postings = postings;
  }

  record ChatBody(@Nullable String message) {}

  record AcceptBody(@Nullable Integer edit) {}

  record TailorBody(@Nullable String postingId, @Nullable String text) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.post("/api/v1/cvs/{id}/chat", this::chat);
    r.post("/api/v1/cvs/{id}/tailor", this::tailor);
    r.get("/api/v1/cvs/{id}/chat", this::history);
    r.get("/api/v1/cvs/{id}/proposals/{pid}", ctx -> ctx.json(view(proposals.get(auth.userId(ctx),
        CvRoutes.id(ctx), pid(ctx)))));
    r.post("/api/v1/cvs/{id}/proposals/{pid}/accept", this::accept);
  }

  private static UUID pid(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("pid"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("proposal");
    }
  }

  private void chat(Context ctx) {
    SessionService.Current s = auth.require(ctx);
    UUID user = s.user().id();
    UUID cvId = CvRoutes.id(ctx);
    ChatBody body = Jsons.body(ctx, ChatBody.class);
    String message = body.message() == null ? "" : body.message().strip();
    if (message.isEmpty() || message.length() > MAX_MESSAGE) {
      throw ApiException.validation("'message' must be 1 to " + MAX_MESSAGE + " characters",
          Map.of("field", "message"));
    }
    CvRecord cv = cvs.get(user, cvId).cv();
    ChatEngine e = ready(s, ctx, "assistant");
    limiter.check("ai:" + user, rate, "AI requests");
    String chargeKey = "chat:" + UUID.randomUUID();
    credits.spend(user, credits.prices().chatMessage(), "AI chat message", chargeKey);
    List<ChatEngine.Message> history = jdbi.withHandle(h -> h.createQuery("select role, content from ("
            + "select id, role, content from chat_messages where cv_id = :cv and role in ('user', 'assistant') "
            + "order by id desc limit :n) m order by id")
        .bind("cv", cvId).bind("n", HISTORY)
        .map((rs, c) -> new ChatEngine.Message(rs.getString("role"), rs.getString("content"))).list());
    saveMessage(cvId, user, "user", message, null);
    ChatEngine.Request request = new ChatEngine.Request(cv.content(), cv.version(), history, message);
    Turn turn = new Turn(user, cvId, cv.version(), chargeKey, PatchSource.AI, true, null);
    new SseHandler(client -> stream(client, e, request, turn)).handle(ctx);
  }

  private void tailor(Context ctx) {
    SessionService.Current s = auth.require(ctx);
    UUID user = s.user().id();
    UUID cvId = CvRoutes.id(ctx);
    TailorBody body = Jsons.body(ctx, TailorBody.class);
    if ((body.postingId() == null) == (body.text() == null)) {
      throw ApiException.validation("give the job posting as 'postingId' (from POST .../match) or as 'text', one "
          + "of the two");
    }
    CvRecord cv = cvs.get(user, cvId).cv();
    String postingText;
    UUID postingId;
    JobPosting parsed = null;
    if (body.postingId() != null) {
      UUID pid;
      try {
        pid = UUID.fromString(body.postingId());
      } catch (IllegalArgumentException ex) {
        throw ApiException.notFound("job posting");
      }
      PostingService.Posting p = postings.get(user, pid);
      postingText = p.text();
      postingId = p.id();
    } else {
      parsed = PostingService.parse(body.text(), false);
      postingText = parsed.text();
      postingId = null;
    }
    ChatEngine e = ready(s, ctx, "tailoring");
    limiter.check("ai:" + user, rate, "AI requests");
    String chargeKey = "tailor:" + UUID.randomUUID();
    JobPosting toStore = parsed;
    UUID given = postingId;
    postingId = jdbi.inTransaction(h -> {
      credits.spend(h, user, credits.prices().tailor(), "tailor CV to a job posting", chargeKey);
      return toStore == null ? given : postings.store(h, user, null, toStore);
    });
    ChatEngine.Request request = new ChatEngine.Request(cv.content(), cv.version(), List.of(),
        AltoAiEngine.TAILOR_MESSAGE, postingText, ChatEngine.Task.TAILOR);
    Turn turn = new Turn(user, cvId, cv.version(), chargeKey, PatchSource.TAILOR, false, postingId);
    new SseHandler(client -> stream(client, e, request, turn)).handle(ctx);
  }

  /** The engine, after the checks every AI request passes: configured, consented, asked for as a stream. */
  private ChatEngine ready(SessionService.Current s, Context ctx, String what) {
    ChatEngine e = engine;
    if (e == null) {
      throw new ApiException(503, ErrorCode.AI_UNAVAILABLE, "the AI " + what + " is not available: no AI provider "
          + "is configured on this server. Everything else works without it.", Map.of());
    }
    if (s.user().aiConsentAt() == null) {
      throw new ApiException(403, ErrorCode.CONSENT_REQUIRED, "the AI " + what + " sends your CV text to an "
          + "external AI provider: agree to that in the account settings first (PATCH /api/v1/account "
          + "{\"aiConsent\": true})", Map.of());
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(406, "not_acceptable", "the answer is an event stream: send Accept: text/event-stream",
          Map.of());
    }
    return e;
  }

  /**
   * One streamed AI turn.
   *
   * @param user the user
   * @param cvId the CV
   * @param version the version the proposal is made against
   * @param chargeKey the charge to refund when it fails
   * @param source ai or tailor
   * @param chat whether the answer joins the chat history (tailoring does not)
   * @param postingId the posting tailored to, or null
   */
  private record Turn(UUID user, UUID cvId, long version, String chargeKey, PatchSource source, boolean chat,
      @Nullable UUID postingId) {}

  private void stream(SseClient client, ChatEngine e, ChatEngine.Request request, Turn turn) {
    StringBuilder answer = new StringBuilder();
    UUID[] proposalId = new UUID[1];
    ChatEngine.Sink sink = new ChatEngine.Sink() {
      @Override
      public void delta(String text) {
        answer.append(text);
        client.sendEvent("delta", Jsons.write(Map.of("text", text)));
      }

      @Override
      public void toolCall(String name, String argumentsJson) {
        toolCall(name, argumentsJson, null, null);
      }

      @Override
      public void toolCall(String name, String argumentsJson, @Nullable Integer editIndex, @Nullable String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("arguments", arguments(argumentsJson));
        if (editIndex != null) {
          m.put("editIndex", editIndex);
        }
        if (error != null) {
          m.put("error", error);
        }
        client.sendEvent("tool_call", Jsons.write(m));
      }

      @Override
      public void proposal(@Nullable String summary, List<ChatEngine.ProposedEdit> edits) {
        if (edits.isEmpty()) {
          return;
        }
        ProposalService.Proposal p = proposals.create(turn.user(), turn.cvId(), turn.version(), turn.source(),
            summary, edits);
        proposalId[0] = p.id();
        client.sendEvent("proposal", Jsons.write(view(p)));
      }

      @Override
      public void usage(long inputTokens, long outputTokens) {
        client.sendEvent("usage", Jsons.write(Map.of("inputTokens", inputTokens, "outputTokens", outputTokens)));
      }
    };
    try {
      e.respond(request, sink);
      if (!turn.chat() && proposalId[0] == null) {
        boolean refunded = credits.refund(turn.user(), turn.chargeKey(), "refund: tailoring proposed no edit");
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", "no_edits");
        err.put("message", "the AI proposed no edit for this posting, so tailoring was not charged"
            + (answer.length() == 0 ? "" : "; it said: " + answer));
        err.put("refunded", refunded);
        client.sendEvent("error", Jsons.write(err));
        client.sendEvent("done", Jsons.write(done(turn, null, null)));
        return;
      }
      Long id = turn.chat() ? saveMessage(turn.cvId(), turn.user(), "assistant", answer.toString(), proposalId[0])
          : null;
      client.sendEvent("done", Jsons.write(done(turn, id, proposalId[0])));
    } catch (Exception ex) {
      LOG.atWarn().addKeyValue("cvId", turn.cvId()).addKeyValue("error", ex.getClass().getName())
          .addKeyValue("kind", ex instanceof ChatEngine.Failure f ? f.kind() : null).log("AI turn failed");
      boolean refunded = credits.refund(turn.user(), turn.chargeKey(), "refund: the AI provider failed");
      if (turn.chat() && answer.length() > 0) {
        saveMessage(turn.cvId(), turn.user(), "assistant", answer.toString(), null);
      }
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("code", ErrorCode.AI_UNAVAILABLE);
      if (ex instanceof ChatEngine.Failure f) {
        err.put("kind", f.kind());
        err.put("message", f.getMessage() + (refunded ? "; it was not charged" : ""));
        err.put("retryable", f.retryable());
      } else {
        err.put("message", "the AI provider failed to answer" + (refunded ? "; it was not charged" : ""));
        err.put("retryable", true);
      }
      err.put("partialText", answer.toString());
      err.put("refunded", refunded);
      client.sendEvent("error", Jsons.write(err));
      client.sendEvent("done", Jsons.write(done(turn, null, null)));
    } finally {
      client.close();
    }
  }

  private static Map<String, Object> done(Turn turn, @Nullable Long messageId, @Nullable UUID proposalId) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (messageId != null) {
      m.put("messageId", messageId);
    }
    if (proposalId != null) {
      m.put("proposalId", proposalId);
    }
    if (turn.postingId() != null) {
      m.put("postingId", turn.postingId());
    }
    return m;
  }

  /** The model's arguments as JSON when they are JSON, else as the text it wrote. */
  private static Object arguments(String text) {
    try {
      return Jsons.MAPPER.readTree(text);
    } catch (java.io.IOException | RuntimeException e) {
      return text;
    }
  }

  private long saveMessage(UUID cvId, UUID user, String role, String content, @Nullable UUID proposal) {
    return jdbi.withHandle(h -> h.createQuery("insert into chat_messages (cv_id, user_id, role, content, "
            + "proposal_id, created_at) values (:cv, :u, :r, :c, cast(:p as uuid), :now) returning id")
        .bind("cv", cvId).bind("u", user).bind("r", role).bind("c", content)
        .bind("p", proposal == null ? null : proposal.toString()).bind("now", clock.instant())
        .mapTo(Long.class).one());
  }

  private void history(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cvId = CvRoutes.id(ctx);
    cvs.get(user, cvId);
    List<Map<String, Object>> messages = jdbi.withHandle(h -> h.createQuery("select id, role, content, "
            + "proposal_id, created_at from chat_messages where cv_id = :cv and user_id = :u order by id")
        .bind("cv", cvId).bind("u", user)
        .map((rs, c) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong("id"));
          m.put("role", rs.getString("role"));
          m.put("content", rs.getString("content"));
          UUID p = rs.getObject("proposal_id", UUID.class);
          if (p != null) {
            m.put("proposalId", p);
          }
          m.put("createdAt", rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
          return m;
        }).list());
    ctx.json(Map.of("messages", messages));
  }

  private void accept(Context ctx) {
    UUID user = auth.userId(ctx);
    UUID cvId = CvRoutes.id(ctx);
    UUID id = pid(ctx);
    long expected = CvRoutes.ifMatch(ctx);
    AcceptBody body = Jsons.body(ctx, AcceptBody.class);
    if (body.edit() == null) {
      throw ApiException.validation("'edit' is required: the index of the edit to accept", Map.of("field", "edit"));
    }
    CvService.Loaded after = proposals.accept(user, cvId, id, body.edit(), expected);
    ctx.header("ETag", CvRoutes.etag(after.cv().version()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cv", Jsons.tree(Jsons.write(dev.altocv.server.cv.CvJson.of(after))));
    out.put("proposal", view(proposals.get(user, cvId, id)));
    ctx.json(out);
  }

  static Map<String, Object> view(ProposalService.Proposal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("cvId", p.cvId());
    m.put("baseVersion", p.baseVersion());
    m.put("source", p.source());
    if (p.summary() != null) {
      m.put("summary", p.summary());
    }
    m.put("edits", p.edits());
    m.put("createdAt", p.createdAt());
    return m;
  }
}
