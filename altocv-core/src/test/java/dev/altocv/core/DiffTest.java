package dev.altocv.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import org.junit.jupiter.api.Test;

class DiffTest {
  private final Cv cv = AltoCv.read(Fixtures.text("sample-resume.json"));

  private Cv edit(String json) {
    return AltoCv.apply(cv, Patch.fromJson(json)).cv();
  }

  @Test
  void aRewrittenBulletIsOneGuardedReplace() {
    Cv b = edit("[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/highlights/1\",\"value\":\"Led 6 engineers\"}]");
    assertThat(AltoCv.diff(cv, b).operations()).containsExactly(
        PatchOp.test("/work/[id=w1]/highlights/1",
            "Led a team of 5 engineers through the migration from Oracle to PostgreSQL with zero downtime"),
        PatchOp.replace("/work/[id=w1]/highlights/1", "Led 6 engineers"));
  }

  @Test
  void reorderingJobsIsOneMove() {
    Cv b = edit("[{\"op\":\"move\",\"from\":\"/work/[id=w1]\",\"path\":\"/work/1\"}]");
    Patch d = AltoCv.diff(cv, b);
    assertThat(d.operations()).hasSize(1);
    assertThat(d.operations().get(0).op()).isEqualTo(PatchOp.Op.MOVE);
    assertThat(AltoCv.apply(cv, d).cv()).isEqualTo(b);
  }

  @Test
  void removedAndAddedItemsAreNamedById() {
    Cv b = edit("[{\"op\":\"remove\",\"path\":\"/skills/[id=s1]\"},"
        + "{\"op\":\"add\",\"path\":\"/skills/-\",\"value\":{\"id\":\"s9\",\"name\":\"Data\"}}]");
    Patch d = AltoCv.diff(cv, b);
    assertThat(d.operations()).first().isEqualTo(PatchOp.remove("/skills/[id=s1]"));
    assertThat(d.operations().get(1).op()).isEqualTo(PatchOp.Op.ADD);
    assertThat(d.operations().get(1).path()).isEqualTo("/skills/1");
    assertThat(d.operations()).hasSize(2);
    assertThat(AltoCv.apply(cv, d).cv()).isEqualTo(b);
  }

  @Test
  void aRemovedIdIsTheNextOneGiven() {
    Cv b = edit("[{\"op\":\"remove\",\"path\":\"/skills/[id=s1]\"},"
        + "{\"op\":\"add\",\"path\":\"/skills/-\",\"value\":{\"name\":\"Data\"}}]");
    assertThat(b.skills()).extracting(s -> s.id()).containsExactly("s2", "s1");
    assertThat(AltoCv.apply(cv, AltoCv.diff(cv, b)).cv()).isEqualTo(b);
  }

  @Test
  void designChangesAreMemberReplaces() {
    Cv b = edit("[{\"op\":\"replace\",\"path\":\"/altocv/design/colors/primary\",\"value\":\"#000000\"}]");
    assertThat(AltoCv.diff(cv, b).operations())
        .containsExactly(PatchOp.replace("/altocv/design/colors/primary", "#000000"));
  }
}
