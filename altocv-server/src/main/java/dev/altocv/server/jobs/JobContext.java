package dev.altocv.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a job handler gets: the job, its input, and a way to report progress. */
public final class JobContext {
  private final UUID jobId;
  private final UUID userId;
  private final @Nullable UUID cvId;
  private final JsonNode input;
  private final int attempt;
  private final Jobs jobs;

  JobContext(UUID jobId, UUID userId, @Nullable UUID cvId, JsonNode input, int attempt, Jobs jobs) {
    this.jobId = jobId;
    this.userId = userId;
    this.cvId = cvId;
    this.input = input;
    this.attempt = attempt;
    this.jobs = jobs;
  }

  /** @return the job's id */
  public UUID jobId() {
    return jobId;
  }

  /** @return the owner */
  public UUID userId() {
    return userId;
  }

  /** @return the CV, if the job works on one */
  public @Nullable UUID cvId() {
    return cvId;
  }

  /** @return the input given when the job was queued */
  public JsonNode input() {
    return input;
  }

  /** @return 1 for the first attempt */
  public int attempt() {
    return attempt;
  }

  /**
   * Reports progress (an event the page shows).
   *
   * @param percent 0 to 99 (100 is reported when the job succeeds)
   * @param message what is happening, without personal data
   */
  public void progress(int percent, String message) {
    jobs.progress(jobId, percent, message);
  }
}
