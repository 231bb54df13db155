package dev.altocv.core.match;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.internal.Json;
import java.util.List;

/**
 * How well a CV fits a job posting. Every score is an integer 0-100.
 *
 * @param overall the combined score: 45% skills, 30% experience, 10% education, 15% summary fit, then capped
 *     for a missing hard requirement or too few years (see the README)
 * @param skills required skills weigh twice the preferred; each counts by its best evidence (a recent job's
 *     bullets count fully, a skills list alone 30%)
 * @param experience relevant years against the years asked (65%) and the relevance of the job titles (35%)
 * @param education the highest degree against the level asked
 * @param summary how close the described work is to the posting: embeddings when {@code semantic}, else
 *     Lucene term similarity
 * @param semantic whether an embedder was used
 * @param relevantYears years of relevant experience the CV shows
 * @param yearsAsked the years the posting asks for (stated, or typical of its seniority)
 * @param missingHardRequirements required licences, certifications and qualifications the CV does not show
 * @param matchedKeywords the posting's skills the CV shows, required first
 * @param missingKeywords the posting's skills the CV does not show, required first
 * @param suggestions changes to make, with a patch where one can be made
 */
public record MatchReport(
    int overall,
    int skills,
    int experience,
    int education,
    int summary,
    boolean semantic,
    double relevantYears,
    int yearsAsked,
    List<String> missingHardRequirements,
    List<MatchedKeyword> matchedKeywords,
    List<MissingKeyword> missingKeywords,
    List<Suggestion> suggestions) {

  /** Copies the lists and checks the scores. */
  public MatchReport {
    for (int s : new int[] {overall, skills, experience, education, summary}) {
      if (s < 0 || s > 100) {
        throw new IllegalArgumentException("scores are 0-100, not " + s);
      }
    }
    missingHardRequirements = List.copyOf(missingHardRequirements);
    matchedKeywords = List.copyOf(matchedKeywords);
    missingKeywords = List.copyOf(missingKeywords);
    suggestions = List.copyOf(suggestions);
  }

  /**
   * The report as JSON, the format of {@code altocv match --json}: {@code {overall, skills, experience, education,
   * summary, semantic, matchedKeywords:[{keyword, required, locations}], missingKeywords:[{keyword, required}],
   * suggestions:[{message, patch?}]}}.
   *
   * @return indented JSON
   */
  public String toJson() {
    return Json.write(toTree());
  }

  /** The JSON tree of {@link #toJson()} (Jackson stays out of the public API: callers parse the text). */
  private ObjectNode toTree() {
    ObjectNode root = Json.NODES.objectNode();
    root.put("overall", overall);
    root.put("skills", skills);
    root.put("experience", experience);
    root.put("education", education);
    root.put("summary", summary);
    root.put("semantic", semantic);
    ArrayNode matched = root.putArray("matchedKeywords");
    for (MatchedKeyword k : matchedKeywords) {
      ObjectNode o = matched.addObject();
      o.put("keyword", k.keyword());
      o.put("required", k.required());
      ArrayNode loc = o.putArray("locations");
      k.locations().forEach(loc::add);
    }
    ArrayNode missing = root.putArray("missingKeywords");
    for (MissingKeyword k : missingKeywords) {
      missing.addObject().put("keyword", k.keyword()).put("required", k.required());
    }
    ArrayNode sugg = root.putArray("suggestions");
    for (Suggestion s : suggestions) {
      ObjectNode o = sugg.addObject().put("message", s.message());
      if (s.patch() != null) {
        o.set("patch", Json.parse(s.patch().toJson(), "patch"));
      }
    }
    return root;
  }
}
