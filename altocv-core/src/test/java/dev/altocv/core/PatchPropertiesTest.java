package dev.altocv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property tests over seeded random CVs and random valid patches. Each seed is one dynamic test named by
 * its seed, so a failure replays exactly. Set -Daltocv.properties.tries=N to run more.
 */
class PatchPropertiesTest {
  private static final int TRIES = Integer.getInteger("altocv.properties.tries", 300);

  private static Stream<DynamicTest> seeds(String name, SeedCheck check) {
    return LongStream.range(0, TRIES)
        .mapToObj(seed -> DynamicTest.dynamicTest(name + " [seed " + seed + "]", () -> check.run(seed)));
  }

  interface SeedCheck {
    void run(long seed) throws Exception;
  }

  /** A random valid patch for cv: each candidate operation is kept only if it applies after the others. */
  static Patch randomPatch(RandomCvs g, Cv cv, int maxOps) {
    List<PatchOp> ops = new ArrayList<>();
    Cv state = cv;
    int wanted = 1 + new java.util.Random(cv.hashCode()).nextInt(maxOps);
    for (int tries = 0; ops.size() < wanted && tries < wanted * 4; tries++) {
      PatchOp op = g.op(state);
      try {
        state = AltoCv.apply(state, Patch.of(op)).cv();
        ops.add(op);
      } catch (PatchRejectedException e) {
        // an operation the generator could not know was invalid (e.g. an empty section title): skip it
      }
    }
    return new Patch(ops);
  }

  @TestFactory
  Stream<DynamicTest> applyingThenApplyingTheInverseGivesBackTheOriginal() {
    return seeds("inverse", seed -> {
      RandomCvs g = new RandomCvs(seed);
      Cv cv = g.cv();
      Patch patch = randomPatch(g, cv, 10);
      PatchResult forward = AltoCv.apply(cv, patch);
      PatchResult back = AltoCv.apply(forward.cv(), forward.inverse());
      assertThat(back.cv()).as("patch %s", patch).isEqualTo(cv);
      // and the inverse of the inverse redoes the patch
      assertThat(AltoCv.apply(cv, back.inverse()).cv()).isEqualTo(forward.cv());
    });
  }

  @TestFactory
  Stream<DynamicTest> aWholePatchEqualsItsOperationsOneByOne() {
    return seeds("sequential", seed -> {
      RandomCvs g = new RandomCvs(seed);
      Cv cv = g.cv();
      Patch patch = randomPatch(g, cv, 8);
      Cv stepwise = cv;
      for (PatchOp op : patch) {
        stepwise = AltoCv.apply(stepwise, Patch.of(op)).cv();
      }
      assertThat(AltoCv.apply(cv, patch).cv()).isEqualTo(stepwise);
    });
  }

  @TestFactory
  Stream<DynamicTest> aRejectedPatchChangesNothing() {
    return seeds("rejected", seed -> {
      RandomCvs g = new RandomCvs(seed);
      Cv cv = g.cv();
      String before = AltoCv.write(cv);
      Patch valid = randomPatch(g, cv, 6);
      Patch broken = valid.then(Patch.of(PatchOp.test("/basics/name", "\u0000 never this name")));
      assertThatThrownBy(() -> AltoCv.apply(cv, broken))
          .isInstanceOfSatisfying(PatchRejectedException.class,
              e -> assertThat(e.operationIndex()).isEqualTo(valid.size()));
      assertThat(AltoCv.write(cv)).isEqualTo(before);
      assertThat(AltoCv.apply(cv, valid).cv()).isEqualTo(AltoCv.apply(cv, valid).cv());
    });
  }

  @TestFactory
  Stream<DynamicTest> theDiffTurnsOneCvIntoTheOther() {
    return seeds("diff", seed -> {
      RandomCvs g = new RandomCvs(seed);
      Cv a = g.cv();
      Cv edited = AltoCv.apply(a, randomPatch(g, a, 12)).cv();
      Cv unrelated = g.cv();
      for (Cv b : List.of(edited, unrelated)) {
        Patch diff = AltoCv.diff(a, b);
        assertThat(AltoCv.apply(a, diff).cv()).as("diff %s", diff).isEqualTo(b);
      }
      assertThat(AltoCv.diff(a, a).isEmpty()).isTrue();
    });
  }

  @TestFactory
  Stream<DynamicTest> writingAndReadingGivesTheSameCv() {
    return seeds("json", seed -> {
      Cv cv = new RandomCvs(seed).cv();
      assertThat(AltoCv.read(AltoCv.write(cv))).isEqualTo(cv);
      assertThat(AltoCv.validate(cv).isValid()).as(AltoCv.validate(cv).toString()).isTrue();
    });
  }
}
