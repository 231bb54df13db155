package dev.altocv.core.match;

import dev.altocv.core.embed.Embedder;
import dev.altocv.core.internal.match.CvProfile;
import dev.altocv.core.internal.match.PostingProfile;
import dev.altocv.core.internal.match.Scorer;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scores how well a CV fits a job posting, deterministically, and explains it: matched and missing skills with
 * where each appears, and suggestions with patches. Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * JobMatcher matcher = JobMatcher.lexical();                      // or .builder().embedder(e).build()
 * MatchReport r = matcher.match(cv, JobPosting.parse(postingText));
 * r.overall();                                                    // 0-100
 * }</pre>
 */
public final class JobMatcher {
  private final @Nullable Embedder embedder;
  private final Clock clock;

  private JobMatcher(@Nullable Embedder embedder, Clock clock) {
    this.embedder = embedder;
    this.clock = clock;
  }

  /**
   * A matcher without an embedder: the summary fit is Lucene term similarity and reports say
   * {@code semantic: false}.
   *
   * @return the matcher
   */
  public static JobMatcher lexical() {
    return new JobMatcher(null, Clock.systemDefaultZone());
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The embedder, if one is used.
   *
   * @return the embedder
   */
  public Optional<Embedder> embedder() {
    return Optional.ofNullable(embedder);
  }

  /**
   * Scores a CV against a posting.
   *
   * @param cv the CV
   * @param posting the posting ({@link JobPosting#parse})
   * @return the report
   * @throws dev.altocv.core.AltoCvException when the embedder fails
   */
  public MatchReport match(Cv cv, JobPosting posting) {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(posting, "posting");
    CvProfile profile = CvProfile.of(cv, YearMonth.now(clock));
    PostingProfile job = PostingProfile.of(posting);
    float[] cvVector = null;
    float[] jobVector = null;
    if (embedder != null) {
      var vectors = embedder.embedAll(java.util.List.of(profile.semanticText(), job.semanticText()));
      cvVector = vectors.get(0);
      jobVector = vectors.get(1);
    }
    return Scorer.score(profile, job, cvVector, jobVector, true);
  }

  /** Builds a {@link JobMatcher}. */
  public static final class Builder {
    private @Nullable Embedder embedder;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * Uses an embedder for the summary fit (semantic matching).
     *
     * @param e the embedder
     * @return this builder
     */
    public Builder embedder(Embedder e) {
      this.embedder = Objects.requireNonNull(e, "embedder");
      return this;
    }

    /**
     * The clock that says what "now" is (for recency and current jobs); the system clock by default.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Builds the matcher.
     *
     * @return the matcher
     */
    public JobMatcher build() {
      return new JobMatcher(embedder, clock);
    }
  }
}
