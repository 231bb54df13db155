package dev.altocv.ai;

import java.time.Duration;
import java.util.Locale;

/**
 * What an AI call is for. Each task is routed to a provider's model by configuration
 * ({@code ALTOCV_AI_MODEL_<TASK>}, else {@code ALTOCV_AI_MODEL}, else the provider's default for the task's
 * {@link ModelSize}), with its own token cap and time-out.
 */
public enum Task {
  /** The editor's chat: conversation with tool calls that propose edits. */
  CHAT(ModelSize.LARGE, 4096, Duration.ofSeconds(90)),
  /** Rewriting a bullet, summary or section. */
  REWRITE(ModelSize.LARGE, 2048, Duration.ofSeconds(60)),
  /** Tailoring a whole CV to a job posting (a proposal). */
  TAILOR(ModelSize.LARGE, 8192, Duration.ofSeconds(180)),
  /** Short formatting rewrites (capitalisation, tense, punctuation). */
  FORMAT(ModelSize.FAST, 1024, Duration.ofSeconds(30)),
  /** Extracting the structure of a job posting. */
  EXTRACT_JOB(ModelSize.SMALL, 2048, Duration.ofSeconds(60)),
  /** Structuring CV text that the rule-based importer found ambiguous. */
  PARSE_CV(ModelSize.SMALL, 8192, Duration.ofSeconds(120)),
  /** Explaining ATS findings in plain words. */
  EXPLAIN_ATS(ModelSize.SMALL, 2048, Duration.ofSeconds(60));

  /** The kind of model a task wants by default. */
  public enum ModelSize {
    /** The provider's most capable general model: chat, rewriting, tailoring. */
    LARGE,
    /** A smaller, cheaper model: extraction, parsing, explanations. */
    SMALL,
    /** The fastest model: short formatting rewrites. */
    FAST
  }

  private final ModelSize size;
  private final int defaultMaxTokens;
  private final Duration defaultTimeout;

  Task(ModelSize size, int defaultMaxTokens, Duration defaultTimeout) {
    this.size = size;
    this.defaultMaxTokens = defaultMaxTokens;
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * The kind of model this task is routed to when no model is configured for it.
   *
   * @return the size
   */
  public ModelSize size() {
    return size;
  }

  /**
   * The output token cap when none is configured.
   *
   * @return the cap
   */
  public int defaultMaxTokens() {
    return defaultMaxTokens;
  }

  /**
   * The time-out of one call when none is configured.
   *
   * @return the time-out
   */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /**
   * The name in JSON and configuration values.
   *
   * @return for example {@code extract-job}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The suffix of this task's environment variables.
   *
   * @return for example {@code EXTRACT_JOB} (as in {@code ALTOCV_AI_MODEL_EXTRACT_JOB})
   */
  public String envSuffix() {
    return name();
  }

  /**
   * Looks a task up by its JSON name.
   *
   * @param name for example {@code chat}
   * @return the task
   * @throws IllegalArgumentException naming the tasks
   */
  public static Task fromJson(String name) {
    for (Task t : values()) {
      if (t.json().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task '" + name
        + "'; tasks: chat, rewrite, tailor, format, extract-job, parse-cv, explain-ats");
  }
}
