package dev.altocv.core.match;

import dev.altocv.core.embed.Embedder;
import dev.altocv.core.internal.match.CvProfile;
import dev.altocv.core.internal.match.PostingProfile;
import dev.altocv.core.internal.match.Ranking;
import dev.altocv.core.internal.match.Scorer;
import dev.altocv.core.internal.match.SearchIndex;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Many job postings, ranked for one CV: the mirror of {@link CvIndex}. Postings are indexed by their required
 * and preferred skills and text; a CV's skills (those its experience shows count most) find candidates, which
 * are scored by the rules of {@link JobMatcher}. In memory; thread-safe.
 */
public final class JobIndex {
  private final @Nullable Embedder embedder;
  private final Clock clock;
  private final SearchIndex index = new SearchIndex();
  private final Map<String, PostingProfile> postings = new ConcurrentHashMap<>();
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  private JobIndex(@Nullable Embedder embedder, Clock clock) {
    this.embedder = embedder;
    this.clock = clock;
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
   * Adds a posting, or replaces the one with the same key.
   *
   * @param key how results name it
   * @param posting the posting
   */
  public void add(String key, JobPosting posting) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(posting, "posting");
    PostingProfile p = PostingProfile.of(posting);
    float[] v = embedder == null ? null : embedder.embed(p.semanticText());
    Set<Integer> required = new HashSet<>();
    Set<Integer> preferred = new HashSet<>();
    for (PostingProfile.Want w : p.wants()) {
      (w.required() ? required : preferred).add(w.def().id());
    }
    index.put(key, required, preferred, p.semanticText(), v);
    postings.put(key, p);
    if (v != null) {
      vectors.put(key, v);
    }
  }

  /**
   * Removes a posting.
   *
   * @param key its key
   * @return whether it was there
   */
  public boolean remove(String key) {
    boolean had = postings.remove(key) != null;
    vectors.remove(key);
    index.remove(key);
    return had;
  }

  /**
   * The number of postings.
   *
   * @return the size
   */
  public int size() {
    return postings.size();
  }

  /**
   * Ranks the postings for a CV, best fit first.
   *
   * @param cv the CV
   * @param limit at most this many results
   * @return results with their match reports, best first
   */
  public List<Ranked> rank(Cv cv, int limit) {
    Objects.requireNonNull(cv, "cv");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    CvProfile p = CvProfile.of(cv, YearMonth.now(clock));
    float[] cvVector = embedder == null ? null : embedder.embed(p.semanticText());
    Map<Integer, Float> strong = new HashMap<>();
    Map<Integer, Float> weak = new HashMap<>();
    for (Map.Entry<Integer, CvProfile.Evidence> e : p.skills().entrySet()) {
      float s = (float) e.getValue().strength();
      strong.put(e.getKey(), 2 * s);
      weak.put(e.getKey(), s);
    }
    // a small index is scored whole; a large one through the Lucene candidates
    List<String> keys = postings.size() <= Ranking.candidates(limit) ? new ArrayList<>(postings.keySet())
        : index.candidates(strong, weak, Ranking.topTerms(p.terms(), 30), cvVector,
        Ranking.candidates(limit));
    List<Ranked> scored = new ArrayList<>(keys.size());
    for (String k : keys) {
      PostingProfile job = postings.get(k);
      if (job != null) {
        scored.add(new Ranked(k, Scorer.score(p, job, cvVector, vectors.get(k), false)));
      }
    }
    scored.sort(Ranking.BEST_FIRST);
    List<Ranked> out = new ArrayList<>(Math.min(limit, scored.size()));
    for (Ranked r : scored.subList(0, Math.min(limit, scored.size()))) {
      out.add(new Ranked(r.key(), Scorer.score(p, postings.get(r.key()), cvVector, vectors.get(r.key()), true)));
    }
    return out;
  }

  /** Builds a {@link JobIndex}. */
  public static final class Builder {
    private @Nullable Embedder embedder;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * Uses an embedder for candidates and semantic scores.
     *
     * @param e the embedder
     * @return this builder
     */
    public Builder embedder(Embedder e) {
      this.embedder = Objects.requireNonNull(e, "embedder");
      return this;
    }

    /**
     * The clock that says what "now" is.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Builds the index, empty.
     *
     * @return the index
     */
    public JobIndex build() {
      return new JobIndex(embedder, clock);
    }
  }
}
