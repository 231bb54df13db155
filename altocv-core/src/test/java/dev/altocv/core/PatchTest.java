package dev.altocv.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Work;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import dev.altocv.core.patch.PatchSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTest {
  private final Cv cv = AltoCv.read(Fixtures.text("sample-resume.json"));

  private PatchRejectedException rejected(String patchJson) {
    try {
      AltoCv.apply(cv, Patch.fromJson(patchJson));
    } catch (PatchRejectedException e) {
      return e;
    }
    throw new AssertionError("patch was not rejected: " + patchJson);
  }

  @Test
  void replacesAFieldOfAnItemSelectedById() {
    PatchResult r = AltoCv.apply(cv, Patch.fromJson(
        "[{\"op\":\"replace\",\"path\":\"/work/[id=w2]/position\",\"value\":\"Lead Backend Engineer\"}]"));
    assertThat(r.cv().work().get(1).position()).isEqualTo("Lead Backend Engineer");
    assertThat(r.cv().work().get(0)).isEqualTo(cv.work().get(0));
    assertThat(r.inverse().operations()).containsExactly(
        PatchOp.test("/work/[id=w2]/position", "Lead Backend Engineer"),
        PatchOp.replace("/work/[id=w2]/position", "Backend Engineer"));
  }

  @Test
  void idSelectorsFollowItemsWhenTheListIsReordered() {
    Cv moved = AltoCv.apply(cv, Patch.of(PatchOp.move("/work/[id=w2]", "/work/0"))).cv();
    assertThat(moved.work()).extracting(Work::id).containsExactly("w2", "w1");
    Cv edited = AltoCv.apply(moved, Patch.of(PatchOp.replace("/work/[id=w1]/name", "Klarfeld"))).cv();
    assertThat(edited.work().get(1).name()).isEqualTo("Klarfeld");
  }

  @Test
  void addedItemsGetTheSmallestUnusedIdAndTheInverseRemovesThem() {
    Cv removed = AltoCv.apply(cv, Patch.of(PatchOp.remove("/work/[id=w1]"))).cv();
    PatchResult r = AltoCv.apply(removed, Patch.of(PatchOp.add("/work/-",
        Map.of("name", "Acme", "position", "CTO", "startDate", "2025"))));
    assertThat(r.cv().work()).extracting(Work::id).containsExactly("w2", "w1");
    assertThat(r.inverse().operations()).containsExactly(PatchOp.remove("/work/[id=w1]"));
    assertThat(AltoCv.apply(r.cv(), r.inverse()).cv()).isEqualTo(removed);
  }

  @Test
  void acceptsModelRecordsAsValues() {
    Work job = new Work(null, "Acme", null, null, "CTO", null, "2025-01", null, null, List.of("Hired 10"), null);
    Cv out = AltoCv.apply(cv, Patch.of(PatchOp.add("/work/0", job))).cv();
    assertThat(out.work().get(0).id()).isEqualTo("w3");
    assertThat(out.work().get(0).highlights()).containsExactly("Hired 10");
  }

  @Test
  void copiedItemsGetNewIds() {
    Cv out = AltoCv.apply(cv, Patch.of(PatchOp.copy("/work/[id=w1]", "/work/-"))).cv();
    assertThat(out.work()).extracting(Work::id).containsExactly("w1", "w2", "w3");
    assertThat(out.work().get(2).highlights()).isEqualTo(cv.work().get(0).highlights());
  }

  @Test
  void aStaleTestIsRefusedAndNamesTheOperation() {
    PatchRejectedException e = rejected("""
        [{"op":"test","path":"/work/[id=w1]/highlights/1","value":"Led a team of 4 engineers"},
         {"op":"replace","path":"/work/[id=w1]/highlights/1","value":"Led a team of 6 engineers"}]""");
    assertThat(e.operationIndex()).isZero();
    assertThat(e.getMessage()).startsWith("operation 0 (test /work/[id=w1]/highlights/1) was rejected: test failed")
        .contains("the CV changed since");
  }

  @Test
  void unknownIdsAndIndexesOutOfRangeAreNamed() {
    assertThat(rejected("[{\"op\":\"remove\",\"path\":\"/work/[id=w9]\"}]").reason())
        .isEqualTo("no item with id w9 in /work");
    assertThat(rejected("[{\"op\":\"remove\",\"path\":\"/work/[id=w1]/highlights/3\"}]").reason())
        .isEqualTo("index 3 is out of range: /work/[id=w1]/highlights has 3 items");
    assertThat(rejected("[{\"op\":\"replace\",\"path\":\"/basics/nickname\",\"value\":\"A\"}]").reason())
        .isEqualTo("/basics/nickname does not exist");
    assertThat(rejected("[{\"op\":\"add\",\"path\":\"/nope/x\",\"value\":1}]").reason())
        .isEqualTo("/nope does not exist");
  }

  @Test
  void aPatchThatMakesTheCvInvalidIsRejectedWithPointers() {
    PatchRejectedException e = rejected("""
        [{"op":"replace","path":"/work/[id=w2]/startDate","value":"last summer"},
         {"op":"replace","path":"/altocv/design/typography/bodySize","value":30}]""");
    assertThat(e.operationIndex()).isEqualTo(-1);
    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "/altocv/design/typography/bodySize: must be between 8 and 14 pt",
        "/work/[id=w2]/startDate: must be a real date like 2021, 2021-06 or 2021-06-15 (ISO 8601: month 01-12, a "
            + "day the month has; leave endDate out"
            + " for a current role)");
  }

  @Test
  void idsCannotBeEditedOrDuplicated() {
    assertThat(rejected("[{\"op\":\"replace\",\"path\":\"/work/[id=w1]/id\",\"value\":\"w7\"}]").reason())
        .contains("ids are assigned by AltoCV");
    assertThat(rejected("[{\"op\":\"add\",\"path\":\"/work/-\",\"value\":{\"id\":\"w1\",\"name\":\"X\"}}]").reason())
        .isEqualTo("id 'w1' is used by two items; ids must be unique");
  }

  @Test
  void designSettingsAreStrict() {
    PatchRejectedException e = rejected(
        "[{\"op\":\"add\",\"path\":\"/altocv/design/colors/link\",\"value\":\"#000000\"}]");
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/altocv/design/colors/link");
      assertThat(v.message()).contains("allowed: primary, accent, text, background");
    });
  }

  @Test
  void malformedPatchesAreRejectedClearly() {
    assertThatThrownBy(() -> Patch.fromJson("[{\"op\":\"update\",\"path\":\"/basics/name\"}]"))
        .isInstanceOf(PatchRejectedException.class)
        .hasMessage("operation 0 was rejected: 'op' must be one of add, remove, replace, move, copy, test, not 'update'");
    assertThatThrownBy(() -> Patch.fromJson("[{\"op\":\"add\",\"path\":\"/basics/name\"}]"))
        .hasMessage("operation 0 was rejected: add needs 'value'");
    assertThatThrownBy(() -> Patch.fromJson("[{\"op\":\"move\",\"path\":\"/work/0\"}]"))
        .hasMessageContaining("move needs 'from'");
    assertThatThrownBy(() -> Patch.fromJson("[{\"op\":\"remove\",\"path\":\"work\"}]"))
        .hasMessageContaining("must be empty or start with '/'");
    assertThatThrownBy(() -> Patch.fromJson("[{\"op\":\"remove\",\"path\":\"/a\"}"))
        .isInstanceOf(MalformedJsonException.class).hasMessageContaining("line 1");
  }

  @Test
  void envelopesCarryMetadataAndRejectUnknownFields() {
    PatchEnvelope env = PatchEnvelope.fromJson("""
        {"baseVersion": 7, "source": "ats-fix", "description": "Normalise dates",
         "operations": [{"op":"remove","path":"/work/[id=w1]/highlights/0"}]}""");
    assertThat(env.baseVersion()).isEqualTo(7L);
    assertThat(env.source()).isEqualTo(PatchSource.ATS_FIX);
    assertThat(env.operations().size()).isEqualTo(1);
    assertThat(PatchEnvelope.fromJson(env.toJson())).isEqualTo(env);
    assertThat(PatchEnvelope.fromJson("[]").source()).isEqualTo(PatchSource.USER);
    assertThatThrownBy(() -> PatchEnvelope.fromJson("{\"operations\":[],\"base\":3}"))
        .hasMessageContaining("unknown envelope field 'base'");
    assertThatThrownBy(() -> PatchEnvelope.fromJson("{\"operations\":[],\"source\":\"robot\"}"))
        .hasMessageContaining("'source' must be one of user, ai, ats-fix, tailor, import");
  }

  @Test
  void moveAcrossListsAndIntoItselfFollowRfc6902() {
    Cv out = AltoCv.apply(cv, Patch.of(
        PatchOp.move("/work/[id=w1]/highlights/2", "/work/[id=w2]/highlights/-"))).cv();
    assertThat(out.work().get(0).highlights()).hasSize(2);
    assertThat(out.work().get(1).highlights()).last().asString().startsWith("Introduced contract tests");
    assertThat(rejected("[{\"op\":\"move\",\"from\":\"/basics\",\"path\":\"/basics/location/x\"}]").reason())
        .isEqualTo("a value cannot be moved into itself");
  }

  @Test
  void replacingAnItemWithoutAnIdKeepsItsId() {
    Cv out = AltoCv.apply(cv, Patch.of(PatchOp.replace("/work/[id=w2]", Map.of("name", "Nordlog", "position",
        "Engineer")))).cv();
    assertThat(out.work().get(1).id()).isEqualTo("w2");
    assertThat(out.work().get(1).highlights()).isEmpty();
  }

  @Test
  void aTooLongTextIsRefusedWithItsLimit() {
    PatchRejectedException e = rejected(
        "[{\"op\":\"replace\",\"path\":\"/basics/summary\",\"value\":\"" + "x".repeat(20_001) + "\"}]");
    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("/basics/summary: is too long: at most 20000 characters");
  }

  @Test
  void copiesThatDoubleTheCvAreRefusedBeforeMemoryRunsShort() {
    StringBuilder ops = new StringBuilder("[{\"op\":\"add\",\"path\":\"/meta\",\"value\":{\"note\":\"%s\"}}"
        .formatted("x".repeat(1_000)));
    for (int i = 0; i < 40; i++) {
      ops.append(",{\"op\":\"copy\",\"from\":\"/meta\",\"path\":\"/meta/c").append(i).append("\"}");
    }
    PatchRejectedException e = rejected(ops.append(']').toString());
    // about 1 KB, doubled by each copy, passes 2 million characters (1 KB x 2^11) at the 11th copy: operation 11
    assertThat(e.operationIndex()).isEqualTo(11);
    assertThat(e.reason()).isEqualTo("the CV would grow past 2 million characters of JSON");
    // a move is not growth
    Map<String, Object> notes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      notes.put("n" + i, "y".repeat(15_000));
    }
    Cv big = AltoCv.apply(cv, Patch.of(PatchOp.add("/meta", notes))).cv();
    Cv moved = AltoCv.apply(big, Patch.of(PatchOp.move("/meta", "/altocv/moved"), PatchOp.move("/altocv/moved",
        "/meta"), PatchOp.move("/meta/n0", "/meta/moved"))).cv();
    assertThat(AltoCv.write(moved)).contains("\"moved\"");
  }

  @Test
  void valuesNestedPastTheLimitAreRefused() {
    Object deep = "leaf";
    for (int i = 0; i < 99; i++) {
      deep = List.of(deep);
    }
    Patch tooDeep = Patch.of(PatchOp.add("/meta", Map.of("deep", deep)));
    PatchRejectedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> AltoCv.apply(cv, tooDeep), PatchRejectedException.class);
    assertThat(e.reason()).isEqualTo("the value would nest the CV more than 100 levels deep");
    // repeated copies deepen by one level each: refused at the limit, never a stack overflow
    StringBuilder ops = new StringBuilder("[{\"op\":\"add\",\"path\":\"/meta\",\"value\":{}}");
    String path = "/meta";
    for (int i = 0; i < 120; i++) {
      ops.append(",{\"op\":\"add\",\"path\":\"").append(path).append("/a\",\"value\":{}}");
      path += "/a";
    }
    assertThat(rejected(ops.append(']').toString()).reason())
        .isEqualTo("the value would nest the CV more than 100 levels deep");
  }
}
