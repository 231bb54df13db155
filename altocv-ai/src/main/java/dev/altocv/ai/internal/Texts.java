package dev.altocv.ai.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers for the guards: normalising, finding figures, contacts and phrases. */
final class Texts {
  private Texts() {}

  /**
   * Lower case, accents removed, everything but letters, digits, {@code + # @ .} turned into single spaces,
   * with a space at both ends so that {@code contains(" x ")} finds whole words.
   */
  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#@.]+", " ");
    n = n.replaceAll("\\.(?=\\s|$)", " ").replaceAll("\\s+", " ").trim();
    return " " + n + " ";
  }

  /** Letters and digits only, lower case: {@code Node.js} and {@code NodeJS} are both {@code nodejs}. */
  static String compact(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}+#]", "");
  }

  /** Whether {@code phrase} occurs as whole words in {@code normalizedHaystack} (from {@link #normalize}). */
  static boolean containsPhrase(String normalizedHaystack, String phrase) {
    String p = normalize(phrase);
    if (p.isBlank()) {
      return true;
    }
    return normalizedHaystack.contains(p);
  }

  /**
   * Whether a term occurs in a text, as whole words or written without spaces and punctuation
   * ({@code node js}, {@code Node.js}, {@code NodeJS}).
   */
  static boolean mentions(String normalizedHaystack, String term) {
    if (containsPhrase(normalizedHaystack, term)) {
      return true;
    }
    String c = compact(term);
    if (c.isEmpty()) {
      return true;
    }
    String[] words = normalizedHaystack.trim().split(" ");
    for (int i = 0; i < words.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < Math.min(words.length, i + 4); j++) {
        sb.append(compact(words[j]));
        if (sb.toString().equals(c)) {
          return true;
        }
        if (sb.length() > c.length()) {
          break;
        }
      }
    }
    return false;
  }

  // a number not glued to letters on the left (S3, EC2, HTML5 are names), optionally followed by a unit
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)"
          + "(?:(%|x|k|m|bn|b|\\+)|\\s?(percent|per cent))?(?![\\p{L}\\p{N}])",
      Pattern.CASE_INSENSITIVE);

  /**
   * The figures in a text: a key (the normalised number with its unit: {@code 1,200} and {@code 1200} are
   * both {@code 1200}, {@code 40%} and {@code 40 percent} both {@code 40%}, {@code 06} is {@code 6}) mapped to
   * the figure as written. A percentage and a plain number are different figures: "35%" is not supported by
   * "35 minutes".
   */
  static Map<String, String> figures(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String unit = m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : m.group(3) != null ? "%" : "";
      if (unit.equals("+")) {
        unit = "";
      }
      out.putIfAbsent(normalizeNumber(m.group(1)) + unit, m.group().trim());
    }
    return out;
  }

  static String normalizeNumber(String n) {
    String s = n;
    if (s.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
      s = s.replace(",", "");
    } else {
      s = s.replace(',', '.');
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    s = s.replaceFirst("^0+(?=\\d)", "");
    return s;
  }

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern URL = Pattern.compile(
      "(?i)\\b(?:https?://|www\\.)[^\\s<>\"')]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|dev|ai|co|me|info|biz|xyz|app)(?:/[^\\s<>\"')]*)?\\b");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{7,}\\d");

  /** E-mail addresses, URLs and phone numbers in a text, as written. */
  static List<String> contacts(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    String withoutEmails = EMAIL.matcher(text).replaceAll(" ");
    m = URL.matcher(withoutEmails);
    while (m.find()) {
      out.add(m.group().replaceAll("[.,;:]+$", ""));
    }
    m = PHONE.matcher(withoutEmails);
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      if (digits.length() >= 9) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** Whether a contact (as found by {@link #contacts}) occurs in a text. */
  static boolean containsContact(String rawHaystackLower, String contact) {
    String c = contact.toLowerCase(Locale.ROOT);
    if (c.replaceAll("\\D", "").length() >= 9 && !c.contains("@") && !c.matches(".*[a-z].*")) {
      String digits = c.replaceAll("\\D", "");
      return rawHaystackLower.replaceAll("\\D", "").contains(digits);
    }
    String bare = c.replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceAll("/+$", "");
    return rawHaystackLower.contains(bare);
  }

  /** The words of a normalised text. */
  static List<String> words(String text) {
    String n = normalize(text).trim();
    return n.isEmpty() ? List.of() : List.of(n.split(" "));
  }

  /**
   * The longest run of consecutive words of {@code text} that also occurs, word for word, in {@code source}
   * but not in {@code exclude}, when it has at least {@code minWords} words.
   */
  static String longestCopiedRun(String text, String source, String exclude, int minWords) {
    List<String> t = words(text);
    String src = normalize(source);
    String exc = normalize(exclude);
    String best = "";
    int bestLen = 0;
    for (int i = 0; i + minWords <= t.size(); i++) {
      int j = i + minWords;
      String run = " " + String.join(" ", t.subList(i, j)) + " ";
      if (!src.contains(run) || exc.contains(run)) {
        continue;
      }
      while (j < t.size()) {
        String longer = " " + String.join(" ", t.subList(i, j + 1)) + " ";
        if (!src.contains(longer)) {
          break;
        }
        j++;
        run = longer;
      }
      if (j - i > bestLen) {
        bestLen = j - i;
        best = run.trim();
      }
    }
    return best;
  }

  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  /** Whether a text mentions an ISO date (2021, 2021-06, 2021-06-15) in some written form. */
  static boolean mentionsDate(String rawText, String iso) {
    String lower = rawText.toLowerCase(Locale.ROOT);
    if (lower.contains(iso)) {
      return true;
    }
    String[] parts = iso.split("-");
    String norm = normalize(rawText);
    if (!norm.contains(" " + parts[0] + " ") && !lower.contains(parts[0])) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    int month = Integer.parseInt(parts[1]);
    if (month < 1 || month > 12) {
      return false;
    }
    String name = MONTHS[month - 1];
    return norm.contains(" " + name + " ") || norm.contains(" " + name.substring(0, 3) + " ")
        || lower.contains(parts[1] + "/" + parts[0]) || lower.contains(month + "/" + parts[0]);
  }
}
