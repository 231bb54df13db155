package dev.altocv.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.match.CvIndex;
import dev.altocv.core.match.Ranked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NDCG@5 of {@code rank} (through {@link CvIndex}) on the labelled set, against keyword overlap and TF-IDF
 * cosine, across professions (all 48 CVs per posting) and within professions (only the posting's own
 * profession). Floors are set from measurement (see benchmarks/RESULTS.md) a little below the figures measured,
 * so that a regression fails. Writes the table to target/quality-ndcg.md.
 */
class RankingQualityTest {
  static QualitySet set;
  static final Map<String, double[]> ACROSS = new LinkedHashMap<>(); // posting -> altocv, overlap, tfidf
  static final Map<String, double[]> WITHIN = new LinkedHashMap<>();

  @BeforeAll
  static void rankEverything() throws IOException {
    set = QualitySet.load();
    for (String p : set.postings.keySet()) {
      ACROSS.put(p, evaluate(p, set.cvNames("")));
      String prefix = QualitySet.WITHIN.get(p);
      if (prefix != null) {
        WITHIN.put(p, evaluate(p, set.cvNames(prefix)));
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/quality-ndcg.md"), table());
  }

  private static double[] evaluate(String posting, List<String> pool) {
    CvIndex index = CvIndex.builder().clock(QualitySet.CLOCK).build();
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : pool) {
      index.add(name, set.cvs.get(name));
      texts.put(name, set.cvTexts.get(name));
    }
    List<String> ours = index.rank(set.postings.get(posting), 5).stream().map(Ranked::key).toList();
    Map<String, Integer> grades = set.grades.get(posting);
    String text = set.postingTexts.get(posting);
    return new double[] {
        QualitySet.ndcg(ours, grades, pool, 5),
        QualitySet.ndcg(Baselines.keywordOverlap(text, texts), grades, pool, 5),
        QualitySet.ndcg(Baselines.tfidf(text, texts), grades, pool, 5)};
  }

  static double[] mean(Map<String, double[]> rows, boolean tuning) {
    double[] sum = new double[3];
    int n = 0;
    for (Map.Entry<String, double[]> e : rows.entrySet()) {
      if (QualitySet.TUNING.contains(e.getKey()) == tuning) {
        for (int i = 0; i < 3; i++) {
          sum[i] += e.getValue()[i];
        }
        n++;
      }
    }
    for (int i = 0; i < 3; i++) {
      sum[i] = n == 0 ? Double.NaN : sum[i] / n;
    }
    return sum;
  }

  static double[] meanAll(Map<String, double[]> rows) {
    double[] sum = new double[3];
    for (double[] r : rows.values()) {
      for (int i = 0; i < 3; i++) {
        sum[i] += r[i] / rows.size();
      }
    }
    return sum;
  }

  private static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| set | posting | AltoCV | keyword overlap | TF-IDF |\n|---|---|---|---|---|\n");
    for (var part : List.of(Map.entry("across", ACROSS), Map.entry("within", WITHIN))) {
      for (Map.Entry<String, double[]> e : part.getValue().entrySet()) {
        sb.append(row(part.getKey() + (QualitySet.TUNING.contains(e.getKey()) ? "" : " (held out)"), e.getKey(),
            e.getValue()));
      }
      sb.append(row(part.getKey(), "mean, tuning part", mean(part.getValue(), true)));
      sb.append(row(part.getKey(), "mean, held-out part", mean(part.getValue(), false)));
      sb.append(row(part.getKey(), "mean, all", meanAll(part.getValue())));
    }
    return sb.toString();
  }

  private static String row(String set, String posting, double[] v) {
    return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f |%n", set, posting, v[0], v[1], v[2]);
  }

  @Test
  void acrossProfessionsAltoCvBeatsBothBaselines() {
    double[] all = meanAll(ACROSS);
    assertThat(all[0]).as(table()).isGreaterThan(all[1]).isGreaterThan(all[2]);
    assertThat(all[0]).as(table()).isGreaterThanOrEqualTo(ACROSS_FLOOR);
  }

  @Test
  void withinProfessionsAltoCvBeatsBothBaselines() {
    double[] all = meanAll(WITHIN);
    assertThat(all[0]).as(table()).isGreaterThan(all[1]).isGreaterThan(all[2]);
    assertThat(all[0]).as(table()).isGreaterThanOrEqualTo(WITHIN_FLOOR);
  }

  @Test
  void theHeldOutPartAlsoBeatsBothBaselines() {
    double[] across = mean(ACROSS, false);
    double[] within = mean(WITHIN, false);
    assertThat(across[0]).as(table()).isGreaterThan(across[1]).isGreaterThan(across[2]);
    assertThat(within[0]).as(table()).isGreaterThan(within[1]).isGreaterThan(within[2]);
  }

  @Test
  void everyPostingHasAFullGradeColumnAndTheSetHasItsShape() {
    assertThat(set.cvs).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set.postings).hasSizeGreaterThanOrEqualTo(8);
    for (Map<String, Integer> column : set.grades.values()) {
      assertThat(column.keySet()).containsExactlyInAnyOrderElementsOf(set.cvs.keySet());
      assertThat(column.values()).allSatisfy(g -> assertThat(g).isBetween(0, 3));
    }
    List<String> bigWithin = new ArrayList<>();
    QualitySet.WITHIN.forEach((p, prefix) -> {
      if (set.cvNames(prefix).size() >= 8) {
        bigWithin.add(p);
      }
    });
    assertThat(bigWithin).hasSizeGreaterThanOrEqualTo(4);
  }

  /** Set from measurement: see benchmarks/RESULTS.md. */
  static final double ACROSS_FLOOR = 0.95;
  static final double WITHIN_FLOOR = 0.95;
}
