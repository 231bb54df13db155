package dev.altocv.core.quality;

import dev.altocv.core.AltoCv;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labelled set under src/quality/resources/quality: CVs, postings and the frozen grades. */
public final class QualitySet {
  /** "Now" for every quality test: the labels were written in November 2026. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

  public static final List<String> POSTINGS = List.of("p1-senior-backend-java.txt", "p2-icu-nurse.txt",
      "p3-senior-tax-accountant.txt", "p4-elementary-teacher.txt", "p5-mechanical-design-engineer.txt",
      "p6-customer-support-specialist.html", "p7-account-executive.txt", "p8-digital-marketing-manager.txt",
      "p9-corporate-associate.txt");
  /** The postings tuned on; the others are held out. */
  public static final List<String> TUNING = List.of("p1", "p2", "p3", "p6");
  /** Within-profession sets: posting id to the CV file prefix of its profession. */
  public static final Map<String, String> WITHIN = Map.of("p1", "s", "p2", "n", "p3", "a", "p5", "m");

  public final Map<String, Cv> cvs = new LinkedHashMap<>();
  public final Map<String, String> cvTexts = new LinkedHashMap<>();
  public final Map<String, JobPosting> postings = new LinkedHashMap<>();
  public final Map<String, String> postingTexts = new LinkedHashMap<>();
  /** posting id -> cv name -> grade. */
  public final Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();

  public static QualitySet load() {
    QualitySet q = new QualitySet();
    String labels = text("labels.tsv");
    String[] header = null;
    for (String line : labels.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      if (header == null) {
        header = cells;
        for (int i = 1; i < header.length; i++) {
          q.grades.put(header[i], new LinkedHashMap<>());
        }
        continue;
      }
      String cv = cells[0];
      String json = text("cvs/" + cv + ".json");
      q.cvTexts.put(cv, json);
      q.cvs.put(cv, AltoCv.read(json));
      for (int i = 1; i < header.length; i++) {
        q.grades.get(header[i]).put(cv, Integer.parseInt(cells[i].strip()));
      }
    }
    for (String file : POSTINGS) {
      String id = file.substring(0, file.indexOf('-'));
      String text = text("jobs/" + file);
      q.postingTexts.put(id, text);
      q.postings.put(id, JobPosting.parse(text));
    }
    return q;
  }

  public List<String> cvNames(String prefixOrAll) {
    List<String> out = new ArrayList<>();
    for (String name : cvs.keySet()) {
      if (prefixOrAll.isEmpty() || (name.startsWith(prefixOrAll) && Character.isDigit(name.charAt(
          prefixOrAll.length())))) {
        out.add(name);
      }
    }
    return out;
  }

  static String text(String name) {
    try (InputStream in = QualitySet.class.getResourceAsStream("/quality/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no quality resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * NDCG@k of a ranking against the grades.
   *
   * @param ranking names, best first
   * @param grades name to grade
   * @param k the cut-off
   * @return 0-1 (1 when no document is relevant)
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> grades, List<String> pool, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      dcg += gain(grades.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>();
    for (String name : pool) {
      ideal.add(grades.getOrDefault(name, 0));
    }
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 1 : dcg / idcg;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
