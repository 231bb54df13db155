package dev.altocv.core.internal.match;

import dev.altocv.core.match.Ranked;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Query building and result ordering shared by the CV and job indexes. */
public final class Ranking {
  private Ranking() {}

  /** Best first; ties by skills, then experience, then key, so the order is stable. */
  public static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt(Ranked::score).reversed()
      .thenComparing(Comparator.comparingInt((Ranked r) -> r.report().skills()).reversed())
      .thenComparing(Comparator.comparingInt((Ranked r) -> r.report().experience()).reversed())
      .thenComparing(Ranked::key);

  /**
   * How many candidates to take from the index for a final list: generous, since re-scoring is cheap.
   *
   * @param limit the results wanted
   * @return the candidates
   */
  public static int candidates(int limit) {
    return Math.max(300, limit * 10);
  }

  /**
   * The text terms of a query with boosts: the top terms of a term vector.
   *
   * @param vector the term vector
   * @param max at most this many
   * @return terms to boosts
   */
  public static Map<String, Float> topTerms(Map<String, Double> vector, int max) {
    List<Map.Entry<String, Double>> entries = vector.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(max).toList();
    Map<String, Float> out = new HashMap<>();
    for (Map.Entry<String, Double> e : entries) {
      out.put(e.getKey(), (float) (0.2 + e.getValue()));
    }
    return out;
  }

}
