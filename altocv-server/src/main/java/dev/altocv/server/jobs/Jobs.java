package dev.altocv.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Jsons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs: a persistent, cluster-safe queue in PostgreSQL (db-scheduler). A job is a row in
 * {@code jobs} plus a queue entry, both written in the caller's transaction, together with the charge for it:
 * nothing is queued for work that was not paid for, and nothing paid for is lost. Any node runs it; progress
 * goes to {@code job_events} (streamed to the page). A node that dies mid-job stops sending heartbeats and
 * another node revives the job, which runs again from the start (handlers are written to be re-run); a job
 * that fails on its last attempt is refunded by a compensating ledger row.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  /** The db-scheduler task that runs user jobs. */
  static final String TASK = "altocv-job";

  /** Runs one kind of job. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Does the work; may run more than once for one job (after a crash), so it must be safe to repeat.
     *
     * @param ctx the job
     * @return the result, written as JSON (a record or map), or null
     * @throws Exception to fail this attempt ({@link JobFailedException} fails the job at once)
     */
    @Nullable Object run(JobContext ctx) throws Exception;
  }

  /**
   * A kind of job.
   *
   * @param name the type name, e.g. {@code export}
   * @param maxAttempts attempts before the job fails (and is refunded)
   * @param handler the work
   */
  public record Type(String name, int maxAttempts, Handler handler) {}

  /**
   * Work that runs on a fixed delay on one node of the cluster at a time.
   *
   * @param name the task name
   * @param every how often
   * @param work the work
   */
  public record Recurring(String name, Duration every, Runnable work) {}

  /**
   * Tuning.
   *
   * @param threads worker threads on this node
   * @param pollingInterval how often the queue is checked when idle
   * @param heartbeatInterval how often a running job's heartbeat is written; a job whose heartbeat stops for
   *     four intervals is taken to be dead and is revived elsewhere
   */
  public record Config(int threads, Duration pollingInterval, Duration heartbeatInterval) {
    /** The defaults for a server. */
    public static Config defaults(int threads) {
      return new Config(threads, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }
  }

  /**
   * A job as its owner sees it.
   *
   * @param id the id
   * @param type the type
   * @param cvId the CV it works on, if any
   * @param status queued, running, succeeded or failed
   * @param progress 0 to 100
   * @param attempts attempts so far
   * @param result the result, when succeeded
   * @param error why it failed, when failed
   * @param cost credits charged (refunded when failed)
   * @param createdAt created
   * @param updatedAt last change
   * @param finishedAt finished, or null
   */
  public record JobView(UUID id, String type, @Nullable UUID cvId, String status, int progress, int attempts,
      @Nullable JsonNode result, @Nullable String error, long cost, Instant createdAt, Instant updatedAt,
      @Nullable Instant finishedAt) {
    /** @return whether the job has finished */
    public boolean finished() {
      return status.equals("succeeded") || status.equals("failed");
    }
  }

  /**
   * A progress event.
   *
   * @param id increasing id (the SSE event id)
   * @param type started, progress, retrying, done or failed
   * @param data the event's data
   * @param at when
   */
  public record Event(long id, String type, JsonNode data, Instant at) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final CreditService credits;
  private final Map<String, Type> types = new LinkedHashMap<>();
  private final Scheduler scheduler;

  /**
   * @param dataSource the database (db-scheduler uses it directly)
   * @param jdbi the database
   * @param clock the clock
   * @param credits the ledger (refunds)
   * @param types the job types
   * @param recurring recurring work
   * @param config tuning
   */
  public Jobs(DataSource dataSource, Jdbi jdbi, Clock clock, CreditService credits, List<Type> types,
      List<Recurring> recurring, Config config) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.credits = credits;
    types.forEach(t -> this.types.put(t.name(), t));
    OneTimeTask<Void> task = Tasks.oneTime(TASK)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2)))
        .execute((instance, ctx) -> execute(UUID.fromString(instance.getId())));
    List<Task<?>> all = new ArrayList<>();
    all.add(task);
    List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void>> rec = new ArrayList<>();
    for (Recurring r : recurring) {
      rec.add(Tasks.recurring(r.name(), Schedules.fixedDelay(r.every())).execute((i, c) -> {
        try {
          r.work().run();
        } catch (RuntimeException e) {
          LOG.atWarn().setCause(e).addKeyValue("task", r.name()).log("recurring task failed");
          throw e;
        }
      }));
    }
    this.scheduler = Scheduler.create(dataSource, all)
        .startTasks(rec)
        .threads(config.threads())
        .pollingInterval(config.pollingInterval())
        .heartbeatInterval(config.heartbeatInterval())
        .missedHeartbeatsLimit(4)
        .pollUsingLockAndFetch(0.5, 1.0)
        .enableImmediateExecution()
        .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.DEBUG, false)
        .build();
  }

  /** Starts taking jobs. */
  public void start() {
    scheduler.start();
  }

  /** Stops taking jobs; running jobs get a short while to finish and are otherwise revived later. */
  @Override
  public void close() {
    scheduler.stop();
  }

  /**
   * Queues a job in the caller's transaction, charging for it there.
   *
   * @param h the handle, in a transaction
   * @param userId the owner
   * @param cvId the CV, if any
   * @param type the type (must be registered)
   * @param input the input, written as JSON
   * @param cost credits to charge (0 for free jobs)
   * @param reason the ledger reason
   * @return the job's id
   */
  public UUID enqueue(Handle h, UUID userId, @Nullable UUID cvId, String type, Object input, long cost,
      String reason) {
    Type t = types.get(type);
    if (t == null) {
      throw new IllegalArgumentException("no job type " + type);
    }
    UUID id = UUID.randomUUID();
    String chargeKey = "job:" + id;
    if (cost > 0) {
      credits.spend(h, userId, cost, reason, chargeKey);
    }
    Instant now = clock.instant();
    h.createUpdate("insert into jobs (id, user_id, cv_id, type, status, input, cost, charge_key, max_attempts, "
            + "created_at, updated_at) values (:id, :u, cast(:cv as uuid), :t, 'queued', :in, :cost, :key, :max, :now, :now)")
        .bind("id", id).bind("u", userId).bind("cv", cvId == null ? null : cvId.toString()).bind("t", type).bind("in", Jsons.write(input))
        .bind("cost", cost).bind("key", cost > 0 ? chargeKey : null).bind("max", t.maxAttempts())
        .bind("now", now).execute();
    h.createUpdate("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, "
            + "version, priority) values (:task, :id, null, :now, false, 1, 0)")
        .bind("task", TASK).bind("id", id.toString()).bind("now", now).execute();
    event(h, id, "queued", Map.of());
    return id;
  }

  /** Asks the scheduler to look for due work now (after a commit that queued a job). */
  public void poke() {
    scheduler.triggerCheckForDueExecutions();
  }

  /**
   * A job of a user.
   *
   * @param userId the user
   * @param id the job
   * @return the job, or empty when it does not exist or is someone else's
   */
  public Optional<JobView> get(UUID userId, UUID id) {
    return jdbi.withHandle(h -> h.createQuery("select id, type, cv_id, status, progress, attempts, result, error, "
            + "cost, created_at, updated_at, finished_at from jobs where id = :id and user_id = :u")
        .bind("id", id).bind("u", userId).map((rs, c) -> {
          String result = rs.getString("result");
          OffsetDateTime fin = rs.getObject("finished_at", OffsetDateTime.class);
          return new JobView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getObject("cv_id", UUID.class),
              rs.getString("status"), rs.getInt("progress"), rs.getInt("attempts"),
              result == null ? null : Jsons.tree(result), rs.getString("error"), rs.getLong("cost"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant(),
              rs.getObject("updated_at", OffsetDateTime.class).toInstant(), fin == null ? null : fin.toInstant());
        }).findOne());
  }

  /**
   * Events of a job after an id.
   *
   * @param jobId the job
   * @param afterId only events with a larger id
   * @return the events, oldest first
   */
  public List<Event> events(UUID jobId, long afterId) {
    return jdbi.withHandle(h -> h.createQuery("select id, type, data, created_at from job_events "
            + "where job_id = :j and id > :a order by id")
        .bind("j", jobId).bind("a", afterId)
        .map((rs, c) -> new Event(rs.getLong("id"), rs.getString("type"), Jsons.tree(rs.getString("data")),
            rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list());
  }

  private record Row(UUID userId, @Nullable UUID cvId, String type, String status, String input, int attempts,
      int maxAttempts, long cost, @Nullable String chargeKey) {}

  private void execute(UUID jobId) {
    Optional<Row> found = jdbi.withHandle(h -> h.createQuery("select user_id, cv_id, type, status, input, attempts, "
            + "max_attempts, cost, charge_key from jobs where id = :id")
        .bind("id", jobId)
        .map((rs, c) -> new Row(rs.getObject("user_id", UUID.class), rs.getObject("cv_id", UUID.class),
            rs.getString("type"), rs.getString("status"), rs.getString("input"), rs.getInt("attempts"),
            rs.getInt("max_attempts"), rs.getLong("cost"), rs.getString("charge_key")))
        .findOne());
    if (found.isEmpty() || found.get().status().equals("succeeded") || found.get().status().equals("failed")) {
      return; // deleted with its account, or already finished
    }
    Row job = found.get();
    Type type = types.get(job.type());
    if (type == null) {
      fail(jobId, job, "this server does not know job type " + job.type());
      return;
    }
    if (job.attempts() >= job.maxAttempts()) {
      // the last attempt died with its node
      fail(jobId, job, "the job stopped " + job.attempts() + " times without finishing");
      return;
    }
    int attempt = jdbi.withHandle(h -> {
      int a = h.createQuery("update jobs set status = 'running', attempts = attempts + 1, updated_at = :now "
              + "where id = :id returning attempts")
          .bind("now", clock.instant()).bind("id", jobId).mapTo(Integer.class).one();
      event(h, jobId, "started", Map.of("attempt", a));
      return a;
    });
    LOG.atInfo().addKeyValue("jobId", jobId).addKeyValue("type", job.type()).addKeyValue("attempt", attempt)
        .log("job started");
    JobContext ctx = new JobContext(jobId, job.userId(), job.cvId(), Jsons.tree(job.input()), attempt, this);
    Object result;
    try {
      result = type.handler().run(ctx);
    } catch (JobFailedException e) {
      fail(jobId, job, e.getMessage());
      return;
    } catch (Exception e) {
      String why = e instanceof ApiException ? e.getMessage() : "the job failed (" + e.getClass().getSimpleName() + ")";
      LOG.atWarn().addKeyValue("jobId", jobId).addKeyValue("type", job.type()).addKeyValue("attempt", attempt)
          .addKeyValue("error", e.getClass().getName()).log("job attempt failed");
      if (attempt >= job.maxAttempts()) {
        fail(jobId, job, why);
        return;
      }
      jdbi.useHandle(h -> {
        h.createUpdate("update jobs set status = 'queued', updated_at = :now where id = :id")
            .bind("now", clock.instant()).bind("id", jobId).execute();
        event(h, jobId, "retrying", Map.of("attempt", attempt, "error", String.valueOf(why)));
      });
      throw new RuntimeException("job " + jobId + " attempt " + attempt + " failed", e);
    }
    String json = result == null ? null : Jsons.write(result);
    jdbi.useHandle(h -> {
      Instant now = clock.instant();
      h.createUpdate("update jobs set status = 'succeeded', progress = 100, result = :r, updated_at = :now, "
              + "finished_at = :now where id = :id")
          .bind("r", json).bind("now", now).bind("id", jobId).execute();
      event(h, jobId, "done", json == null ? Map.of() : Map.of("result", Jsons.tree(json)));
    });
    LOG.atInfo().addKeyValue("jobId", jobId).addKeyValue("type", job.type()).log("job succeeded");
  }

  private void fail(UUID jobId, Row job, @Nullable String why) {
    String reason = why == null ? "the job failed" : why;
    jdbi.useTransaction(h -> {
      Instant now = clock.instant();
      boolean refunded = job.chargeKey() != null
          && credits.refund(h, job.userId(), job.chargeKey(), "refund: " + job.type() + " job failed");
      h.createUpdate("update jobs set status = 'failed', error = :e, updated_at = :now, finished_at = :now "
              + "where id = :id")
          .bind("e", reason).bind("now", now).bind("id", jobId).execute();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("error", reason);
      data.put("refunded", refunded ? job.cost() : 0);
      event(h, jobId, "failed", data);
    });
    LOG.atWarn().addKeyValue("jobId", jobId).addKeyValue("type", job.type()).log("job failed");
  }

  void progress(UUID jobId, int percent, String message) {
    int p = Math.max(0, Math.min(99, percent));
    jdbi.useHandle(h -> {
      h.createUpdate("update jobs set progress = :p, updated_at = :now where id = :id")
          .bind("p", p).bind("now", clock.instant()).bind("id", jobId).execute();
      event(h, jobId, "progress", Map.of("progress", p, "message", message));
    });
  }

  private void event(Handle h, UUID jobId, String type, Map<String, ?> data) {
    h.createUpdate("insert into job_events (job_id, type, data, created_at) values (:j, :t, :d, :now)")
        .bind("j", jobId).bind("t", type).bind("d", Jsons.write(data)).bind("now", clock.instant()).execute();
  }
}
