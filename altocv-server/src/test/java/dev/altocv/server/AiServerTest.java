package dev.altocv.server;

import static dev.altocv.server.support.Fixtures.balance;
import static dev.altocv.server.support.Fixtures.createCv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.server.ai.AltoAiEngine;
import dev.altocv.server.support.Fixtures;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import dev.altocv.testsupport.llm.OpenAiServer;
import dev.altocv.testsupport.llm.ScriptedTurn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat and tailoring end to end: the server's AI engine is altocv-ai configured from ALTOCV_AI_* variables,
 * talking to a local OpenAI-compatible server that plays a scripted model (the real OpenAI SDK on the wire).
 */
class AiServerTest {
  static final ObjectMapper M = new ObjectMapper();
  static final String POSTING = """
      Senior Backend Engineer - Klarfeld Payments
      Requirements:
      - 5+ years of Java or Kotlin
      - PostgreSQL, Kubernetes
      """;
  static final String REWRITE = """
      {"itemId":"w2","index":0,"original":"Built the route-planning service used by 300 drivers daily",
       "text":"Built the route-planning service that 300 drivers use daily, cutting fuel use by 15%",
       "reason":"Adds the outcome"}""";
  static final String SUMMARY = "{\"summary\":\"Backend engineer with 9 years of experience building payment "
      + "platforms in Java and Kotlin.\",\"reason\":\"Leads with payments\"}";

  static OpenAiServer model;
  static TestServer server;

