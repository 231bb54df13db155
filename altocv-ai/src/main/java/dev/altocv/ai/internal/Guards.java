package dev.altocv.ai.internal;

import dev.altocv.ai.Flag;
import dev.altocv.ai.FlagKind;
import dev.altocv.ai.internal.EditDraft.IdentityChange;
import dev.altocv.core.internal.text.Lexicon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks that catch invented facts and edits the person did not ask for. They look at what the CV
 * already says and at what the person wrote; a job posting (untrusted) never counts as support.
 */
final class Guards {

  private static final Pattern REMOVAL = Pattern.compile(
      "\\b(remove|removing|delete|deleting|drop|dropping|cut|trim|shorten|condense|omit|exclude|get rid|"
          + "take out|leave out|fewer|shorter|one page|1 page|declutter)\\b");
  private static final int COPY_MIN_WORDS = 8;

  private final String cvRawLower;
  private final String cvNorm;
  private final Set<String> cvFigures;
  private final String personRawLower;
  private final String personNorm;
  private final Set<String> personFigures;
  private final String currentNorm;
  private final @Nullable String posting;
  private final String cvText;
  private final String personText;

  /**
   * @param cvText all text of the CV as proposed against
   * @param personMessages every message of the person, the current one last
   * @param posting the job posting, or null
   */
  Guards(String cvText, List<String> personMessages, @Nullable String posting) {
    this.cvText = cvText;
    this.cvRawLower = cvText.toLowerCase(Locale.ROOT);
    this.cvNorm = Texts.normalize(cvText);
    this.cvFigures = Texts.figures(cvText).keySet();
    String person = String.join("\n", personMessages);
    this.personText = person;
    this.personRawLower = person.toLowerCase(Locale.ROOT);
    this.personNorm = Texts.normalize(person);
    this.personFigures = Texts.figures(person).keySet();
    this.currentNorm = Texts.normalize(personMessages.isEmpty() ? "" : personMessages.get(personMessages.size() - 1));
    this.posting = posting;
  }

  List<Flag> check(EditDraft d) {
    List<Flag> flags = new ArrayList<>();
    for (IdentityChange c : d.identity()) {
      if (!requested(c)) {
        flags.add(new Flag(FlagKind.IDENTITY_CHANGE, describe(c) + ", which you did not ask for: check it",
            c.newValue() == null ? List.of() : List.of(c.newValue())));
      }
    }
    Set<String> figures = new LinkedHashSet<>();
    Set<String> contacts = new LinkedHashSet<>();
    for (String t : d.newTexts()) {
      Texts.figures(t).forEach((key, written) -> {
        if (!cvFigures.contains(key) && !personFigures.contains(key)) {
          figures.add(written);
        }
      });
      for (String c : Texts.contacts(t)) {
        if (!Texts.containsContact(cvRawLower, c) && !Texts.containsContact(personRawLower, c)) {
          contacts.add(c);
        }
      }
    }
    if (!figures.isEmpty()) {
      flags.add(new Flag(FlagKind.UNVERIFIED_FIGURE, (figures.size() == 1 ? "the figure " : "the figures ")
          + String.join(", ", figures) + (figures.size() == 1 ? " appears" : " appear")
          + " neither in your CV nor in your messages: check that it is true", List.copyOf(figures)));
    }
    if (!contacts.isEmpty()) {
      flags.add(new Flag(FlagKind.UNVERIFIED_CONTACT, String.join(", ", contacts)
          + " is neither in your CV nor in your messages: check it", List.copyOf(contacts)));
    }
    if (d.addedSkill() != null && !supported(d.addedSkill())) {
      flags.add(new Flag(FlagKind.UNSUPPORTED_SKILL, "nothing in your CV or your messages shows "
          + d.addedSkill() + ": add it only if you have it", List.of(d.addedSkill())));
    }
    if (d.removed() != null && !REMOVAL.matcher(currentNorm).find()) {
      flags.add(new Flag(FlagKind.UNREQUESTED_REMOVAL, "removes " + d.removed()
          + ", though you did not ask to remove anything", List.of()));
    }
    if (posting != null) {
      for (String t : d.newTexts()) {
        String run = Texts.longestCopiedRun(t, posting, cvText + "\n" + personRawLower, COPY_MIN_WORDS);
        if (!run.isEmpty()) {
          flags.add(new Flag(FlagKind.COPIED_FROM_POSTING, "copies the job posting word for word (\"" + run
              + "\"): make sure it describes you", List.of(run)));
          break;
        }
      }
    }
    return flags;
  }

  /**
   * Whether the CV or the person's messages show a skill: by name or spelling, or through altocv-core's skill
   * lexicon (an alias: k8s for Kubernetes; or a skill that implies it: PostgreSQL shows SQL).
   */
  private boolean supported(String skill) {
    if (Texts.mentions(cvNorm, skill) || Texts.mentions(personNorm, skill)) {
      return true;
    }
    Lexicon lexicon = Lexicon.get();
    Set<Integer> wanted = new HashSet<>();
    for (Lexicon.Hit h : lexicon.skills(skill)) {
      if (h.start() == 0 && h.end() >= skill.trim().length()) {
        wanted.add(h.id()); // the whole keyword names this skill
      }
    }
    if (wanted.isEmpty()) {
      return false;
    }
    Set<Integer> shown = new HashSet<>();
    for (String text : List.of(cvText, personText)) {
      for (Lexicon.Hit h : lexicon.skills(text)) {
        shownWithImplied(lexicon, h.id(), shown);
      }
    }
    return wanted.stream().anyMatch(shown::contains);
  }

  private static void shownWithImplied(Lexicon lexicon, int id, Set<Integer> shown) {
    if (shown.add(id)) {
      for (int implied : lexicon.skill(id).implies()) {
        shownWithImplied(lexicon, implied, shown);
      }
    }
  }

  private boolean requested(IdentityChange c) {
    switch (c.kind()) {
      case VALUE: {
        String n = c.newValue();
        if (n != null && c.oldValue() != null && Texts.compact(n).equals(Texts.compact(c.oldValue()))) {
          return true; // capitalisation, spacing or punctuation only
        }
        return n != null && !n.isBlank() && Texts.containsPhrase(personNorm, n);
      }
      case DATE: {
        String n = c.newValue();
        if (n == null) {
          return Pattern.compile("\\b(current|currently|still|present|now|ongoing)\\b").matcher(currentNorm).find();
        }
        return Texts.mentionsDate(personRawLower, n);
      }
      case ADD_JOB:
        return c.newValue() != null && Texts.containsPhrase(personNorm, c.newValue());
      case REMOVE_JOB:
        if (!REMOVAL.matcher(currentNorm).find()) {
          return false;
        }
        for (String name : c.names()) {
          if (!name.isBlank() && Texts.containsPhrase(currentNorm, name)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private static String describe(IdentityChange c) {
    switch (c.kind()) {
      case ADD_JOB:
        return "adds " + c.field();
      case REMOVE_JOB:
        return "removes " + c.field();
      default:
        if (c.newValue() == null) {
          return "clears " + c.field() + (c.oldValue() != null ? " (\"" + c.oldValue() + "\")" : "");
        }
        return "changes " + c.field() + (c.oldValue() != null ? " from \"" + c.oldValue() + "\"" : "")
            + " to \"" + c.newValue() + "\"";
    }
  }
}
