package dev.altocv.core.internal.text;

import dev.altocv.core.AltoCvException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** HTML reduction, language detection and Lucene's English analysis (stop words, Porter stemming). */
public final class TextTools {
  private TextTools() {}

  /** Lucene's English analyzer: standard tokenizer, possessives, lower case, stop words, Porter stemming. */
  public static final Analyzer ENGLISH = new EnglishAnalyzer();

  /** Lucene's English stop words. */
  public static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private static final Pattern HTML_HINT = Pattern.compile(
      "(?is)<\\s*(html|body|div|p|br|li|ul|ol|h[1-6]|span|strong|b|em|table|section|article)\\b[^>]*>");

  /**
   * Whether text looks like HTML.
   *
   * @param text the text
   * @return true when it has common HTML tags
   */
  public static boolean looksLikeHtml(String text) {
    return HTML_HINT.matcher(text).find();
  }

  /**
   * Reduces HTML to plain text with Lucene's HTMLStripCharFilter: tags and scripts removed, entities decoded,
   * block elements become line breaks, list items become bullet lines.
   *
   * @param html the HTML
   * @return the text
   */
  public static String htmlToText(String html) {
    // list items and headings start a line of their own, so that the posting's structure survives
    String marked = html.replaceAll("(?i)<\\s*li\\b[^>]*>", "\n- ")
        .replaceAll("(?i)<\\s*(h[1-6]|p|div|tr|section|article|header|footer)\\b", "\n<$1");
    StringBuilder out = new StringBuilder(html.length());
    try (Reader r = new HTMLStripCharFilter(new StringReader(marked))) {
      char[] buf = new char[4096];
      int n;
      while ((n = r.read(buf)) > 0) {
        out.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new AltoCvException("could not read the HTML posting: " + e.getMessage(), e);
    }
    // collapse runs of blank lines and trailing spaces
    String text = out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n")
        .replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{3,}", "\n\n");
    return text.strip();
  }

  /**
   * Lucene's English analysis of a text: the stemmed terms without stop words, in order.
   *
   * @param text the text
   * @return the terms
   */
  public static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new AltoCvException("text analysis failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * A detected language.
   *
   * @param code ISO 639-1 code, or {@code und} when there is too little text to tell
   * @param name English name
   * @param supported whether AltoCV's analysis covers it
   */
  public record DetectedLanguage(String code, String name, boolean supported) {}

  private record Candidate(String code, String name, CharArraySet stop) {}

  private static final List<Candidate> LATIN = List.of(
      new Candidate("de", "German", GermanAnalyzer.getDefaultStopSet()),
      new Candidate("fr", "French", FrenchAnalyzer.getDefaultStopSet()),
      new Candidate("es", "Spanish", SpanishAnalyzer.getDefaultStopSet()),
      new Candidate("it", "Italian", ItalianAnalyzer.getDefaultStopSet()),
      new Candidate("pt", "Portuguese", PortugueseAnalyzer.getDefaultStopSet()),
      new Candidate("nl", "Dutch", DutchAnalyzer.getDefaultStopSet()),
      new Candidate("sv", "Swedish", SwedishAnalyzer.getDefaultStopSet()),
      new Candidate("da", "Danish", DanishAnalyzer.getDefaultStopSet()),
      new Candidate("no", "Norwegian", NorwegianAnalyzer.getDefaultStopSet()),
      new Candidate("fi", "Finnish", FinnishAnalyzer.getDefaultStopSet()));

  /** English function words beyond Lucene's short stop list, so English text outweighs its neighbours. */
  private static final CharArraySet ENGLISH_MORE = new CharArraySet(List.of(
      "the", "and", "of", "to", "in", "for", "with", "on", "at", "by", "from", "you", "we", "our", "your",
      "is", "are", "will", "have", "has", "an", "a", "or", "as", "be", "this", "that", "who", "what", "about",
      "experience", "skills", "years", "team", "work", "including", "ability", "strong", "required"), true);

  private static final Map<Character.UnicodeScript, String[]> SCRIPTS = Map.of(
      Character.UnicodeScript.CYRILLIC, new String[] {"ru", "Russian or another Cyrillic-script language"},
      Character.UnicodeScript.ARABIC, new String[] {"ar", "Arabic"},
      Character.UnicodeScript.HAN, new String[] {"zh", "Chinese or Japanese"},
      Character.UnicodeScript.HIRAGANA, new String[] {"ja", "Japanese"},
      Character.UnicodeScript.KATAKANA, new String[] {"ja", "Japanese"},
      Character.UnicodeScript.HANGUL, new String[] {"ko", "Korean"},
      Character.UnicodeScript.GREEK, new String[] {"el", "Greek"},
      Character.UnicodeScript.HEBREW, new String[] {"he", "Hebrew"},
      Character.UnicodeScript.DEVANAGARI, new String[] {"hi", "Hindi or another Devanagari-script language"},
      Character.UnicodeScript.THAI, new String[] {"th", "Thai"});

  /**
   * Detects the language of a text from its script and its share of each language's stop words. English is
   * the only language AltoCV's analysis covers; a text too short to tell counts as English.
   *
   * @param text the text
   * @return the language
   */
  public static DetectedLanguage detect(String text) {
    int latin = 0;
    Map<Character.UnicodeScript, Integer> other = new java.util.EnumMap<>(Character.UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.LATIN) {
        latin++;
      } else if (SCRIPTS.containsKey(s)) {
        other.merge(s, 1, Integer::sum);
      }
    }
    Character.UnicodeScript top = null;
    int topCount = 0;
    for (Map.Entry<Character.UnicodeScript, Integer> e : other.entrySet()) {
      if (e.getValue() > topCount) {
        top = e.getKey();
        topCount = e.getValue();
      }
    }
    if (top != null && topCount > latin) {
      String[] lang = SCRIPTS.get(top);
      return new DetectedLanguage(lang[0], lang[1], false);
    }
    int english = 0;
    int[] counts = new int[LATIN.size()];
    int words = 0;
    List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
    for (Tokenizer.Token t : tokens) {
      String w = t.raw().toLowerCase(Locale.ROOT);
      if (ENGLISH_STOP.contains(w) || ENGLISH_MORE.contains(w)) {
        english++;
      }
    }
    if (english >= 3 && english * 5 >= tokens.size()) {
      return new DetectedLanguage("en", "English", true); // clearly English: skip the other languages
    }
    for (Tokenizer.Token t : tokens) {
      String w = t.raw().toLowerCase(Locale.ROOT);
      words++;
      for (int k = 0; k < LATIN.size(); k++) {
        if (LATIN.get(k).stop().contains(w)) {
          counts[k]++;
        }
      }
    }
    int best = -1;
    for (int k = 0; k < counts.length; k++) {
      if (best < 0 || counts[k] > counts[best]) {
        best = k;
      }
    }
    if (best >= 0 && counts[best] >= 4 && counts[best] > 2 * english && counts[best] * 10 >= words) {
      Candidate c = LATIN.get(best);
      return new DetectedLanguage(c.code(), c.name(), false);
    }
    if (english < 2 && words > 40) {
      return new DetectedLanguage("und", "an unrecognised language", false);
    }
    return new DetectedLanguage("en", "English", true);
  }
}
