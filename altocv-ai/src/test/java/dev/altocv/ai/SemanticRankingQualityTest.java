package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.ai.embed.LocalEmbedder;
import dev.altocv.core.embed.Embedder;
import dev.altocv.core.match.CvIndex;
import dev.altocv.core.match.Ranked;
import dev.altocv.core.quality.QualitySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NDCG@5 of {@code rank} on core's labelled quality set, lexical (no embedder) against semantic (the local
 * all-MiniLM-L6-v2 model), across professions and within them. The figures go to
 * target/quality-ndcg-semantic.md and benchmarks/RESULTS.md; the floors sit a little below what was measured so
 * a regression fails.
 */
class SemanticRankingQualityTest {
  static QualitySet set;
  static Embedder embedder;
  /** posting -> {lexical, semantic}. */
  static final Map<String, double[]> ACROSS = new LinkedHashMap<>();
  static final Map<String, double[]> WITHIN = new LinkedHashMap<>();

  @BeforeAll
  static void rank() throws IOException {
    set = QualitySet.load();
    embedder = new Cached(LocalEmbedder.create());
    for (String p : set.postings.keySet()) {
      ACROSS.put(p, evaluate(p, set.cvNames("")));
      String prefix = QualitySet.WITHIN.get(p);
      if (prefix != null) {
        WITHIN.put(p, evaluate(p, set.cvNames(prefix)));
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/quality-ndcg-semantic.md"), table());
  }

  /** The same CV is indexed once per posting: embed each distinct text once. */
  private record Cached(Embedder inner, Map<String, float[]> memo) implements Embedder {
    Cached(Embedder inner) {
      this(inner, new java.util.concurrent.ConcurrentHashMap<>());
    }

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimensions() {
      return inner.dimensions();
    }

    @Override
    public float[] embed(String text) {
      return memo.computeIfAbsent(text, inner::embed);
    }
  }

  private static double[] evaluate(String posting, List<String> pool) {
    return new double[] {ndcg(posting, pool, null), ndcg(posting, pool, embedder)};
  }

  private static double ndcg(String posting, List<String> pool, @Nullable Embedder e) {
    CvIndex.Builder b = CvIndex.builder().clock(QualitySet.CLOCK);
    if (e != null) {
      b.embedder(e);
    }
    CvIndex index = b.build();
    for (String name : pool) {
      index.add(name, set.cvs.get(name));
    }
    List<String> ranking = new ArrayList<>();
    for (Ranked r : index.rank(set.postings.get(posting), 5)) {
      ranking.add(r.key());
    }
    return QualitySet.ndcg(ranking, set.grades.get(posting), pool, 5);
  }

  private static double[] mean(Map<String, double[]> rows) {
    double[] m = new double[2];
    for (double[] r : rows.values()) {
      m[0] += r[0] / rows.size();
      m[1] += r[1] / rows.size();
    }
    return m;
  }

  private static String table() {
    StringBuilder sb = new StringBuilder("| posting | pool | lexical | semantic |\n|---|---|---|---|\n");
    ACROSS.forEach((p, r) -> sb.append(String.format(Locale.ROOT, "| %s | all 48 | %.3f | %.3f |%n", p, r[0], r[1])));
    WITHIN.forEach((p, r) -> sb.append(String.format(Locale.ROOT, "| %s | within | %.3f | %.3f |%n", p, r[0], r[1])));
    double[] a = mean(ACROSS);
    double[] w = mean(WITHIN);
    sb.append(String.format(Locale.ROOT, "| mean | across | %.3f | %.3f |%n", a[0], a[1]));
    sb.append(String.format(Locale.ROOT, "| mean | within | %.3f | %.3f |%n", w[0], w[1]));
    return sb.toString();
  }

  @Test
  void semanticRankingKeepsTheLexicalQuality() {
    double[] a = mean(ACROSS);
    double[] w = mean(WITHIN);
    System.out.println(table());
    assertThat(a[1]).as("semantic NDCG@5 across professions").isGreaterThanOrEqualTo(0.95);
    assertThat(w[1]).as("semantic NDCG@5 within professions").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theEmbedderChangesTheRankingSomewhere() {
    // guards the plumbing: with a real model the semantic part must influence at least one ranking
    boolean differs = false;
    for (String p : set.postings.keySet()) {
      List<String> pool = set.cvNames("");
      differs |= ACROSS.get(p)[0] != ACROSS.get(p)[1] || !top(p, pool, null).equals(top(p, pool, embedder));
    }
    assertThat(differs).isTrue();
  }

  private static List<String> top(String posting, List<String> pool, @Nullable Embedder e) {
    CvIndex.Builder b = CvIndex.builder().clock(QualitySet.CLOCK);
    if (e != null) {
      b.embedder(e);
    }
    CvIndex index = b.build();
    pool.forEach(n -> index.add(n, set.cvs.get(n)));
    return index.rank(set.postings.get(posting), 10).stream().map(Ranked::key).toList();
  }
}
