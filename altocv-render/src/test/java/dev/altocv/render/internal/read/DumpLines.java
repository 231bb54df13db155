package dev.altocv.render.internal.read;

import dev.altocv.core.model.Cv;
import dev.altocv.render.Render;
import dev.altocv.render.TemplateInfo;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Debugging aid (not a test): prints the lines the reader sees. Args: template cvName [pdfOut]. */
public final class DumpLines {
  public static void main(String[] a) throws Exception {
    if (a[0].endsWith(".docx")) {
      try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
          Files.readAllBytes(Path.of(a[0]))))) {
        for (Line l : DocxText.read(d, new Deadline(10000))) {
          System.out.println(l + " h" + l.styleHeading + " bold=" + l.bold());
        }
      }
      return;
    }
    if (a[0].endsWith(".pdf")) {
      dump(Files.readAllBytes(Path.of(a[0])));
      return;
    }
    Class<?> samples = Class.forName("dev.altocv.render.SampleCvs");
    Method all = samples.getDeclaredMethod("all");
    all.setAccessible(true);
    Method with = samples.getDeclaredMethod("withTemplate", Cv.class, TemplateInfo.class);
    with.setAccessible(true);
    @SuppressWarnings("unchecked")
    Cv cv = ((java.util.Map<String, Cv>) all.invoke(null)).get(a[1]);
    cv = (Cv) with.invoke(null, cv, Render.template(a[0]).orElseThrow());
    if (a.length > 3 && a[3].equals("letter")) {
      dev.altocv.core.model.Design d = cv.altocv().design();
      dev.altocv.core.model.FontPairing other = dev.altocv.core.model.FontPairing.values()[
          (d.typography().fontPairing().ordinal() + 2) % dev.altocv.core.model.FontPairing.values().length];
      cv = cv.toBuilder().design(new dev.altocv.core.model.Design(d.templateId(), dev.altocv.core.model.Paper.LETTER,
          d.colors(), new dev.altocv.core.model.Typography(other, 14, 11, 1.5), d.spacing(), d.layout())).build();
    }
    byte[] pdf = Render.pdf(cv);
    if (a.length > 2) {
      Files.write(Path.of(a[2]), pdf);
    }
    dump(pdf);
  }

  static void dump(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PdfText.Result r = PdfText.read(d, new Deadline(10000));
      for (Line l : r.lines()) {
        StringBuilder s = new StringBuilder();
        for (Line.Chunk c : l.chunks) {
          s.append(" {x").append(Math.round(c.x0)).append('-').append(Math.round(c.x1)).append(' ');
          for (Line.Run run : c.runs) {
            s.append(run.bold() ? "B" : "").append(run.italic() ? "I" : "").append('[').append(run.text()).append(']');
          }
          s.append('}');
        }
        System.out.println("p" + l.page + " y" + Math.round(l.y) + " s" + l.size + (l.bullet ? " *" : "") + " r" + l.region
            + " R" + Math.round(l.regionRight) + s);
      }
    }
  }
}
