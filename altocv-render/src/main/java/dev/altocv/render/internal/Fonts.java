package dev.altocv.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType fonts shipped in the jar ({@code dev/altocv/render/fonts/}), loaded lazily and once.
 *
 * <p>For the PDF, each font's {@code GSUB} table is hidden (its tag renamed in memory) before PDFBox sees it:
 * PDFBox 3 would otherwise apply ligatures ({@code fi}, {@code tt}, {@code ti}) whose glyphs have no Unicode
 * mapping, and the PDF's text layer would lose those letters: an applicant-tracking system would read
 * "seement" for "settlement". The shipped files themselves are unchanged.
 *
 * <p>Parsed fonts are pooled: a {@link TrueTypeFont} reads its data lazily and is not thread-safe, so each
 * render borrows its own instances and gives them back when the PDF is written.
 */
public final class Fonts {
  private Fonts() {}

  /** Family of the fallback for Hebrew, Arabic, Greek, Cyrillic and symbols the main fonts lack. */
  public static final String SYMBOL_FALLBACK = "DejaVu Sans";
  /** Family of the fallback for Chinese, Japanese and Korean. */
  public static final String CJK_FALLBACK = "Droid Sans Fallback";

  /**
   * One font file.
   *
   * @param family the CSS family name
   * @param weight 400 or 700
   * @param italic whether italic
   * @param file the file name under {@code fonts/}
   */
  public record Face(String family, int weight, boolean italic, String file) {}

  /** Every face shipped. */
  public static final List<Face> FACES = List.of(
      new Face("Lato", 400, false, "Lato-Regular.ttf"),
      new Face("Lato", 700, false, "Lato-Bold.ttf"),
      new Face("Lato", 400, true, "Lato-Italic.ttf"),
      new Face("Lato", 700, true, "Lato-BoldItalic.ttf"),
      new Face("Liberation Serif", 400, false, "LiberationSerif-Regular.ttf"),
      new Face("Liberation Serif", 700, false, "LiberationSerif-Bold.ttf"),
      new Face("Liberation Serif", 400, true, "LiberationSerif-Italic.ttf"),
      new Face("Liberation Serif", 700, true, "LiberationSerif-BoldItalic.ttf"),
      new Face("Carlito", 400, false, "Carlito-Regular.ttf"),
      new Face("Carlito", 700, false, "Carlito-Bold.ttf"),
      new Face("Carlito", 400, true, "Carlito-Italic.ttf"),
      new Face("Carlito", 700, true, "Carlito-BoldItalic.ttf"),
      new Face("Open Sans", 400, false, "OpenSans-Regular.ttf"),
      new Face("Open Sans", 700, false, "OpenSans-Bold.ttf"),
      new Face("Open Sans", 400, true, "OpenSans-Italic.ttf"),
      new Face("Open Sans", 700, true, "OpenSans-BoldItalic.ttf"),
      new Face(SYMBOL_FALLBACK, 400, false, "DejaVuSans.ttf"),
      new Face(SYMBOL_FALLBACK, 700, false, "DejaVuSans-Bold.ttf"),
      new Face(CJK_FALLBACK, 400, false, "DroidSansFallback.ttf"));

  private static final Map<String, byte[]> ORIGINAL = new ConcurrentHashMap<>();
  private static final Map<String, byte[]> PATCHED = new ConcurrentHashMap<>();
  private static final Map<String, ConcurrentLinkedDeque<TrueTypeFont>> POOL = new ConcurrentHashMap<>();
  private static final Map<String, CmapLookup> CMAPS = new ConcurrentHashMap<>();

  /**
   * Whether a family is a serif face (for the generic fallback).
   *
   * @param family the family
   * @return true for Liberation Serif
   */
  public static boolean isSerif(String family) {
    return family.contains("Serif");
  }

