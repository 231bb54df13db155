package dev.altocv.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.ai.FlagKind;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.ai.TestCvs;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchOp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Every tool: its schema, the patch it makes (ids, test guards) and what the guards say. */
class ToolsTest {
  private final Cv cv = TestCvs.ada();

  private Turn turn(String message, @Nullable String posting) {
    return new Turn(cv, new Guards(Engine.cvText(cv), List.of(message), posting));
  }

  private static Turn.Handled call(Turn t, String tool, String args) {
    return t.handle(new ToolCall("c" + t.edits().size(), tool, args));
  }

  private static List<FlagKind> kinds(ProposedEdit e) {
    return e.flags().stream().map(f -> f.kind()).toList();
  }

  @Test
  void everyToolHasAnObjectSchemaWithAReasonAndNoAltoCvMessageKeywords() {
    List<ToolSpec> specs = CvTools.specs();
    assertThat(specs).extracting(ToolSpec::name).containsExactly("update_basics", "set_summary", "add_work",
        "update_work", "remove_work", "update_education", "add_highlight", "rewrite_highlight", "remove_highlight",
        "add_skill", "remove_skill", "reorder_sections", "update_design");
    for (ToolSpec s : specs) {
      var schema = Json.parse(s.parametersSchema(), "schema");
      assertThat(schema.path("type").asText()).isEqualTo("object");
      assertThat(schema.path("additionalProperties").asBoolean(true)).as(s.name()).isFalse();
      assertThat(schema.path("required").toString()).as(s.name()).contains("\"reason\"");
      assertThat(s.parametersSchema()).as(s.name()).doesNotContain("\"message\"");
    }
    // ranges come from the CV schema of altocv-core
    String design = specs.get(12).parametersSchema();
    assertThat(design).contains("\"minimum\":8").contains("\"maximum\":14").contains("editorial");
  }

  @Test
  void rewriteHighlightIsGuardedByATestOfTheCurrentText() {
    Turn t = turn("Make my first Klarna bullet stronger", null);
    Turn.Handled h = call(t, "rewrite_highlight", """
        {"itemId":"w1","index":0,"original":"Built the settlement  service in Java and Kafka",
         "text":"Built the settlement service in Java and Kafka that settles card payments","reason":"impact"}""");
    assertThat(h.error()).as(h.content()).isFalse();
    ProposedEdit e = t.edits().get(0);
    assertThat(e.patch().operations()).containsExactly(
        PatchOp.test("/work/[id=w1]/highlights/0", "Built the settlement service in Java and Kafka"),
        PatchOp.replace("/work/[id=w1]/highlights/0",
            "Built the settlement service in Java and Kafka that settles card payments"));
    assertThat(e.flags()).isEmpty();
    assertThat(e.summary()).isEqualTo("Rewrite bullet 1 of Backend Engineer at Klarna");
    assertThat(h.content()).contains("edit 0");
  }

  @Test
  void aMisquotedBulletIsRefusedWithTheRightIndexOrTheActualText() {
    Turn t = turn("x", null);
    Turn.Handled wrongIndex = call(t, "rewrite_highlight", """
        {"itemId":"w1","index":0,"original":"Mentored two new hires","text":"Mentored 2 hires","reason":"r"}""");
    assertThat(wrongIndex.error()).isTrue();
    assertThat(wrongIndex.content()).contains("that text is bullet 2");
    Turn.Handled wrongText = call(t, "rewrite_highlight", """
        {"itemId":"w1","index":0,"original":"Something else","text":"New","reason":"r"}""");
    assertThat(wrongText.content()).contains("reads \"Built the settlement service in Java and Kafka\"");
    Turn.Handled noItem = call(t, "rewrite_highlight", """
        {"itemId":"w9","index":0,"original":"x","text":"y","reason":"r"}""");
    assertThat(noItem.content()).contains("no job, volunteer entry or project with id w9")
        .contains("w1 (Backend Engineer at Klarna)");
    assertThat(t.edits()).isEmpty();
  }

