package dev.altocv.core.ats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.internal.Json;
import java.util.List;
import java.util.Objects;

/**
 * The result of an ATS analysis.
 *
 * @param score 0-100: 100 plus the sum of every entry's effect, rounded
 * @param findings one entry per problem or note, and one per rule that passed or did not apply, in rule order
 * @param words the words of the CV's text
 * @param pages the estimated pages (A4/Letter, body text 10-11 pt)
 * @param yearsOfExperience the years of work experience from the job dates (overlaps counted once)
 * @param language the CV's language as detected (ISO 639-1; English-only checks are skipped for others)
 */
public record AtsReport(int score, List<AtsFinding> findings, int words, double pages, double yearsOfExperience,
    String language) {

  /** Copies the list and checks the score. */
  public AtsReport {
    findings = List.copyOf(findings);
    Objects.requireNonNull(language, "language");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0-100, not " + score);
    }
  }

  /**
   * The entries that cost points or inform, without the passed and not applicable rules.
   *
   * @return the problems and notes
   */
  public List<AtsFinding> problems() {
    return findings.stream().filter(f -> !f.passed() && !f.notApplicable()).toList();
  }

  /**
   * The report as JSON, the format of {@code altocv ats --json}:
   * {@code {score, rules:[{id, category, severity, message, pointer, evidence, weight, effect, fix?}]}}; {@code fix}
   * (an RFC 6902 array) is present only when there is one.
   *
   * @return indented JSON
   */
  public String toJson() {
    ObjectNode root = Json.NODES.objectNode();
    root.put("score", score);
    ArrayNode rules = root.putArray("rules");
    for (AtsFinding f : findings) {
      ObjectNode r = rules.addObject();
      r.put("id", f.ruleId());
      r.put("category", f.category().json());
      r.put("severity", f.severity().json());
      r.put("message", f.message());
      r.put("pointer", f.pointer());
      if (f.evidence() == null) {
        r.putNull("evidence");
      } else {
        r.put("evidence", f.evidence());
      }
      r.put("weight", round(f.weight()));
      r.put("effect", round(f.effect()));
      if (f.fix() != null) {
        r.set("fix", Json.parse(f.fix().toJson(), "patch"));
      }
    }
    return Json.write(root);
  }

  static double round(double v) {
    double r = Math.round(v * 10) / 10.0;
    return r == 0 ? 0.0 : r;
  }
}
