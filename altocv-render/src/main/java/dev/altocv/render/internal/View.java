package dev.altocv.render.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CV as every writer (HTML, DOCX, TXT) shows it: sections in order, each entry's lines decided once, each
 * piece of text with the pointer of the field it came from. The importer reads this same structure back.
 */
public final class View {
  private View() {}

  /**
   * A piece of text from one field.
   *
   * @param prefix a label shown before the value and not part of it (e.g. {@code Grade: }), or empty
   * @param text the text (whitespace collapsed)
   * @param pointer the field's pointer, e.g. {@code /work/[id=w2]/highlights/0}
   * @param href a safe link target (http, https, mailto, tel) or null
   */
  public record Text(String prefix, String text, String pointer, @Nullable String href) {
    /**
     * The text as shown, prefix included.
     *
     * @return prefix + text
     */
    public String shown() {
      return prefix + text;
    }
  }

  /**
   * A date or date range.
   *
   * @param start the start (or the single date)
   * @param end the end, or null: "Present" for a range, nothing for a single date
   * @param single whether this is one date (certificates, awards, publications)
   * @param endPointer where "Present" points (the absent end date)
   */
  public record Dates(Text start, @Nullable Text end, boolean single, String endPointer) {}

  /**
   * A labelled list on one line, e.g. {@code Technologies: Java, Kafka}.
   *
   * @param label the label without colon
   * @param pointer the list's pointer
   * @param items the items
   */
  public record Labelled(String label, String pointer, List<Text> items) {}

  /**
   * A dated entry: a job, a school, a project, a certificate...
   *
   * @param pointer the item's pointer, e.g. {@code /work/[id=w2]}
   * @param title the bold title (position, institution, name)
   * @param subtitle organisation, place, link... joined with " · "
   * @param dates the dates, shown at the right
   * @param paragraphs paragraphs under the title
   * @param bullets bullets
   * @param lists labelled lists (courses, technologies)
   */
  public record Entry(String pointer, @Nullable Text title, List<Text> subtitle, @Nullable Dates dates,
      List<Text> paragraphs, List<Text> bullets, List<Labelled> lists) {}

  /**
   * A skill or interest group: {@code Backend (Expert): Java, Kotlin}.
   *
   * @param pointer the group's pointer
   * @param name the group name
   * @param level the level, shown in parentheses after the name
   * @param keywords the keywords
   */
  public record Group(String pointer, @Nullable Text name, @Nullable Text level, List<Text> keywords) {}

  /**
   * A language: {@code English (Native)}.
   *
   * @param pointer the item's pointer
   * @param language the language
   * @param fluency the fluency
   */
  public record Lang(String pointer, @Nullable Text language, @Nullable Text fluency) {}

  /**
   * A reference: the quote, then "— name".
   *
   * @param pointer the item's pointer
   * @param text what they said
   * @param name who said it
   */
  public record Ref(String pointer, @Nullable Text text, @Nullable Text name) {}

  /** What a section holds. */
  public enum Kind {
    /** Paragraphs (the summary). */
    PARAGRAPHS,
    /** Dated entries. */
    ENTRIES,
    /** Keyword groups (skills, interests). */
    GROUPS,
    /** Languages. */
    LANGUAGES,
    /** References. */
    REFERENCES
  }

  /**
   * A section.
   *
   * @param key {@code work}, {@code skills}... or a custom section id
   * @param title the heading
   * @param pointer the section's pointer
   * @param kind what it holds
   * @param paragraphs for {@link Kind#PARAGRAPHS}
   * @param entries for {@link Kind#ENTRIES}
   * @param groups for {@link Kind#GROUPS}
   * @param languages for {@link Kind#LANGUAGES}
   * @param references for {@link Kind#REFERENCES}
   */
  public record Section(String key, Text title, String pointer, Kind kind, List<Text> paragraphs,
      List<Entry> entries, List<Group> groups, List<Lang> languages, List<Ref> references) {}

  /**
   * A profile: {@code GitHub: https://github.com/ada}.
   *
   * @param pointer the profile's pointer
   * @param network the network
   * @param value the URL, or the user name when there is no URL, or "user name (URL)" when the user name is not
   *     the URL's last segment
   * @param href the link
   */
  public record ProfileItem(String pointer, @Nullable Text network, List<Text> value, @Nullable String href) {}

  /**
   * The top of the CV.
   *
   * @param name the name
   * @param label the headline
   * @param contact e-mail, phone, website, location
   * @param profiles online profiles
   */
  public record Header(@Nullable Text name, @Nullable Text label, List<Text> contact, List<ProfileItem> profiles) {}

  /**
   * The whole CV.
   *
   * @param header the top
   * @param sections the sections in order
   * @param title document title
   * @param author document author
   * @param subject document subject
   * @param keywords document keywords
   */
  public record Document(Header header, List<Section> sections, String title, String author, String subject,
      List<String> keywords) {}
}