  @Test
  void schemaViolationsAreExplained() {
    Turn t = turn("x", null);
    assertThat(call(t, "add_work", "{\"name\":\"Acme\",\"reason\":\"r\"}").content())
        .contains("'position' is required");
    assertThat(call(t, "update_work", "{\"workId\":\"w1\",\"startDate\":\"March 2020\",\"reason\":\"r\"}")
        .content()).contains("startDate").contains("must be a real date like 2021");
    assertThat(call(t, "set_summary", "{\"summary\":\"x\",\"reason\":\"r\",\"cvId\":\"cv-42\"}").content())
        .contains("'cvId' is not an argument of this tool");
    assertThat(call(t, "update_design", "{\"bodySize\":30,\"reason\":\"r\"}").content())
        .contains("bodySize").contains("between 8 and 14");
    assertThat(call(t, "set_summary", "{\"summary\": \"x\"").content()).contains("not valid JSON");
    assertThat(call(t, "delete_everything", "{}").content()).contains("no tool named 'delete_everything'")
        .contains("set_summary");
    assertThat(t.edits()).isEmpty();
  }

  @Test
  void identityFieldsAreLockedUnlessThePersonAsks() {
    Turn notAsked = turn("Make my CV sound more senior", null);
    call(notAsked, "update_work", "{\"workId\":\"w1\",\"position\":\"Senior Backend Engineer\",\"reason\":\"r\"}");
    assertThat(kinds(notAsked.edits().get(0))).containsExactly(FlagKind.IDENTITY_CHANGE);
    assertThat(notAsked.edits().get(0).flags().get(0).message())
        .contains("the job title of Backend Engineer at Klarna from \"Backend Engineer\" to \"Senior Backend Engineer\"");

    Turn asked = turn("I was promoted: my title at Klarna is now Senior Backend Engineer", null);
    call(asked, "update_work", "{\"workId\":\"w1\",\"position\":\"Senior Backend Engineer\",\"reason\":\"r\"}");
    assertThat(asked.edits().get(0).flags()).isEmpty();

    Turn dates = turn("I actually joined Klarna in March 2020", null);
    call(dates, "update_work", "{\"workId\":\"w1\",\"startDate\":\"2020-03\",\"reason\":\"r\"}");
    assertThat(dates.edits().get(0).flags()).isEmpty();
    call(dates, "update_work", "{\"workId\":\"w2\",\"endDate\":\"2021-06\",\"reason\":\"r\"}");
    assertThat(kinds(dates.edits().get(1))).containsExactly(FlagKind.IDENTITY_CHANGE);

    Turn formatting = turn("Polish my CV", null);
    call(formatting, "update_basics", "{\"name\":\"ADA LINDQVIST\",\"reason\":\"r\"}");
    assertThat(formatting.edits().get(0).flags()).as("capitalisation only").isEmpty();
    call(formatting, "update_basics", "{\"email\":\"ada@evil.example\",\"reason\":\"r\"}");
    assertThat(kinds(formatting.edits().get(1))).containsExactly(FlagKind.IDENTITY_CHANGE);

    Turn newJob = turn("Add my job at Globex as a Data Analyst from 2016 to 2018", null);
    call(newJob, "add_work", """
        {"name":"Globex","position":"Data Analyst","startDate":"2016","endDate":"2018","reason":"r"}""");
    assertThat(newJob.edits().get(0).flags()).isEmpty();
    call(newJob, "add_work", "{\"name\":\"Google\",\"position\":\"Architect\",\"reason\":\"r\"}");
    assertThat(kinds(newJob.edits().get(1))).containsExactly(FlagKind.IDENTITY_CHANGE);

    Turn degree = turn("Tidy my education", null);
    call(degree, "update_education", "{\"educationId\":\"e1\",\"studyType\":\"PhD\",\"reason\":\"r\"}");
    assertThat(kinds(degree.edits().get(0))).containsExactly(FlagKind.IDENTITY_CHANGE);
  }

  @Test
  void addWorkKeepsReverseChronologicalOrderAndReportsTheNewId() {
    Turn t = turn("Add my job at Globex as a Data Analyst from 2019-06 to 2021-01", null);
    Turn.Handled h = call(t, "add_work", """
        {"name":"Globex","position":"Data Analyst","startDate":"2019-06","endDate":"2021-01",
         "highlights":["Built dashboards"],"reason":"r"}""");
    assertThat(h.content()).contains("New item id: w3");
    assertThat(t.edits().get(0).patch().operations().get(0).path()).isEqualTo("/work/[id=w2]");
    Cv after = AltoCv.apply(cv, t.edits().get(0).patch()).cv();
    assertThat(after.work()).extracting(w -> w.name()).containsExactly("Klarna", "Globex", "Spotify");
    // a later call on the new job builds on this edit
    call(t, "add_highlight", "{\"itemId\":\"w3\",\"text\":\"Automated reports\",\"reason\":\"r\"}");
    assertThat(t.edits().get(1).dependsOn()).containsExactly(0);
  }

