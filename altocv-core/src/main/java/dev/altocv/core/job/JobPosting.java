package dev.altocv.core.job;

import dev.altocv.core.internal.job.PostingParser;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A job posting, parsed. Skills are the lexicon's names (for example {@code Kubernetes} for "k8s"); a skill is
 * required when the posting lists it among its requirements or duties, preferred when under a "nice to have"
 * cue, and a hard requirement when it is a licence, certification or qualification the posting requires.
 *
 * @param text the posting as plain text (HTML reduced)
 * @param title the job title, if found
 * @param company the employer, if found
 * @param location where the job is (or "Remote"), if found
 * @param seniority the level asked for, from the title and the years asked
 * @param yearsRequired the minimum years of experience asked, if stated
 * @param educationLevel the minimum education asked; {@link EducationLevel#NONE} when not stated
 * @param educationRequired whether that education is required (rather than preferred)
 * @param requiredSkills required skills, in order of first mention
 * @param preferredSkills preferred skills (not also required)
 * @param hardRequirements licences, certifications and qualifications that are required (a subset of the
 *     required skills)
 * @param responsibilities the duties listed, one per line
 * @param keywords the posting's distinctive words beyond its skills, most frequent first
 */
public record JobPosting(
    String text,
    @Nullable String title,
    @Nullable String company,
    @Nullable String location,
    Seniority seniority,
    @Nullable Integer yearsRequired,
    EducationLevel educationLevel,
    boolean educationRequired,
    List<String> requiredSkills,
    List<String> preferredSkills,
    List<String> hardRequirements,
    List<String> responsibilities,
    List<String> keywords) {

  /** Copies the lists and checks the fields. */
  public JobPosting {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(educationLevel, "educationLevel");
    requiredSkills = List.copyOf(requiredSkills);
    preferredSkills = List.copyOf(preferredSkills);
    hardRequirements = List.copyOf(hardRequirements);
    responsibilities = List.copyOf(responsibilities);
    keywords = List.copyOf(keywords);
    if (yearsRequired != null && (yearsRequired < 0 || yearsRequired > 50)) {
      throw new IllegalArgumentException("yearsRequired must be 0-50, not " + yearsRequired);
    }
  }

  /**
   * Parses a posting from plain text, or from HTML (detected by its tags and reduced to text first).
   *
   * @param text the posting
   * @return the parsed posting
   * @throws JobPostingException when the posting is empty
   * @throws UnsupportedLanguageException when it is not in English
   */
  public static JobPosting parse(String text) {
    Objects.requireNonNull(text, "text");
    return PostingParser.parse(text, false);
  }

  /**
   * Parses a posting given as HTML (a job page or an ATS export): tags, scripts and styles are removed, entities
   * decoded, list items kept as lines.
   *
   * @param html the HTML
   * @return the parsed posting
   * @throws JobPostingException when the posting has no text
   * @throws UnsupportedLanguageException when it is not in English
   */
  public static JobPosting parseHtml(String html) {
    Objects.requireNonNull(html, "html");
    return PostingParser.parse(html, true);
  }

  /**
   * The required skills then the preferred ones.
   *
   * @return all skills of the posting
   */
  public List<String> skills() {
    return java.util.stream.Stream.concat(requiredSkills.stream(), preferredSkills.stream()).toList();
  }
}
