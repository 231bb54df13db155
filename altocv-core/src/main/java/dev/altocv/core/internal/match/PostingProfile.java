package dev.altocv.core.internal.match;

import dev.altocv.core.internal.text.Lexicon;
import dev.altocv.core.job.JobPosting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A parsed posting prepared for scoring many CVs: skill ids, the title's role, its term vector. */
public final class PostingProfile {

  /**
   * A skill the posting asks for.
   *
   * @param def the lexicon skill
   * @param required required rather than preferred
   * @param hard a required licence, certification or qualification
   * @param weight its weight in the skills score
   */
  public record Want(Lexicon.SkillDef def, boolean required, boolean hard, double weight) {}

  final JobPosting posting;
  final List<Want> wants;
  final Lexicon.@Nullable RoleDef role;
  final int yearsAsked;
  final Map<String, Double> terms;
  final String semanticText;
  /** The title's content words (seniority words left out), for title relevance. */
  final java.util.Set<String> titleWords;

  private PostingProfile(JobPosting posting, List<Want> wants, Lexicon.@Nullable RoleDef role, int yearsAsked,
      Map<String, Double> terms, String semanticText) {
    this.posting = posting;
    this.wants = wants;
    this.role = role;
    this.yearsAsked = yearsAsked;
    this.terms = terms;
    this.semanticText = semanticText;
    this.titleWords = posting.title() == null ? java.util.Set.of() : Scorer.contentWords(posting.title());
  }

  /** @return the posting */
  public JobPosting posting() {
    return posting;
  }

  /** @return the skills asked for */
  public List<Want> wants() {
    return wants;
  }

  /** @return the posting's term vector (Lucene English terms) */
  public Map<String, Double> terms() {
    return terms;
  }

  /** @return the text an embedder reads */
  public String semanticText() {
    return semanticText;
  }

  /**
   * Prepares a posting.
   *
   * @param posting the posting
   * @return the profile
   */
  public static PostingProfile of(JobPosting posting) {
    Lexicon lex = Lexicon.get();
    Set<String> hard = Set.copyOf(posting.hardRequirements());
    List<Want> wants = new ArrayList<>();
    for (String name : posting.requiredSkills()) {
      Optional<Lexicon.SkillDef> s = lex.byName(name);
      s.ifPresent(def -> wants.add(new Want(def, true, hard.contains(name), def.soft() ? 0.5 : 3)));
    }
    for (String name : posting.preferredSkills()) {
      Optional<Lexicon.SkillDef> s = lex.byName(name);
      s.ifPresent(def -> wants.add(new Want(def, false, false, def.soft() ? 0.25 : 1.5)));
    }
    Lexicon.RoleDef role = posting.title() == null ? null : lex.roleOf(posting.title()).orElse(null);
    int years = posting.yearsRequired() != null ? posting.yearsRequired() : posting.seniority().typicalYears();
    StringBuilder text = new StringBuilder();
    if (posting.title() != null) {
      // the title says most about the work: count it three times
      text.append(posting.title()).append(". ").append(posting.title()).append(". ").append(posting.title())
          .append(".\n");
    }
    posting.responsibilities().forEach(r -> text.append(r).append('\n'));
    text.append(wants.stream().map(w -> w.def().name()).collect(Collectors.joining(", "))).append('\n');
    if (posting.responsibilities().isEmpty()) {
      text.append(posting.text(), 0, Math.min(posting.text().length(), 3000));
    }
    String semantic = (posting.title() == null ? "" : posting.title() + ". ")
        + String.join(" ", posting.responsibilities()) + " Skills: "
        + wants.stream().filter(Want::required).map(w -> w.def().name()).collect(Collectors.joining(", "));
    return new PostingProfile(posting, List.copyOf(wants), role, years, CvProfile.termVector(text.toString()),
        semantic.length() > 2000 ? semantic.substring(0, 2000) : semantic);
  }
}