  @Test
  void unverifiedFiguresAreFlaggedButFiguresFromTheCvOrThePersonAreNot() {
    Turn t = turn("Add that the settlement service handles 2,000 payments a second", null);
    call(t, "rewrite_highlight", """
        {"itemId":"w1","index":1,"original":"Cut batch time from 4 hours to 35 minutes",
         "text":"Cut batch time by 85% (4 hours to 35 minutes) for 40 teams","reason":"r"}""");
    ProposedEdit e = t.edits().get(0);
    assertThat(kinds(e)).containsExactly(FlagKind.UNVERIFIED_FIGURE);
    assertThat(e.flags().get(0).values()).containsExactly("85%", "40");
    call(t, "add_highlight", "{\"itemId\":\"w1\",\"text\":\"Handles 2000 payments per second on AWS\",\"reason\":\"r\"}");
    assertThat(t.edits().get(1).flags()).as("2,000 is in the person's message").isEmpty();
    call(t, "add_highlight", "{\"itemId\":\"pr1\",\"text\":\"Runs on Java 17 and AWS S3\",\"reason\":\"r\"}");
    assertThat(kinds(t.edits().get(2))).as("17 is a figure, S3 a name").containsExactly(FlagKind.UNVERIFIED_FIGURE);
    assertThat(t.edits().get(2).flags().get(0).values()).containsExactly("17");
  }

  @Test
  void unsupportedSkillsAreFlagged() {
    Turn t = turn("Add the skills I am missing; I also know Terraform", null);
    call(t, "add_skill", "{\"keyword\":\"Kotlin\",\"groupId\":\"s1\",\"reason\":\"from the Ledger project\"}");
    call(t, "add_skill", "{\"keyword\":\"Terraform\",\"groupName\":\"Cloud\",\"reason\":\"you said so\"}");
    call(t, "add_skill", "{\"keyword\":\"Kubernetes\",\"groupName\":\"Platform\",\"reason\":\"the job wants it\"}");
    assertThat(t.edits().get(0).flags()).isEmpty();
    assertThat(t.edits().get(1).flags()).isEmpty();
    assertThat(t.edits().get(1).patch().operations().get(0).path()).isEqualTo("/skills/[id=s2]/keywords/-");
    assertThat(kinds(t.edits().get(2))).containsExactly(FlagKind.UNSUPPORTED_SKILL);
    assertThat(t.edits().get(2).patch().operations().get(0).path()).isEqualTo("/skills/-");
    assertThat(call(t, "add_skill", "{\"keyword\":\"java\",\"groupId\":\"s2\",\"reason\":\"r\"}").content())
        .contains("already lists Java");
  }

  @Test
  void skillsShownThroughAnAliasOrAnImplyingSkillAreSupported() {
    // the CV lists PostgreSQL (which shows SQL) and Kafka; the person mentions k8s (Kubernetes)
    Turn t = turn("Add what I know; I run our k8s clusters", null);
    call(t, "add_skill", "{\"keyword\":\"SQL\",\"groupId\":\"s1\",\"reason\":\"PostgreSQL\"}");
    call(t, "add_skill", "{\"keyword\":\"Kubernetes\",\"groupId\":\"s2\",\"reason\":\"you said k8s\"}");
    call(t, "add_skill", "{\"keyword\":\"Docker\",\"groupId\":\"s2\",\"reason\":\"Kubernetes implies it\"}");
    call(t, "add_skill", "{\"keyword\":\"Terraform\",\"groupId\":\"s2\",\"reason\":\"the job wants it\"}");
    assertThat(t.edits()).extracting(e -> e.flagged()).containsExactly(false, false, false, true);
  }

