package dev.altocv.server.pages;

import dev.altocv.core.AltoCv;
import dev.altocv.core.ats.AtsAnalyzer;
import dev.altocv.core.model.Cv;
import dev.altocv.render.PdfOptions;
import dev.altocv.render.Render;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What the dashboard shows of each CV, computed from a version's content and kept by CV id and version (a
 * version never changes, so an entry is never stale): a thumbnail of page 1 of its PDF, and its ATS score.
 */
final class Thumbnails {
  /** Thumbnails are drawn at this fraction of 72 dpi (an A4 page is about 300 x 420 pixels). */
  static final float SCALE = 0.5f;

  private final Map<String, byte[]> images = lru(300);
  private final Map<String, Integer> scores = lru(2000);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private static <V> V cached(Map<String, V> map, String key, Supplier<V> make) {
    synchronized (map) {
      V v = map.get(key);
      if (v != null) {
        return v;
      }
    }
    V v = make.get();
    synchronized (map) {
      map.put(key, v);
    }
    return v;
  }

  /**
   * Page 1 of the CV's PDF as a PNG.
   *
   * @param id the CV
   * @param version its version
   * @param content the AltoCV document at that version
   * @return the PNG
   */
  byte[] png(UUID id, long version, String content) {
    return cached(images, id + ":" + version, () -> draw(AltoCv.read(content)));
  }

  /**
   * The CV's ATS score (the deterministic analysis, without a job posting).
   *
   * @param id the CV
   * @param version its version
   * @param content the AltoCV document
   * @return 0-100
   */
  int atsScore(UUID id, long version, String content) {
    return cached(scores, id + ":" + version, () -> AtsAnalyzer.standard().analyze(AltoCv.read(content)).score());
  }

  static byte[] draw(Cv cv) {
    byte[] pdf = Render.pdf(cv, PdfOptions.DEFAULT.withTagged(false));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage img = new PDFRenderer(doc).renderImage(0, SCALE, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the thumbnail", e);
    }
  }
}
