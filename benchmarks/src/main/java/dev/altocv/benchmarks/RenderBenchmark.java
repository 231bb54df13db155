package dev.altocv.benchmarks;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.render.ImportResult;
import dev.altocv.render.Importer;
import dev.altocv.render.Render;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 2-page CV rendered to PDF (fonts embedded as subsets, tagged) and the resulting PDF imported back. Sample
 * time mode reports p50 and p95. {@code benchmarks/run RenderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark {

  Cv cv;
  byte[] pdf;
  Importer importer;

  /** Loads the CV and renders it once. */
  @Setup
  public void setUp() {
    cv = AltoCv.read(Fixtures.text("two-page-cv.json"));
    pdf = Render.pdf(cv);
    importer = Importer.withDefaults();
  }

  /** CV to PDF. */
  @Benchmark
  public byte[] renderPdf() {
    return Render.pdf(cv);
  }

  /** CV to PDF without the accessibility tags. */
  @Benchmark
  public byte[] renderPdfUntagged() {
    return Render.pdf(cv, dev.altocv.render.PdfOptions.DEFAULT.withTagged(false));
  }

  /** CV to the live preview page. */
  @Benchmark
  public String previewHtml() {
    return Render.previewHtml(cv);
  }

  /** The 2-page PDF back to a CV. */
  @Benchmark
  public ImportResult importPdf() {
    return importer.read(pdf, "cv.pdf");
  }
}
