package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CvApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String PATCH = "application/json-patch+json";

  private static String create(Http u, String title) {
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"" + title + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static Http.Res setName(Http u, String id, long version, String name) {
    return u.patch("/api/v1/cvs/" + id, PATCH, "[{\"op\":\"add\",\"path\":\"/basics/name\",\"value\":\"" + name
        + "\"}]", "If-Match", "\"" + version + "\"");
  }

  @Test
  void createChargesAndReturnsTheCvWithItsVersion() {
    Http u = server.user("create@example.com");
    assertThat(u.get("/api/v1/session").json().path("balance").asLong()).isEqualTo(50);
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"Backend\",\"templateId\":\"classic\","
        + "\"content\":{\"basics\":{\"name\":\"Ada\"},\"work\":[{\"name\":\"Acme\",\"position\":\"Dev\"}],"
        + "\"x-custom\":1}}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    assertThat(r.header("Location")).isEqualTo("/api/v1/cvs/" + r.json().path("id").asText());
    JsonNode cv = r.json();
    assertThat(cv.path("version").asLong()).isEqualTo(1);
    assertThat(cv.path("templateId").asText()).isEqualTo("classic");
    assertThat(cv.path("content").path("work").path(0).path("id").asText()).isEqualTo("w1");
    assertThat(cv.path("content").path("x-custom").asInt()).isEqualTo(1);
    JsonNode credits = u.get("/api/v1/credits").json();
    assertThat(credits.path("balance").asLong()).isEqualTo(45);
    assertThat(credits.path("ledger").path(0).path("delta").asLong()).isEqualTo(-5);
    assertThat(u.get("/api/v1/session").json().path("balance").asLong()).isEqualTo(45);
    Http.Res list = u.get("/api/v1/cvs");
    assertThat(list.json().path("cvs")).hasSize(1);
    assertThat(list.json().path("cvs").path(0).has("content")).isFalse();
  }

  @Test
  void patchWithVersionsUndoRedoAndConflicts() {
    Http u = server.user("patch@example.com");
    String id = create(u, "CV");
    Http.Res r = setName(u, id, 1, "Ada");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("\"2\"");
    assertThat(r.json().path("content").path("basics").path("name").asText()).isEqualTo("Ada");
    assertThat(r.json().path("canUndo").asBoolean()).isTrue();

    // a stale version is refused with the current one, and nothing changes
    Http.Res stale = setName(u, id, 1, "Eve");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.code()).isEqualTo("version_conflict");
    assertThat(stale.json().path("error").path("details").path("currentVersion").asLong()).isEqualTo(2);
    // no If-Match
    Http.Res missing = u.patch("/api/v1/cvs/" + id, PATCH, "[]");
    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.code()).isEqualTo("precondition_required");

    // the envelope as application/json, with source and description
    Http.Res env = u.patch("/api/v1/cvs/" + id, "application/json", "{\"source\":\"ai\",\"description\":\"Title\","
        + "\"operations\":[{\"op\":\"add\",\"path\":\"/basics/label\",\"value\":\"Engineer\"}]}", "If-Match", "2");
    assertThat(env.status()).as(env.body()).isEqualTo(200);
    assertThat(env.json().path("version").asLong()).isEqualTo(3);

    Http.Res undo = u.postEmpty("/api/v1/cvs/" + id + "/undo", "If-Match", "\"3\"");
    assertThat(undo.status()).as(undo.body()).isEqualTo(200);
    assertThat(undo.json().path("version").asLong()).isEqualTo(4);
    assertThat(undo.json().path("content").path("basics").has("label")).isFalse();
    assertThat(undo.json().path("canRedo").asBoolean()).isTrue();
    Http.Res undo2 = u.postEmpty("/api/v1/cvs/" + id + "/undo", "If-Match", "4");
    assertThat(undo2.json().path("content").path("basics").has("name")).isFalse();
    Http.Res redo = u.postEmpty("/api/v1/cvs/" + id + "/redo", "If-Match", "5");
    assertThat(redo.json().path("content").path("basics").path("name").asText()).isEqualTo("Ada");
    Http.Res redo2 = u.postEmpty("/api/v1/cvs/" + id + "/redo", "If-Match", "6");
    assertThat(redo2.json().path("content").path("basics").path("label").asText()).isEqualTo("Engineer");
    Http.Res none = u.postEmpty("/api/v1/cvs/" + id + "/redo", "If-Match", "7");
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.code()).isEqualTo("conflict");
    // a new edit after an undo drops the redo stack
    u.postEmpty("/api/v1/cvs/" + id + "/undo", "If-Match", "7");
    Http.Res edit = setName(u, id, 8, "Grace");
    assertThat(edit.json().path("canRedo").asBoolean()).isFalse();

    Http.Res get = u.get("/api/v1/cvs/" + id);
    assertThat(get.header("ETag")).isEqualTo("\"9\"");
    assertThat(get.json().path("content").path("basics").path("name").asText()).isEqualTo("Grace");
  }

  @Test
  void badPatchesChangeNothing() {
    Http u = server.user("bad@example.com");
    String id = create(u, "CV");
    Http.Res rejected = u.patch("/api/v1/cvs/" + id, PATCH,
        "[{\"op\":\"add\",\"path\":\"/basics/name\",\"value\":\"X\"},{\"op\":\"remove\",\"path\":\"/work/[id=w9]\"}]",
        "If-Match", "1");
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.code()).isEqualTo("validation_failed");
    assertThat(rejected.json().path("error").path("details").path("operationIndex").asInt()).isEqualTo(1);
    Http.Res invalid = u.patch("/api/v1/cvs/" + id, PATCH,
        "[{\"op\":\"add\",\"path\":\"/altocv/design/typography/bodySize\",\"value\":99}]", "If-Match", "1");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().path("error").path("details").path("violations").toString()).contains("bodySize");
    Http.Res malformed = u.patch("/api/v1/cvs/" + id, PATCH, "[{\"op\":", "If-Match", "1");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("error").path("message").asText()).contains("line 1");
    Http.Res unknownField = u.patch("/api/v1/cvs/" + id, "application/json",
        "{\"source\":\"user\",\"operations\":[],\"colour\":1}", "If-Match", "1");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().path("error").path("message").asText()).contains("colour");
    Http.Res wrongType = u.patch("/api/v1/cvs/" + id, "text/plain", "[]", "If-Match", "1");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.code()).isEqualTo("unsupported_media_type");
    String big = "[{\"op\":\"add\",\"path\":\"/basics/summary\",\"value\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}]";
    Http.Res tooLarge = u.patch("/api/v1/cvs/" + id, PATCH, big, "If-Match", "1");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.code()).isEqualTo("payload_too_large");
    Http.Res unknownCreate = u.post("/api/v1/cvs", "{\"title\":\"x\",\"colour\":\"red\"}");
    assertThat(unknownCreate.status()).isEqualTo(400);
    assertThat(unknownCreate.json().path("error").path("details").path("field").asText()).isEqualTo("colour");
    Http.Res badContent = u.post("/api/v1/cvs", "{\"title\":\"x\",\"content\":{\"basics\":{\"name\":[]}}}");
    assertThat(badContent.status()).isEqualTo(400);
    assertThat(badContent.body()).contains("/basics/name");

    JsonNode cv = u.get("/api/v1/cvs/" + id).json();
    assertThat(cv.path("version").asLong()).isEqualTo(1);
    assertThat(cv.path("content").path("basics").has("name")).isFalse();
    // the failed creates charged nothing
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(45);
  }

  @Test
  void versionsCoalesceCheckpointsDiffAndRestore() {
    Http u = server.user("versions@example.com");
    String id = create(u, "CV");
    setName(u, id, 1, "A");
    setName(u, id, 2, "Ab");
    setName(u, id, 3, "Abc");
    JsonNode versions = u.get("/api/v1/cvs/" + id + "/versions").json().path("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.path(0).path("kind").asText()).isEqualTo("autosave");
    assertThat(versions.path(0).path("firstVersion").asLong()).isEqualTo(2);
    assertThat(versions.path(0).path("version").asLong()).isEqualTo(4);

    Http.Res cp = u.post("/api/v1/cvs/" + id + "/versions", "{\"name\":\"Before the rewrite\"}");
    assertThat(cp.status()).as(cp.body()).isEqualTo(201);
    assertThat(cp.json().path("kind").asText()).isEqualTo("checkpoint");
    setName(u, id, 4, "Abcd");
    server.clock.advance(Duration.ofMinutes(10));
    setName(u, id, 5, "Zed");
    versions = u.get("/api/v1/cvs/" + id + "/versions").json().path("versions");
    assertThat(versions).extracting(v -> v.path("version").asLong()).containsExactly(6L, 5L, 4L, 1L);
    assertThat(versions.path(2).path("name").asText()).isEqualTo("Before the rewrite");

    JsonNode v4 = u.get("/api/v1/cvs/" + id + "/versions/4").json();
    assertThat(v4.path("content").path("basics").path("name").asText()).isEqualTo("Abc");
    assertThat(u.get("/api/v1/cvs/" + id + "/versions/3").status()).isEqualTo(404);
    JsonNode diff = u.get("/api/v1/cvs/" + id + "/diff?from=4&to=6").json();
    assertThat(diff.path("operations").toString()).contains("/basics/name").contains("Zed");
    assertThat(u.get("/api/v1/cvs/" + id + "/diff?from=4").status()).isEqualTo(400);

    Http.Res restored = u.postEmpty("/api/v1/cvs/" + id + "/versions/4/restore", "If-Match", "6");
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json().path("version").asLong()).isEqualTo(7);
    assertThat(restored.json().path("content").path("basics").path("name").asText()).isEqualTo("Abc");
    JsonNode top = u.get("/api/v1/cvs/" + id + "/versions").json().path("versions").path(0);
    assertThat(top.path("kind").asText()).isEqualTo("restore");
    // and the restore can be undone
    Http.Res undo = u.postEmpty("/api/v1/cvs/" + id + "/undo", "If-Match", "7");
    assertThat(undo.json().path("content").path("basics").path("name").asText()).isEqualTo("Zed");
  }

  @Test
  void renameDuplicateDeleteAndRestore() {
    Http u = server.user("trash@example.com");
    String id = create(u, "Original");
    Http.Res renamed = u.post("/api/v1/cvs/" + id + "/rename", "{\"title\":\"Renamed\"}");
    assertThat(renamed.json().path("title").asText()).isEqualTo("Renamed");
    assertThat(renamed.json().path("version").asLong()).isEqualTo(1);
    assertThat(u.post("/api/v1/cvs/" + id + "/rename", "{\"title\":\"  \"}").status()).isEqualTo(400);
    Http.Res dup = u.postEmpty("/api/v1/cvs/" + id + "/duplicate");
    assertThat(dup.status()).as(dup.body()).isEqualTo(201);
    assertThat(dup.json().path("title").asText()).isEqualTo("Copy of Renamed");
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(40);

    assertThat(u.delete("/api/v1/cvs/" + id).status()).isEqualTo(204);
    assertThat(u.get("/api/v1/cvs/" + id).status()).isEqualTo(404);
    assertThat(u.get("/api/v1/cvs").json().path("cvs")).hasSize(1);
    assertThat(u.get("/api/v1/cvs?deleted=true").json().path("cvs").path(0).path("id").asText()).isEqualTo(id);
    Http.Res back = u.postEmpty("/api/v1/cvs/" + id + "/restore");
    assertThat(back.status()).isEqualTo(200);
    assertThat(u.get("/api/v1/cvs/" + id).status()).isEqualTo(200);
    // the trash is emptied after 30 days
    u.delete("/api/v1/cvs/" + id);
    server.clock.advance(Duration.ofDays(31));
    server.services.cvs.housekeeping();
    assertThat(u.get("/api/v1/session").status()).as("the session has reached its 30-day limit").isEqualTo(401);
    u = server.user("trash@example.com");
    assertThat(u.postEmpty("/api/v1/cvs/" + id + "/restore").status()).isEqualTo(404);
  }

  @Test
  void anotherUsersCvIsNotFoundEverywhere() {
    Http owner = server.user("owner@example.com");
    String id = create(owner, "Mine");
    Http other = server.user("other@example.com");
    String p = "/api/v1/cvs/" + id;
    assertThat(other.get(p).status()).isEqualTo(404);
    assertThat(setName(other, id, 1, "X").status()).isEqualTo(404);
    assertThat(other.delete(p).status()).isEqualTo(404);
    assertThat(other.postEmpty(p + "/duplicate").status()).isEqualTo(404);
    assertThat(other.post(p + "/rename", "{\"title\":\"x\"}").status()).isEqualTo(404);
    assertThat(other.postEmpty(p + "/undo", "If-Match", "1").status()).isEqualTo(404);
    assertThat(other.postEmpty(p + "/redo", "If-Match", "1").status()).isEqualTo(404);
    assertThat(other.get(p + "/versions").status()).isEqualTo(404);
    assertThat(other.get(p + "/versions/1").status()).isEqualTo(404);
    assertThat(other.post(p + "/versions", "{\"name\":\"x\"}").status()).isEqualTo(404);
    assertThat(other.postEmpty(p + "/versions/1/restore", "If-Match", "1").status()).isEqualTo(404);
    assertThat(other.get(p + "/diff?from=1&to=1").status()).isEqualTo(404);
    assertThat(other.post(p + "/exports", "{\"format\":\"altocv\"}").status()).isEqualTo(404);
    assertThat(other.postEmpty(p + "/restore").status()).isEqualTo(404);
    assertThat(other.get("/api/v1/cvs/not-a-uuid").status()).isEqualTo(404);
    assertThat(other.get("/api/v1/cvs").json().path("cvs")).isEmpty();
    assertThat(owner.get(p).json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void sessionsAndCsrf() {
    Http anon = server.client();
    Http.Res r = anon.get("/api/v1/cvs");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("unauthenticated");
    assertThat(anon.get("/api/v1/session").status()).isEqualTo(401);
    Http u = server.user("csrf@example.com");
    String token = u.csrf();
    u.forgetCsrf();
    Http.Res noToken = u.post("/api/v1/cvs", "{\"title\":\"x\"}");
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.code()).isEqualTo("csrf_required");
    Http.Res wrong = u.post("/api/v1/cvs", "{\"title\":\"x\"}", "X-CSRF-Token", "nope");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(u.post("/api/v1/cvs", "{\"title\":\"x\"}", "X-CSRF-Token", token).status()).isEqualTo(201);
    // a forged cookie is no session
    Http forged = server.client();
    Http.Res f = forged.get("/api/v1/session", "Cookie", "altocv_session=abc.def");
    assertThat(f.status()).isEqualTo(401);
  }

  @Test
  void idempotencyKeysReplayAndRefuseOtherBodies() {
    Http u = server.user("idem@example.com");
    Http.Res first = u.post("/api/v1/cvs", "{\"title\":\"Once\"}", "Idempotency-Key", "k1");
    Http.Res again = u.post("/api/v1/cvs", "{\"title\":\"Once\"}", "Idempotency-Key", "k1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(u.get("/api/v1/cvs").json().path("cvs")).hasSize(1);
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(45);
    Http.Res other = u.post("/api/v1/cvs", "{\"title\":\"Twice\"}", "Idempotency-Key", "k1");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.code()).isEqualTo("idempotency_key_reused");
    // keys are scoped to the user
    Http v = server.user("idem2@example.com");
    assertThat(v.post("/api/v1/cvs", "{\"title\":\"Twice\"}", "Idempotency-Key", "k1").status()).isEqualTo(201);
  }

  @Test
  void notEnoughCreditsIs402WithBalanceAndCost() {
    Http u = server.user("poor@example.com");
    for (int i = 0; i < 10; i++) {
      assertThat(u.post("/api/v1/cvs", "{\"title\":\"cv" + i + "\"}").status()).isEqualTo(201);
    }
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"one more\"}");
    assertThat(r.status()).isEqualTo(402);
    assertThat(r.code()).isEqualTo("insufficient_credits");
    assertThat(r.json().path("error").path("details").path("balance").asLong()).isZero();
    assertThat(r.json().path("error").path("details").path("cost").asLong()).isEqualTo(5);
    assertThat(u.get("/api/v1/cvs").json().path("cvs")).hasSize(10);
  }

  @Test
  void twoSessionsEditingAtOnceNeverLoseAnUpdate() throws Exception {
    Http u = server.user("race@example.com");
    String id = create(u, "Race");
    Http second = server.user("race@example.com");
    int rounds = 20;
    java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
    Runnable editor = () -> {
      Http me = server.user("race@example.com");
      for (int i = 0; i < rounds; i++) {
        while (true) {
          JsonNode cv = me.get("/api/v1/cvs/" + id).json();
          long v = cv.path("version").asLong();
          Http.Res r = me.patch("/api/v1/cvs/" + id, PATCH,
              "[{\"op\":\"add\",\"path\":\"/basics/summary\",\"value\":\"" + Thread.currentThread().getName() + i
                  + "\"},{\"op\":\"add\",\"path\":\"/skills/-\",\"value\":{\"name\":\"s\"}}]", "If-Match",
              String.valueOf(v));
          if (r.status() == 200) {
            ok.incrementAndGet();
            break;
          }
          assertThat(r.status()).isEqualTo(409);
        }
      }
    };
    Thread a = new Thread(editor, "a");
    Thread b = new Thread(editor, "b");
    a.start();
    b.start();
    a.join();
    b.join();
    JsonNode cv = second.get("/api/v1/cvs/" + id).json();
    assertThat(ok.get()).isEqualTo(2 * rounds);
    assertThat(cv.path("content").path("skills")).hasSize(2 * rounds);
    assertThat(cv.path("version").asLong()).isEqualTo(1 + 2L * rounds);
  }

  @Test
  void chatWithoutAnAiProviderIs503() {
    Http u = server.user("no-ai@example.com");
    String id = create(u, "CV");
    Http.Res r = u.post("/api/v1/cvs/" + id + "/chat", "{\"message\":\"hello\"}", "Accept", "text/event-stream");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.code()).isEqualTo("ai_unavailable");
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(45);
  }

  @Test
  void housekeepingPrunesOldAutosavesButKeepsCheckpointsAndTheNewest() {
    var cvs = server.services.cvs;
    java.util.UUID user = server.services.accounts.signInByEmail("prune@example.com", () -> { }).user().id();
    var cv = cvs.create(user, "Prune", null, null, false);
    long v = cv.version();
    for (int session = 0; session < 3; session++) {
      for (int i = 0; i < 3; i++) {
        v = cvs.patch(user, cv.id(), v, dev.altocv.core.patch.PatchEnvelope.of(dev.altocv.core.patch.Patch.of(
            dev.altocv.core.patch.PatchOp.add("/basics/name", "n" + session + i)))).cv().version();
      }
      if (session == 0) {
        cvs.checkpoint(user, cv.id(), "First draft");
      }
      server.clock.advance(Duration.ofMinutes(30));
    }
    assertThat(cvs.versions(user, cv.id())).extracting(e -> e.kind())
        .containsExactly("autosave", "autosave", "checkpoint", "created");
    server.clock.advance(Duration.ofDays(31));
    server.services.cvs.housekeeping();
    assertThat(cvs.versions(user, cv.id())).extracting(e -> e.kind())
        .containsExactly("autosave", "checkpoint", "created");
    assertThat(cvs.versions(user, cv.id()).get(0).version()).isEqualTo(v);
    // undo still works on the edits kept (fewer than 100, so all of them)
    assertThat(cvs.undo(user, cv.id(), v).cv().content()).contains("n21");
  }
}
