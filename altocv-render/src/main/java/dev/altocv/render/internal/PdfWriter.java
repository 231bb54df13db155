package dev.altocv.render.internal;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import dev.altocv.render.RenderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XHTML to PDF with openhtmltopdf: the shipped fonts embedded as subsets, tagged (PDF/UA), and no resource
 * ever loaded from outside: every URI is refused before and after resolution, and the network and file
 * stream factories fail. The XHTML is parsed here, by a parser that refuses DOCTYPEs and external entities.
 */
public final class PdfWriter {
  private PdfWriter() {}

  private static final Logger LOG = Logger.getLogger("dev.altocv.render.pdf");

  /** URIs refused in this JVM (for tests and diagnostics). */
  static final AtomicInteger REFUSED = new AtomicInteger();

  static {
    // openhtmltopdf logs every render at INFO through its own console logger; send it to java.util.logging
    // at FINE instead, so an application decides what it sees.
    XRLog.setLoggerImpl(new XRLogger() {
      @Override
      public void log(String where, Level level, String msg) {
        LOG.log(Level.FINE, () -> where + ": " + msg);
      }

      @Override
      public void log(String where, Level level, String msg, Throwable th) {
        LOG.log(Level.FINE, th, () -> where + ": " + msg);
      }

      @Override
      public void setLevel(String logger, Level level) {
        // levels are the application's business
      }

      @Override
      public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LOG.isLoggable(Level.FINE);
      }
    });
  }

  private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(PdfWriter::newParser);

  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
      });
      b.setErrorHandler(null);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stream factory that never opens anything. */
  private static final FSStreamFactory REFUSE = url -> {
    REFUSED.incrementAndGet();
    return new FSStream() {
      @Override
      public java.io.InputStream getStream() {
        return null;
      }

      @Override
      public java.io.Reader getReader() {
        return null;
      }
    };
  };

  /**
   * Renders XHTML to PDF.
   *
   * @param xhtml a well-formed XHTML document without DOCTYPE
   * @param families the font families to make available (main and fallback)
   * @return the PDF
   * @throws RenderException when the markup is not well-formed or the layout fails
   */
  public static byte[] render(String xhtml, List<String> families) {
    return render(xhtml, families, Rtl.needed(xhtml), true);
  }

  /**
   * Renders XHTML to PDF.
   *
   * @param xhtml a well-formed XHTML document without DOCTYPE
   * @param families the font families to make available (main and fallback)
   * @param rightToLeft whether the text has Hebrew or Arabic (needs the optional ICU support)
   * @param tagged whether to tag the PDF (PDF/UA)
   * @return the PDF
   * @throws RenderException when the markup is not well-formed or the layout fails
   */
  public static byte[] render(String xhtml, List<String> families, boolean rightToLeft, boolean tagged) {
    Document dom;
    try {
      DocumentBuilder parser = PARSER.get();
      parser.reset();
      dom = parser.parse(new InputSource(new StringReader(xhtml)));
    } catch (SAXException | IOException e) {
      throw new RenderException("the page markup is not well-formed XHTML: " + e.getMessage(), e);
    }
    List<Fonts.Face> borrowedFaces = new ArrayList<>();
    List<TrueTypeFont> borrowed = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (PDDocument pdf = new PDDocument()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.usePDDocument(pdf);
      b.usePdfUaAccessibility(tagged);
      b.withProducer("AltoCV");
      b.useExternalResourceAccessControl((uri, type) -> refuse(), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      b.useExternalResourceAccessControl((uri, type) -> refuse(), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      b.useUriResolver((base, uri) -> {
        REFUSED.incrementAndGet();
        return null;
      });
      b.useHttpStreamImplementation(REFUSE);
      b.useProtocolsStreamImplementation(REFUSE, Set.of("http", "https", "file", "jar", "ftp", "data", "classpath"));
      for (String family : families) {
        for (Fonts.Face face : Fonts.facesOf(family)) {
          b.useFont(new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
              TrueTypeFont ttf = Fonts.borrow(face);
              synchronized (borrowed) {
                borrowed.add(ttf);
                borrowedFaces.add(face);
              }
              try {
                return PDType0Font.load(pdf, ttf, true);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }, face.family(), face.weight(),
              face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
        }
      }
      // break lines at spaces and after hyphens only (Unicode line breaking), never inside a URL or an e-mail
      // address as openhtmltopdf's default breaker does: a URL cut in two would not come back whole on import
      b.useUnicodeLineBreaker(new LineBreaker());
      if (rightToLeft) {
        Rtl.apply(b);
      }
      b.withW3cDocument(dom, null);
      try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = b.buildPdfRenderer()) {
        // object streams (PDFBox 3's default) keep the file at half the size; measured, leaving them out saved no
        // time that stood out from the noise
        renderer.createPDFKeepOpen().save(out);
      }
    } catch (RenderException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new RenderException("the PDF could not be laid out: " + e, e);
    } finally {
      for (int i = 0; i < borrowed.size(); i++) {
        Fonts.release(borrowedFaces.get(i), borrowed.get(i));
      }
    }
    return out.toByteArray();
  }

  /**
   * Line breaks at spaces, after a hyphen between letters, and between Chinese, Japanese and Korean characters;
   * never inside a URL, an e-mail address, a date or at a no-break space (Java's and openhtmltopdf's default
   * breakers split URLs after dots and colons, and a URL cut in two would not come back whole on import).
   */
  static final class LineBreaker implements com.openhtmltopdf.extend.FSTextBreaker {
    private String text = "";
    private int pos;

    @Override
    public void setText(String newText) {
      text = newText;
      pos = 0;
    }

    @Override
    public int next() {
      int n = text.length();
      if (pos >= n) {
        return -1;
      }
      for (int i = pos; i < n; i++) {
        char c = text.charAt(i);
        boolean breakAfter = c == ' ' || c == '\n' || c == '\t'
            || (c == '-' && i > 0 && i + 1 < n && Character.isLetter(text.charAt(i - 1))
                && Character.isLetter(text.charAt(i + 1)))
            || (i + 1 < n && wide(c) && wide(text.charAt(i + 1)));
        if (breakAfter) {
          while (i + 1 < n && text.charAt(i + 1) == ' ') {
            i++;
          }
          pos = i + 1;
          return pos;
        }
      }
      pos = n;
      return n;
    }

    private static boolean wide(char c) {
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
          || s == Character.UnicodeScript.KATAKANA || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
    }
  }

  /**
   * Whether a text has Hebrew or Arabic letters (and so needs the optional right-to-left support).
   *
   * @param text the text
   * @return true when it does
   */
  public static boolean rightToLeft(CharSequence text) {
    return Rtl.needed(text);
  }

  private static boolean refuse() {
    REFUSED.incrementAndGet();
    return false;
  }
}
