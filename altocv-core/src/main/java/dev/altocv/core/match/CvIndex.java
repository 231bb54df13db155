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
 * Many CVs, ranked for one job: a Lucene index (BM25 over the CVs' skills and text, plus nearest vectors when an
 * embedder is set) finds candidates, and each candidate is scored by the same rules as {@link JobMatcher}. Each
 * CV is analysed once, when added. In memory; thread-safe.
 *
 * <pre>{@code
 * CvIndex index = CvIndex.builder().build();
 * index.add("anna.json", anna);
 * index.add("ben.json", ben);
 * List<Ranked> best = index.rank(JobPosting.parse(text), 10);
 * }</pre>
 */
public final class CvIndex {
  private final @Nullable Embedder embedder;
  private final Clock clock;
  private final SearchIndex index = new SearchIndex();
  private final Map<String, CvProfile> profiles = new ConcurrentHashMap<>();
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  private CvIndex(@Nullable Embedder embedder, Clock clock) {
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
   * Adds a CV, or replaces the one with the same key.
   *
   * @param key how results name it (a file name, a database id)
   * @param cv the CV
   */
  public void add(String key, Cv cv) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(cv, "cv");
    CvProfile p = CvProfile.of(cv, YearMonth.now(clock));
    float[] v = embedder == null ? null : embedder.embed(p.semanticText());
    Set<Integer> strong = new HashSet<>();
    Set<Integer> weak = new HashSet<>();
    for (Map.Entry<Integer, CvProfile.Evidence> e : p.skills().entrySet()) {
      (e.getValue().inExperience() ? strong : weak).add(e.getKey());
    }
    index.put(key, strong, weak, p.semanticText(), v);
    profiles.put(key, p);
    if (v != null) {
      vectors.put(key, v);
    }
  }

  /**
   * Removes a CV.
   *
   * @param key its key
   * @return whether it was there
   */
  public boolean remove(String key) {
    boolean had = profiles.remove(key) != null;
    vectors.remove(key);
    index.remove(key);
    return had;
  }

  /**
   * The number of CVs.
   *
   * @return the size
   */
  public int size() {
    return profiles.size();
  }

  /**
   * Ranks the CVs for a posting, best first.
   *
   * @param posting the posting
   * @param limit at most this many results
   * @return results with their match reports (suggestions included), best first; ties broken by skills,
   *     experience, then key
   */
  public List<Ranked> rank(JobPosting posting, int limit) {
    Objects.requireNonNull(posting, "posting");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    PostingProfile job = PostingProfile.of(posting);
    float[] jobVector = embedder == null ? null : embedder.embed(job.semanticText());
    Map<Integer, Float> strong = new HashMap<>();
    Map<Integer, Float> weak = new HashMap<>();
    for (PostingProfile.Want w : job.wants()) {
      if (!w.def().soft()) {
        strong.put(w.def().id(), (float) w.weight());
        weak.put(w.def().id(), (float) (w.weight() * 0.3));
      }
    }
    // a small index is scored whole; a large one through the Lucene candidates
    List<String> keys = profiles.size() <= Ranking.candidates(limit) ? new ArrayList<>(profiles.keySet())
        : index.candidates(strong, weak, Ranking.topTerms(job.terms(), 30), jobVector,
        Ranking.candidates(limit));
    List<Ranked> scored = new ArrayList<>(keys.size());
    for (String k : keys) {
      CvProfile p = profiles.get(k);
      if (p != null) {
        scored.add(new Ranked(k, Scorer.score(p, job, vectors.get(k), jobVector, false)));
      }
    }
    scored.sort(Ranking.BEST_FIRST);
    List<Ranked> out = new ArrayList<>(Math.min(limit, scored.size()));
    for (Ranked r : scored.subList(0, Math.min(limit, scored.size()))) {
      out.add(new Ranked(r.key(), Scorer.score(profiles.get(r.key()), job, vectors.get(r.key()), jobVector, true)));
    }
    return out;
  }

  /** Builds a {@link CvIndex}. */
  public static final class Builder {
    private @Nullable Embedder embedder;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * Uses an embedder: CVs are embedded when added, candidates include the nearest vectors, and scores use
     * semantic similarity.
     *
     * @param e the embedder
     * @return this builder
     */
    public Builder embedder(Embedder e) {
      this.embedder = Objects.requireNonNull(e, "embedder");
      return this;
    }

    /**
     * The clock that says what "now" is; the system clock by default.
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
    public CvIndex build() {
      return new CvIndex(embedder, clock);
    }
  }
}
