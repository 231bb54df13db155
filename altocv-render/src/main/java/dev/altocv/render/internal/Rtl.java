package dev.altocv.render.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.altocv.render.RenderException;

/**
 * Right-to-left text (Hebrew, Arabic) in PDFs, through the optional openhtmltopdf-rtl-support and ICU4J:
 * bidirectional reordering and Arabic letter shaping. Used only when a CV has such text; without the optional
 * dependencies such a CV is refused with the Maven snippet to add, rather than printed backwards.
 */
final class Rtl {
  private Rtl() {}

  static final String SNIPPET = "<dependency><groupId>io.github.openhtmltopdf</groupId>"
      + "<artifactId>openhtmltopdf-rtl-support</artifactId><version>1.1.31</version></dependency> and "
      + "<dependency><groupId>com.ibm.icu</groupId><artifactId>icu4j</artifactId><version>76.1</version></dependency>";

  /**
   * Whether a text has right-to-left letters.
   *
   * @param text the text
   * @return true for Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms
   */
  static boolean needed(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
        return true;
      }
    }
    return false;
  }

  private static final boolean AVAILABLE = available();

  private static boolean available() {
    try {
      Class.forName("com.openhtmltopdf.bidi.support.ICUBidiSplitter", false, Rtl.class.getClassLoader());
      Class.forName("com.ibm.icu.text.Bidi", false, Rtl.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static void apply(PdfRendererBuilder b) {
    if (!AVAILABLE) {
      throw new RenderException("this CV has right-to-left text (Hebrew or Arabic); printing it needs the optional "
          + "right-to-left support on the classpath: " + SNIPPET);
    }
    Icu.apply(b);
  }

  /** Kept apart so that nothing loads ICU classes unless they are there. */
  private static final class Icu {
    static void apply(PdfRendererBuilder b) {
      b.useUnicodeBidiSplitter(new com.openhtmltopdf.bidi.support.ICUBidiSplitter.ICUBidiSplitterFactory());
      b.useUnicodeBidiReorderer(new com.openhtmltopdf.bidi.support.ICUBidiReorderer());
      b.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
    }
  }
}
