package dev.altocv.benchmarks;

import dev.altocv.ai.embed.LocalEmbedder;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The local embedding model (all-MiniLM-L6-v2 from the classpath, ONNX Runtime on the CPU): one sentence, and
 * the 2-page CV, whole (one text, embedded in 256-token windows and averaged) and by piece (summary, each
 * bullet, each skill group: what job matching embeds).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbeddingBenchmark {

  LocalEmbedder embedder;
  String sentence;
  String wholeCv;
  List<String> pieces;

  /** Loads the model (once per fork) and prepares the texts. */
  @Setup
  public void setUp() {
    embedder = LocalEmbedder.create();
    sentence = "Cut settlement batch time from 4 hours to 35 minutes by partitioning jobs across 12 workers";
    Cv cv = AltoCv.read(Fixtures.text("two-page-cv.json"));
    pieces = new ArrayList<>();
    if (cv.basics().summary() != null) {
      pieces.add(cv.basics().summary());
    }
    for (Work w : cv.work()) {
      pieces.add(w.position() + " at " + w.name());
      pieces.addAll(w.highlights());
    }
    for (Skill s : cv.skills()) {
      pieces.add(s.name() + ": " + String.join(", ", s.keywords()));
    }
    wholeCv = String.join("\n", pieces);
  }

  /** One sentence (a CV bullet). */
  @Benchmark
  public float[] oneSentence() {
    return embedder.embed(sentence);
  }

  /** The 2-page CV's text as one input. */
  @Benchmark
  public float[] twoPageCvWhole() {
    return embedder.embed(wholeCv);
  }

  /** The 2-page CV piece by piece (summary, job titles, bullets, skill groups). */
  @Benchmark
  public List<float[]> twoPageCvByPiece() {
    return embedder.embedAll(pieces);
  }
}