  @Test
  void removalsAreFlaggedUnlessThePersonAskedToRemoveSomething() {
    Turn t = turn("Tailor my CV", null);
    call(t, "remove_highlight", "{\"itemId\":\"w1\",\"index\":2,\"original\":\"Mentored two new hires\",\"reason\":\"r\"}");
    call(t, "remove_skill", "{\"groupId\":\"s1\",\"keyword\":\"postgresql\",\"reason\":\"r\"}");
    call(t, "remove_work", "{\"workId\":\"w2\",\"reason\":\"r\"}");
    assertThat(kinds(t.edits().get(0))).containsExactly(FlagKind.UNREQUESTED_REMOVAL);
    assertThat(kinds(t.edits().get(1))).containsExactly(FlagKind.UNREQUESTED_REMOVAL);
    assertThat(kinds(t.edits().get(2))).containsExactly(FlagKind.IDENTITY_CHANGE, FlagKind.UNREQUESTED_REMOVAL);
    assertThat(t.edits().get(1).patch().operations()).containsExactly(
        PatchOp.test("/skills/[id=s1]/keywords/2", "PostgreSQL"), PatchOp.remove("/skills/[id=s1]/keywords/2"));

    Turn asked = turn("Remove my Spotify job and trim the bullets", null);
    call(asked, "remove_work", "{\"workId\":\"w2\",\"reason\":\"r\"}");
    call(asked, "remove_highlight", "{\"itemId\":\"w1\",\"index\":2,\"original\":\"Mentored two new hires\",\"reason\":\"r\"}");
    assertThat(asked.edits().get(0).flags()).isEmpty();
    assertThat(asked.edits().get(1).flags()).isEmpty();
  }

  @Test
  void newContactsAndTextCopiedFromThePostingAreFlagged() {
    String posting = "We want someone who thrives in a fast paced environment and loves building resilient payment "
        + "platforms at scale for millions of customers.";
    Turn t = turn("Tailor my summary to the job", posting);
    call(t, "set_summary", """
        {"summary":"Thrives in a fast paced environment and loves building resilient payment platforms at scale.",
         "reason":"r"}""");
    assertThat(kinds(t.edits().get(0))).containsExactly(FlagKind.COPIED_FROM_POSTING);
    call(t, "add_highlight", "{\"itemId\":\"w1\",\"text\":\"Portfolio at https://ada.example/work\",\"reason\":\"r\"}");
    assertThat(kinds(t.edits().get(1))).containsExactly(FlagKind.UNVERIFIED_CONTACT);
    call(t, "add_highlight", "{\"itemId\":\"w2\",\"text\":\"Built resilient payment platforms with Kafka\",\"reason\":\"r\"}");
    assertThat(t.edits().get(2).flags()).as("a short shared phrase is fine").isEmpty();
  }

  @Test
  void designAndSectionOrderEditsTestTheOldValues() {
    Turn t = turn("Use the classic fonts, a smaller body text and put skills first", null);
    call(t, "update_design", """
        {"fontPairing":"classic","bodySize":10,"colors":{"primary":"#0B3D2E"},"reason":"r"}""");
    ProposedEdit e = t.edits().get(0);
    assertThat(e.patch().operations()).contains(
        PatchOp.test("/altocv/design/typography/fontPairing", "modern"),
        PatchOp.replace("/altocv/design/typography/fontPairing", "classic"),
        PatchOp.replace("/altocv/design/colors/primary", "#0B3D2E"));
    call(t, "reorder_sections", "{\"order\":[\"skills\",\"work\",\"education\"],\"reason\":\"r\"}");
    Cv after = t.edits().stream().reduce(cv, (c, ed) -> AltoCv.apply(c, ed.patch()).cv(), (a, b) -> b);
    assertThat(after.altocv().design().layout().sectionOrder()).containsExactly("skills", "work", "education");
    assertThat(after.altocv().design().typography().bodySize()).isEqualTo(10);
    assertThat(call(t, "reorder_sections", "{\"order\":[\"hobbies\"],\"reason\":\"r\"}").content())
        .contains("'hobbies' is not a section");
  }

  @Test
  void anEditThatChangesNothingIsRefused() {
    Turn t = turn("x", null);
    assertThat(call(t, "set_summary", """
        {"summary":"Backend engineer who builds payment systems in Java.","reason":"r"}""").content())
        .contains("changes nothing");
  }
}
