package dev.altocv.benchmarks;

import dev.altocv.core.AltoCv;
import dev.altocv.core.ValidationReport;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The foundation's hot paths: reading and validating a 2-page CV, and applying a 10-operation patch (which
 * includes schema validation of the result and computing the inverse).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoreBenchmark {

  String json;
  Cv cv;
  Patch patch;

  /** Loads the 2-page CV and a 10-operation patch addressed by item ids. */
  @Setup
  public void setUp() {
    json = Fixtures.text("two-page-cv.json");
    cv = AltoCv.read(json);
    patch = Patch.fromJson("""
        [
          {"op":"test","path":"/work/[id=w1]/highlights/0","value":"Cut settlement batch time from 4 hours to 35 minutes by partitioning jobs across 12 workers"},
          {"op":"replace","path":"/work/[id=w1]/highlights/0","value":"Cut settlement batch time by 85% by partitioning jobs across 12 workers"},
          {"op":"replace","path":"/work/[id=w2]/position","value":"Senior Backend Engineer"},
          {"op":"add","path":"/work/[id=w2]/highlights/-","value":"Mentored 3 junior engineers"},
          {"op":"move","from":"/skills/[id=s2]","path":"/skills/0"},
          {"op":"add","path":"/skills/[id=s1]/keywords/-","value":"gRPC"},
          {"op":"replace","path":"/basics/label","value":"Staff Backend Engineer"},
          {"op":"remove","path":"/interests/[id=i1]"},
          {"op":"add","path":"/certificates/-","value":{"name":"CKA","date":"2024-03","issuer":"CNCF"}},
          {"op":"replace","path":"/altocv/design/colors/primary","value":"#0B3D2E"}
        ]""");
    if (patch.size() != 10) {
      throw new IllegalStateException("expected 10 operations");
    }
  }

  /** Parse, schema-validate and build the records of a 2-page JSON Resume document. */
  @Benchmark
  public Cv readAndValidate() {
    return AltoCv.read(json);
  }

  /** Schema validation alone, of the text. */
  @Benchmark
  public ValidationReport validateOnly() {
    return AltoCv.validate(json);
  }

  /** Apply a 10-operation patch: ops, id pass, schema validation of the result, records, inverse. */
  @Benchmark
  public PatchResult applyTenOperationPatch() {
    return AltoCv.apply(cv, patch);
  }

  /** The diff between the CV and its patched version. */
  @Benchmark
  public Patch diffAfterPatch() {
    return AltoCv.diff(cv, AltoCv.apply(cv, patch).cv());
  }
}
