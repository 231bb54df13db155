package dev.altocv.core.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * Splits text into word tokens the way the skill lexicon is written: letters and digits, with {@code +} and
 * {@code #} kept at a word's end (C++, C#), {@code .} and {@code &} kept between letters (Node.js, .NET, P&L),
 * and everything else (spaces, hyphens, slashes, commas) separating words. Each token carries its text as
 * written and a key: lower case with a plural {@code s} removed by Lucene's English minimal stemmer. Fast and
 * allocation-light: it runs on every CV field.
 */
public final class Tokenizer {
  private Tokenizer() {}

  /**
   * A token.
   *
   * @param raw the text as written
   * @param key lower case, plural removed: what matching compares
   * @param start offset of the first character
   * @param end offset after the last character
   */
  public record Token(String raw, String key, int start, int end) {}

  /**
   * Tokenises text.
   *
   * @param text the text
   * @return the tokens in order
   */
  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>(Math.max(4, text.length() / 6));
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean leadingDot = c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(');
      if (!Character.isLetterOrDigit(c) && !leadingDot) {
        i++;
        continue;
      }
      int start = i;
      i++;
      while (i < n) {
        char d = text.charAt(i);
        if (Character.isLetterOrDigit(d) || d == '\'' || d == '\u2019') {
          i++;
        } else if ((d == '.' || d == '&') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
            && Character.isLetterOrDigit(text.charAt(i - 1))) {
          i++;
        } else if (d == '+' || d == '#') {
          while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
            i++;
          }
          break;
        } else {
          break;
        }
      }
      int end = i;
      // an apostrophe at the end ("teachers'") is not part of the word
      while (end > start + 1 && (text.charAt(end - 1) == '\'' || text.charAt(end - 1) == '\u2019')) {
        end--;
      }
      String raw = text.substring(start, end);
      out.add(new Token(raw, key(raw), start, end));
    }
    return out;
  }

  /**
   * The matching key of one word: lower case, apostrophes dropped ("master's" = "masters"), a plural
   * {@code s} removed.
   *
   * @param word the word as written
   * @return the key
   */
  public static String key(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.indexOf('\'') >= 0 || lower.indexOf('\u2019') >= 0) {
      lower = lower.replace("'", "").replace("\u2019", "");
    }
    int len = lower.length();
    if (len < 4 || lower.charAt(len - 1) != 's') {
      return lower;
    }
    for (int k = 0; k < len; k++) {
      if (!Character.isLetter(lower.charAt(k))) {
        return lower;
      }
    }
    char[] buf = lower.toCharArray();
    int stemmed = STEMMER.stem(buf, len);
    return stemmed == len ? lower : new String(buf, 0, stemmed);
  }

  private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();
}
