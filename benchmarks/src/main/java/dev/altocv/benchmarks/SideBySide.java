package dev.altocv.benchmarks;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.render.Importer;
import dev.altocv.render.PdfOptions;
import dev.altocv.render.PreviewOptions;
import dev.altocv.render.Render;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * AltoCV against headless Chromium on the same 2-page CV, in one run:
 * <ul>
 *   <li>AltoCV: CV to PDF in this (warmed) JVM, fonts embedded and subset, p50 and p95 over N renders, tagged
 *       (the default) and untagged;</li>
 *   <li>Chromium: {@code --print-to-pdf} of the same page (AltoCV's HTML, with the same fonts from local files),
 *       one process per PDF as a server would run it, median of M runs;</li>
 *   <li>import of AltoCV's 2-page PDF: p50 and p95.</li>
 * </ul>
 * {@code benchmarks/run --main SideBySide [renders=300] [chromiumRuns=12] [chromium=/usr/bin/chromium]}
 */
public final class SideBySide {
  private SideBySide() {}

  /**
   * Runs the comparison.
   *
   * @param args renders, Chromium runs, Chromium binary
   * @throws Exception when Chromium cannot be run
   */
  public static void main(String[] args) throws Exception {
    int renders = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    String chromium = args.length > 2 ? args[2] : "/usr/bin/chromium";
    Cv cv = AltoCv.read(Fixtures.text("two-page-cv.json"));

    for (int i = 0; i < 100; i++) {
      Render.pdf(cv);
    }
    long[] t = new long[renders];
    byte[] pdf = null;
    for (int i = 0; i < renders; i++) {
      long s = System.nanoTime();
      pdf = Render.pdf(cv);
      t[i] = System.nanoTime() - s;
    }
    long[] untagged = new long[renders];
    for (int i = 0; i < renders; i++) {
      long s = System.nanoTime();
      Render.pdf(cv, PdfOptions.DEFAULT.withTagged(false));
      untagged[i] = System.nanoTime() - s;
    }
    Importer importer = Importer.withDefaults();
    for (int i = 0; i < 50; i++) {
      importer.read(pdf, "cv.pdf");
    }
    long[] imp = new long[renders];
    for (int i = 0; i < renders; i++) {
      long s = System.nanoTime();
      importer.read(pdf, "cv.pdf");
      imp[i] = System.nanoTime() - s;
    }

    Path dir = Files.createTempDirectory("altocv-side-by-side");
    Path fonts = Files.createDirectories(dir.resolve("fonts"));
    for (String f : Render.fontFiles()) {
      Files.write(fonts.resolve(f), Render.fontFile(f).orElseThrow());
    }
    Path html = dir.resolve("cv.html");
    String page = Render.previewHtml(cv, PreviewOptions.DEFAULT.withBridge(false).withFontBaseUrl("fonts/"))
        .replace("<div class=\"cv-page-guides\" aria-hidden=\"true\"></div>", "");
    Files.writeString(html, page);
    Files.write(dir.resolve("altocv.pdf"), pdf);
    long[] c = new long[runs];
    for (int i = 0; i < runs; i++) {
      Path profile = Files.createTempDirectory(dir, "profile");
      Path out = dir.resolve("chromium-" + i + ".pdf");
      List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-quic", "--no-pdf-header-footer", "--user-data-dir=" + profile,
          "--print-to-pdf=" + out, html.toUri().toString()));
      long s = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
          .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish in 120 s");
      }
      c[i] = System.nanoTime() - s;
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new IllegalStateException("Chromium failed (exit " + p.exitValue() + "); see " + dir.resolve("chromium.log"));
      }
    }
    double altoP50 = pct(t, 50);
    double chromeP50 = pct(c, 50);
    System.out.printf(Locale.ROOT, "AltoCV PDF render (warm JVM, %d renders): p50 %.1f ms, p95 %.1f ms, %d bytes%n",
        renders, altoP50, pct(t, 95), pdf.length);
    System.out.printf(Locale.ROOT, "AltoCV PDF render, untagged (%d renders): p50 %.1f ms, p95 %.1f ms%n", renders,
        pct(untagged, 50), pct(untagged, 95));
    System.out.printf(Locale.ROOT, "Chromium --print-to-pdf (%d runs): median %.0f ms, min %.0f ms, max %.0f ms, %d bytes%n",
        runs, chromeP50, pct(c, 0), pct(c, 100), Files.size(dir.resolve("chromium-0.pdf")));
    System.out.printf(Locale.ROOT, "AltoCV is %.0f times faster at the median%n", chromeP50 / altoP50);
    System.out.printf(Locale.ROOT, "Import of the %d-page PDF (%d imports): p50 %.1f ms, p95 %.1f ms%n",
        pages(pdf), renders, pct(imp, 50), pct(imp, 95));
    System.out.println("files: " + dir);
  }

  private static int pages(byte[] pdf) throws IOException {
    try (var d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return d.getNumberOfPages();
    }
  }

  private static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int i = (int) Math.min(s.length - 1, Math.round(p / 100.0 * (s.length - 1)));
    return s[i] / 1e6;
  }
}
