package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.server.ai.ChatEngine;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat endpoint and proposals, over a scripted {@link ChatEngine} (the port the AI module's adapter
 * implements): what the server does with an engine's output - charging, streaming, storing, accepting edits.
 */
class ChatTest {
  static final ObjectMapper M = new ObjectMapper();
  static final List<ChatEngine.Request> requests = new ArrayList<>();
  static TestServer server;

  /** Answers with two deltas, a tool call, a two-edit proposal and usage; fails when asked to. */
  static final ChatEngine SCRIPTED = (request, sink) -> {
    requests.add(request);
    if (request.message().contains("fail")) {
      throw new java.io.IOException("provider down");
    }
    sink.delta("Here is ");
    sink.delta("a sharper headline.");
    sink.toolCall("propose_edits", "{\"count\":2}");
    sink.proposal("Sharper headline and summary", List.of(
        new ChatEngine.ProposedEdit("Headline", Patch.of(PatchOp.add("/basics/label", "Lead Designer"))),
        new ChatEngine.ProposedEdit("Summary", Patch.of(PatchOp.add("/basics/summary", "Designs that ship.")))));
    sink.usage(120, 30);
  };

  @BeforeAll
  static void start() {
    server = TestServer.withEngine(Map.of(), SCRIPTED);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Event(String type, JsonNode data) {}

  static List<Event> chat(Http u, String cv, String message) throws Exception {
    HttpClient c = HttpClient.newBuilder().cookieHandler(u.cookies()).build();
    HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/cvs/" + cv + "/chat"))
        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
        .header("X-CSRF-Token", u.csrf())
        .POST(HttpRequest.BodyPublishers.ofString(M.writeValueAsString(Map.of("message", message)))).build(),
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

  @Test
  void chatStreamsAndProposalsAreAcceptedEditByEdit() throws Exception {
    Http u = server.user("chat@example.com");
    String cv = u.post("/api/v1/cvs", "{\"title\":\"CV\"}").json().path("id").asText();
    Http.Res noConsent = u.post("/api/v1/cvs/" + cv + "/chat", "{\"message\":\"hi\"}", "Accept", "text/event-stream");
    assertThat(noConsent.status()).isEqualTo(403);
    assertThat(noConsent.code()).isEqualTo("consent_required");
    assertThat(u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":true}").json()
        .path("aiConsent").asBoolean()).isTrue();

    List<Event> events = chat(u, cv, "Improve my headline");
    assertThat(events).extracting(Event::type).containsExactly("delta", "delta", "tool_call", "proposal", "usage",
        "done");
    assertThat(events.get(0).data().path("text").asText()).isEqualTo("Here is ");
    JsonNode proposal = events.get(3).data();
    assertThat(proposal.path("baseVersion").asLong()).isEqualTo(1);
    assertThat(proposal.path("edits")).hasSize(2);
    assertThat(requests.get(requests.size() - 1).cvVersion()).isEqualTo(1);
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(44);
    JsonNode history = u.get("/api/v1/cvs/" + cv + "/chat").json().path("messages");
    assertThat(history).hasSize(2);
    assertThat(history.path(1).path("content").asText()).isEqualTo("Here is a sharper headline.");
    assertThat(history.path(1).path("proposalId").asText()).isEqualTo(proposal.path("id").asText());

    String accept = "/api/v1/cvs/" + cv + "/proposals/" + proposal.path("id").asText() + "/accept";
    assertThat(u.post(accept, "{\"edit\":1}").status()).isEqualTo(428);
    Http.Res first = u.post(accept, "{\"edit\":1}", "If-Match", "1");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("cv").path("content").path("basics").path("summary").asText())
        .isEqualTo("Designs that ship.");
    assertThat(first.json().path("proposal").path("edits").path(1).path("accepted").asBoolean()).isTrue();
    assertThat(first.json().path("proposal").path("edits").path(0).path("accepted").asBoolean()).isFalse();
    Http.Res again = u.post(accept, "{\"edit\":1}", "If-Match", "2");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("conflict");
    Http.Res stale = u.post(accept, "{\"edit\":0}", "If-Match", "1");
    assertThat(stale.code()).isEqualTo("version_conflict");
    Http.Res second = u.post(accept, "{\"edit\":0}", "If-Match", "2");
    assertThat(second.json().path("cv").path("content").path("basics").path("label").asText())
        .isEqualTo("Lead Designer");
    JsonNode versions = u.get("/api/v1/cvs/" + cv + "/versions").json().path("versions");
    assertThat(versions.path(0).path("source").asText()).isEqualTo("ai");
    assertThat(versions.path(0).path("name").asText()).isEqualTo("Headline");
    // someone else cannot see or accept it
    Http other = server.user("chat-other@example.com");
    assertThat(other.post(accept, "{\"edit\":0}", "If-Match", "3").status()).isEqualTo(404);
  }

  @Test
  void aProviderFailureIsAnErrorEventAndARefund() throws Exception {
    Http u = server.user("chat-fail@example.com");
    u.send("PATCH", "/api/v1/account", "application/json", "{\"aiConsent\":true}");
    String cv = u.post("/api/v1/cvs", "{\"title\":\"CV\"}").json().path("id").asText();
    List<Event> events = chat(u, cv, "please fail");
    assertThat(events).extracting(Event::type).containsExactly("error", "done");
    assertThat(events.get(0).data().path("refunded").asBoolean()).isTrue();
    assertThat(u.get("/api/v1/credits").json().path("balance").asLong()).isEqualTo(45);
    assertThat(u.post("/api/v1/cvs/" + cv + "/chat", "{\"message\":\"\"}", "Accept", "text/event-stream").status())
        .isEqualTo(400);
  }
}