  /**
   * The faces of a family.
   *
   * @param family the family
   * @return its faces
   */
  public static List<Face> facesOf(String family) {
    List<Face> out = new ArrayList<>();
    for (Face f : FACES) {
      if (f.family().equals(family)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The file of a shipped font, unchanged (for serving to browsers).
   *
   * @param file a file name such as {@code Lato-Bold.ttf}
   * @return its bytes, or empty when no such font is shipped
   */
  public static Optional<byte[]> file(String file) {
    for (Face f : FACES) {
      if (f.file().equals(file)) {
        return Optional.of(original(file).clone());
      }
    }
    return Optional.empty();
  }

  static byte[] original(String file) {
    return ORIGINAL.computeIfAbsent(file, Fonts::read);
  }

  private static byte[] read(String file) {
    try (InputStream in = Fonts.class.getResourceAsStream("/dev/altocv/render/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("font " + file + " is missing from altocv-render");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The font with its GSUB table tag renamed, so that PDFBox applies no ligatures. */
  static byte[] patched(String file) {
    return PATCHED.computeIfAbsent(file, f -> hideTable(original(f), "GSUB"));
  }

  static byte[] hideTable(byte[] font, String tag) {
    byte[] b = font.clone();
    int tables = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
    for (int i = 0; i < tables; i++) {
      int off = 12 + 16 * i;
      if (off + 4 <= b.length && b[off] == tag.charAt(0) && b[off + 1] == tag.charAt(1)
          && b[off + 2] == tag.charAt(2) && b[off + 3] == tag.charAt(3)) {
        b[off] = 'x';
      }
    }
    return b;
  }

  /**
   * Borrows a parsed font for one render; give it back with {@link #release}.
   *
   * @param face the face
   * @return a parsed font no other thread uses
   */
  static TrueTypeFont borrow(Face face) {
    TrueTypeFont t = POOL.computeIfAbsent(face.file(), k -> new ConcurrentLinkedDeque<>()).pollFirst();
    return t != null ? t : parse(face.file());
  }

  static void release(Face face, TrueTypeFont font) {
    ConcurrentLinkedDeque<TrueTypeFont> q = POOL.computeIfAbsent(face.file(), k -> new ConcurrentLinkedDeque<>());
    if (q.size() < 8) {
      q.addFirst(font);
    }
  }

  private static TrueTypeFont parse(String file) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(patched(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse font " + file, e);
    }
  }

  private static CmapLookup cmap(String file) {
    return CMAPS.computeIfAbsent(file, f -> {
      try {
        TrueTypeFont t = parse(f);
        return t.getUnicodeCmapLookup();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Whether a family's regular face has a glyph for a character.
   *
   * @param family the family
   * @param codePoint the character
   * @return true when it does
   */
  public static boolean covers(String family, int codePoint) {
    for (Face f : FACES) {
      if (f.family().equals(family) && f.weight() == 400 && !f.italic()) {
        return cmap(f.file()).getGlyphId(codePoint) > 0;
      }
    }
    return false;
  }

  /**
   * The fallback families a text needs beyond its main families: {@link #SYMBOL_FALLBACK} and/or
   * {@link #CJK_FALLBACK}, only when some character is missing from every main family. Only those fonts are
   * then loaded and embedded.
   *
   * @param text every text of the CV
   * @param families the main families
   * @return the fallbacks, in order
   */
  public static List<String> fallbacksFor(CharSequence text, List<String> families) {
    boolean symbol = false;
    boolean cjk = false;
    int[] cps = text.codePoints().distinct().toArray();
    for (int cp : cps) {
      if (cp <= 0x7e || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
        continue;
      }
      boolean covered = false;
      for (String fam : families) {
        if (covers(fam, cp)) {
          covered = true;
          break;
        }
      }
      if (covered) {
        continue;
      }
      if (covers(SYMBOL_FALLBACK, cp)) {
        symbol = true;
      } else if (covers(CJK_FALLBACK, cp)) {
        cjk = true;
      }
      if (symbol && cjk) {
        break;
      }
    }
    List<String> out = new ArrayList<>(2);
    if (symbol) {
      out.add(SYMBOL_FALLBACK);
    }
    if (cjk) {
      out.add(CJK_FALLBACK);
    }
    return out;
  }

  /**
   * {@code @font-face} rules for a browser, pointing at {@code base + file}.
   *
   * @param base the URL prefix the fonts are served under, ending in {@code /}
   * @return the CSS
   */
  public static String fontFaceCss(String base) {
    StringBuilder b = new StringBuilder();
    for (Face f : FACES) {
      b.append("@font-face { font-family: '").append(f.family()).append("'; font-weight: ").append(f.weight())
          .append("; font-style: ").append(f.italic() ? "italic" : "normal").append("; src: url('")
          .append(base).append(f.file()).append("') format('truetype'); }\n");
    }
    return b.toString();
  }
}