  @BeforeAll
  static void start() {
    model = OpenAiServer.start();
    Map<String, String> env = Map.of("ALTOCV_AI_PROVIDER", "openai-compatible", "ALTOCV_AI_BASE_URL",
        model.baseUrl(), "ALTOCV_AI_MODEL", "llama3.1", "ALTOCV_AI_MAX_RETRIES", "0");
    server = TestServer.withOptions(env, o -> o.withChatEngine(AltoAiEngine.fromEnv(env)));
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  @BeforeEach
  void quietModel() {
    model.respond(request -> ScriptedTurn.create().text("Nothing more to change."));
  }

  record Event(String type, JsonNode data) {}

  static List<Event> stream(Http u, String path, Map<String, ?> body) throws Exception {
    HttpClient c = HttpClient.newBuilder().cookieHandler(u.cookies()).build();
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
        .header("X-CSRF-Token", u.csrf())
        .POST(HttpRequest.BodyPublishers.ofString(M.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<Event> events = new ArrayList<>();
    String type = null;
    for (String line : r.body().split("\n")) {
      if (line.startsWith("event:")) {
        type = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        events.add(new Event(type, M.readTree(line.substring(5).strip())));
      }
    }
    return events;
  }

  static Http consenting(String email) {
    Http u = server.user(email);
    u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":true}");
    return u;
  }

  static List<String> types(List<Event> events) {
    return events.stream().map(Event::type).toList();
  }

  static Event first(List<Event> events, String type) {
    return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow(() ->
        new AssertionError("no " + type + " event in " + types(events)));
  }

  @Test
  void aChatProposalWithFlagsIsAcceptedEditByEdit() throws Exception {
    Http u = consenting("ai-chat@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = balance(u);
    model.enqueue(ScriptedTurn.create().text("I sharpened ").text("a bullet and your summary.")
        .toolCall("rewrite_highlight", REWRITE).toolCall("set_summary", SUMMARY).usage(900, 60));
    model.enqueue(ScriptedTurn.create().text(" Check the 15% figure."));
    List<Event> events = stream(u, "/api/v1/cvs/" + cv + "/chat",
        Map.of("message", "Make my Nordlog bullet and my summary stronger"));
    assertThat(types(events)).startsWith("delta").contains("tool_call", "usage", "proposal").endsWith("done");
    assertThat(events.stream().filter(e -> e.type().equals("delta")).map(e -> e.data().path("text").asText())
        .reduce("", String::concat)).startsWith("I sharpened a bullet and your summary.")
        .endsWith("Check the 15% figure.");
    JsonNode call = first(events, "tool_call").data();
    assertThat(call.path("name").asText()).isEqualTo("rewrite_highlight");
    assertThat(call.path("arguments").path("itemId").asText()).isEqualTo("w2");
    JsonNode proposal = first(events, "proposal").data();
    assertThat(proposal.path("source").asText()).isEqualTo("ai");
    assertThat(proposal.path("baseVersion").asLong()).isEqualTo(1);
    JsonNode edits = proposal.path("edits");
    assertThat(edits).hasSize(2);
    assertThat(edits.path(0).path("flagged").asBoolean()).isTrue();
    assertThat(edits.path(0).path("flags").path(0).path("kind").asText()).isEqualTo("unverified-figure");
    assertThat(edits.path(0).path("reason").asText()).isEqualTo("Adds the outcome");
    assertThat(edits.path(1).path("flagged").asBoolean()).isFalse();
    assertThat(balance(u)).isEqualTo(before - 1);
    // the model got the CV as quoted data and the tools
    assertThat(model.requests().get(model.requests().size() - 2).allText()).contains("cv_document")
        .contains("Klarfeld Payments");

    String accept = "/api/v1/cvs/" + cv + "/proposals/" + proposal.path("id").asText() + "/accept";
    Http.Res summary = u.post(accept, "{\"edit\":1}", "If-Match", "1");
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    assertThat(summary.json().path("cv").path("content").path("basics").path("summary").asText())
        .startsWith("Backend engineer with 9 years of experience building payment platforms");
    Http.Res bullet = u.post(accept, "{\"edit\":0}", "If-Match", "2");
    assertThat(bullet.json().path("cv").path("content").path("work").path(1).path("highlights").path(0).asText())
        .endsWith("cutting fuel use by 15%");
    assertThat(u.get("/api/v1/cvs/" + cv + "/versions").json().path("versions").path(0).path("source").asText())
        .isEqualTo("ai");
    JsonNode history = u.get("/api/v1/cvs/" + cv + "/chat").json().path("messages");
    assertThat(history).hasSize(2);
    assertThat(history.path(1).path("proposalId").asText()).isEqualTo(proposal.path("id").asText());

    // someone else's CV, chat and proposal are not there for another person
    Http other = consenting("ai-chat-other@example.com");
    assertThat(other.post("/api/v1/cvs/" + cv + "/chat", "{\"message\":\"hi\"}", "Accept", "text/event-stream")
        .status()).isEqualTo(404);
    assertThat(other.get("/api/v1/cvs/" + cv + "/chat").status()).isEqualTo(404);
    assertThat(other.get("/api/v1/cvs/" + cv + "/proposals/" + proposal.path("id").asText()).status())
        .isEqualTo(404);
  }

  @Test
  void aProviderFailingMidStreamKeepsThePartialTextAppliesNothingAndRefunds() throws Exception {
    Http u = consenting("ai-cut@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = balance(u);
    model.enqueue(ScriptedTurn.create().text("I will ").text("rewrite ").text("your summary")
        .toolCall("set_summary", SUMMARY).cutAfter(3));
    List<Event> events = stream(u, "/api/v1/cvs/" + cv + "/chat", Map.of("message", "Rewrite my summary"));
    assertThat(types(events)).doesNotContain("proposal").endsWith("error", "done");
    JsonNode error = first(events, "error").data();
    assertThat(error.path("code").asText()).isEqualTo("ai_unavailable");
    assertThat(error.path("partialText").asText()).isEqualTo("I will rewrite ");
    assertThat(error.path("refunded").asBoolean()).isTrue();
    assertThat(error.path("retryable").asBoolean()).isTrue();
    assertThat(balance(u)).isEqualTo(before);
    Http.Res now = u.get("/api/v1/cvs/" + cv);
    assertThat(now.json().path("version").asLong()).isEqualTo(1);
    JsonNode history = u.get("/api/v1/cvs/" + cv + "/chat").json().path("messages");
    assertThat(history.path(1).path("content").asText()).isEqualTo("I will rewrite ");
  }

  @Test
  void aModelAnsweringNonsenseProposesNothing() throws Exception {
    Http u = consenting("ai-nonsense@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    model.enqueue(ScriptedTurn.create().text("Sure!").toolCall("delete_everything", "{not json")
        .toolCall("set_summary", "{\"summary\": 42}"));
    model.enqueue(ScriptedTurn.create().text(" Done.").toolCall("set_summary", "[]"));
    List<Event> events = stream(u, "/api/v1/cvs/" + cv + "/chat", Map.of("message", "Improve everything"));
    assertThat(types(events)).doesNotContain("proposal", "error").endsWith("done");
    List<JsonNode> calls = events.stream().filter(e -> e.type().equals("tool_call")).map(Event::data).toList();
    assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c.path("error").asText()).isNotEmpty());
    assertThat(calls.get(0).path("arguments").asText()).isEqualTo("{not json");
    assertThat(u.get("/api/v1/cvs/" + cv).json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void tailoringStreamsAProposalWithSourceTailor() throws Exception {
    Http u = server.user("ai-tailor@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    Http.Res noConsent = u.post("/api/v1/cvs/" + cv + "/tailor", Fixtures.json(Map.of("text", POSTING)),
        "Accept", "text/event-stream");
    assertThat(noConsent.code()).isEqualTo("consent_required");
    u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":true}");
    long before = balance(u);
    model.enqueue(ScriptedTurn.create().text("Your summary now leads with payments.").toolCall("set_summary",
        SUMMARY));
    model.enqueue(ScriptedTurn.create().text(" That is all."));
    List<Event> events = stream(u, "/api/v1/cvs/" + cv + "/tailor", Map.of("text", POSTING));
    JsonNode proposal = first(events, "proposal").data();
    assertThat(proposal.path("source").asText()).isEqualTo("tailor");
    JsonNode done = first(events, "done").data();
    assertThat(done.path("proposalId").asText()).isEqualTo(proposal.path("id").asText());
    assertThat(done.path("postingId").asText()).isNotEmpty();
    assertThat(balance(u)).isEqualTo(before - 5);
    String sent = model.requests().get(model.requests().size() - 2).allText();
    assertThat(sent).contains("job_posting").contains("5+ years of Java or Kotlin");
    Http.Res accepted = u.post("/api/v1/cvs/" + cv + "/proposals/" + proposal.path("id").asText() + "/accept",
        "{\"edit\":0}", "If-Match", "1");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(u.get("/api/v1/cvs/" + cv + "/versions").json().path("versions").path(0).path("source").asText())
        .isEqualTo("tailor");
    // the chat history is for the chat only
    assertThat(u.get("/api/v1/cvs/" + cv + "/chat").json().path("messages")).isEmpty();

    // by postingId, from a match; a model that proposes nothing is refunded
    String posting = u.post("/api/v1/cvs/" + cv + "/match", Fixtures.json(Map.of("text", POSTING))).json()
        .path("postingId").asText();
    long mid = balance(u);
    model.enqueue(ScriptedTurn.create().text("Your CV already fits this posting."));
    List<Event> nothing = stream(u, "/api/v1/cvs/" + cv + "/tailor", Map.of("postingId", posting));
    assertThat(first(nothing, "error").data().path("code").asText()).isEqualTo("no_edits");
    assertThat(first(nothing, "error").data().path("refunded").asBoolean()).isTrue();
    assertThat(balance(u)).isEqualTo(mid);

    Http other = consenting("ai-tailor-other@example.com");
    String theirs = createCv(other, Fixtures.sampleResume());
    Http.Res foreign = other.post("/api/v1/cvs/" + theirs + "/tailor", Fixtures.json(Map.of("postingId", posting)),
        "Accept", "text/event-stream");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(other.post("/api/v1/cvs/" + cv + "/tailor", Fixtures.json(Map.of("text", POSTING)),
        "Accept", "text/event-stream").status()).isEqualTo(404);
    assertThat(u.post("/api/v1/cvs/" + cv + "/tailor", "{}", "Accept", "text/event-stream").status())
        .isEqualTo(400);
    assertThat(u.post("/api/v1/cvs/" + cv + "/tailor", Fixtures.json(Map.of("text", POSTING))).status())
        .isEqualTo(406);

    // not enough credits: 402, and neither the posting nor anything else is stored
    java.util.UUID id = java.util.UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    server.services.credits.spend(id, balance(u) - 4, "test: drain", null);
    long postings = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from job_postings "
        + "where user_id = :u").bind("u", id).mapTo(Long.class).one());
    int requests = model.requests().size();
    Http.Res poor = u.post("/api/v1/cvs/" + cv + "/tailor", Fixtures.json(Map.of("text", POSTING + "\n- Go")),
        "Accept", "text/event-stream");
    assertThat(poor.status()).isEqualTo(402);
    long postingsAfter = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from job_postings "
        + "where user_id = :u").bind("u", id).mapTo(Long.class).one());
    assertThat(postingsAfter).isEqualTo(postings);
    assertThat(model.requests()).hasSize(requests);
  }
}
