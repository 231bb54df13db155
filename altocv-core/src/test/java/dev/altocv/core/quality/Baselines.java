package dev.altocv.core.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two baselines AltoCV's ranking must beat, both on Lucene's English analysis of the raw files: keyword
 * overlap (the share of the posting's distinct terms found in the CV) and TF-IDF cosine (idf from the CVs
 * being ranked).
 */
final class Baselines {
  private Baselines() {}

  private static final EnglishAnalyzer ENGLISH = new EnglishAnalyzer();

  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream("t", text.replaceAll("\"[a-zA-Z]+\"\\s*:", " "))) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Ranks by the share of the posting's distinct terms that occur in the CV. */
  static List<String> keywordOverlap(String posting, Map<String, String> cvTexts) {
    Set<String> want = new HashSet<>(terms(posting));
    Map<String, Double> score = new HashMap<>();
    for (Map.Entry<String, String> e : cvTexts.entrySet()) {
      Set<String> have = new HashSet<>(terms(e.getValue()));
      long found = want.stream().filter(have::contains).count();
      score.put(e.getKey(), want.isEmpty() ? 0 : (double) found / want.size());
    }
    return order(score);
  }

  /** Ranks by the cosine of TF-IDF vectors, idf computed over the CVs ranked. */
  static List<String> tfidf(String posting, Map<String, String> cvTexts) {
    Map<String, Map<String, Integer>> tfs = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (Map.Entry<String, String> e : cvTexts.entrySet()) {
      Map<String, Integer> tf = new HashMap<>();
      for (String t : terms(e.getValue())) {
        tf.merge(t, 1, Integer::sum);
      }
      tfs.put(e.getKey(), tf);
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    int n = cvTexts.size();
    Map<String, Integer> qtf = new HashMap<>();
    for (String t : terms(posting)) {
      qtf.merge(t, 1, Integer::sum);
    }
    Map<String, Double> q = weights(qtf, df, n);
    Map<String, Double> score = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : tfs.entrySet()) {
      Map<String, Double> d = weights(e.getValue(), df, n);
      double dot = 0;
      for (Map.Entry<String, Double> w : q.entrySet()) {
        dot += w.getValue() * d.getOrDefault(w.getKey(), 0.0);
      }
      score.put(e.getKey(), dot);
    }
    return order(score);
  }

  private static Map<String, Double> weights(Map<String, Integer> tf, Map<String, Integer> df, int n) {
    Map<String, Double> w = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      double idf = Math.log((n + 1.0) / (df.getOrDefault(e.getKey(), 0) + 1.0)) + 1;
      double v = (1 + Math.log(e.getValue())) * idf;
      w.put(e.getKey(), v);
      norm += v * v;
    }
    double s = Math.sqrt(norm);
    if (s > 0) {
      w.replaceAll((k, v) -> v / s);
    }
    return w;
  }

  private static List<String> order(Map<String, Double> score) {
    List<String> names = new ArrayList<>(score.keySet());
    names.sort(Comparator.comparing((String k) -> score.get(k)).reversed().thenComparing(k -> k));
    return names;
  }
}
