package dev.altocv.testsupport.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A local server that speaks Anthropic's messages protocol ({@code POST /v1/messages}), streamed as the
 * documented events ({@code message_start}, {@code content_block_start}, {@code ping},
 * {@code content_block_delta} with {@code text_delta} or {@code input_json_delta}, {@code content_block_stop},
 * {@code message_delta}, {@code message_stop}) or as one message. Errors come in Anthropic's
 * {@code {"type": "error", "error": {...}}} shape. Base URL: {@code http://127.0.0.1:PORT}.
 */
public final class AnthropicServer extends LlmServer {

  private AnthropicServer() {}

  /**
   * Starts a server on a random port of 127.0.0.1.
   *
   * @return the server
   */
  public static AnthropicServer start() {
    return new AnthropicServer();
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public AnthropicServer enqueue(ScriptedReply reply) {
    super.enqueue(reply);
    return this;
  }

  private static String event(String type, JsonNode data) {
    try {
      return "event: " + type + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stop(ScriptedTurn turn) {
    switch (turn.stopReason()) {
      case "length":
        return "max_tokens";
      case "tool_calls":
        return "tool_use";
      default:
        return "end_turn";
    }
  }

  private static String toolId(ScriptedTurn.Call c) {
    return c.id().replace("call_", "toolu_");
  }

  @Override
  protected List<String> events(ScriptedTurn turn, RecordedRequest req, int n) {
    List<String> out = new ArrayList<>();
    ObjectNode start = JSON.createObjectNode();
    start.put("type", "message_start");
    ObjectNode msg = start.putObject("message");
    msg.put("id", "msg_test" + n);
    msg.put("type", "message");
    msg.put("role", "assistant");
    msg.putArray("content");
    msg.put("model", req.json().path("model").asText("test-model"));
    msg.putNull("stop_reason");
    msg.putNull("stop_sequence");
    msg.putObject("usage").put("input_tokens", turn.inputTokens()).put("output_tokens", 1);
    out.add(event("message_start", start));
    int index = 0;
    if (!turn.textPieces().isEmpty()) {
      ObjectNode bs = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
      bs.putObject("content_block").put("type", "text").put("text", "");
      out.add(event("content_block_start", bs));
      out.add(event("ping", JSON.createObjectNode().put("type", "ping")));
      for (String piece : turn.textPieces()) {
        ObjectNode d = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        d.putObject("delta").put("type", "text_delta").put("text", piece);
        out.add(event("content_block_delta", d));
      }
      out.add(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop")
          .put("index", index)));
      index++;
    }
    for (ScriptedTurn.Call c : turn.calls()) {
      ObjectNode bs = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
      ObjectNode block = bs.putObject("content_block");
      block.put("type", "tool_use").put("id", toolId(c)).put("name", c.name());
      block.putObject("input");
      out.add(event("content_block_start", bs));
      for (String part : turn.split(c.arguments())) {
        ObjectNode d = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        d.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
        out.add(event("content_block_delta", d));
      }
      out.add(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop")
          .put("index", index)));
      index++;
    }
    ObjectNode md = JSON.createObjectNode().put("type", "message_delta");
    md.putObject("delta").put("stop_reason", stop(turn)).putNull("stop_sequence");
    md.putObject("usage").put("output_tokens", turn.outputTokens());
    out.add(event("message_delta", md));
    out.add(event("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    return out;
  }

  @Override
  protected ObjectNode message(ScriptedTurn turn, RecordedRequest req, int n) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", "msg_test" + n);
    m.put("type", "message");
    m.put("role", "assistant");
    m.put("model", req.json().path("model").asText("test-model"));
    ArrayNode content = m.putArray("content");
    String text = String.join("", turn.textPieces());
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
    for (ScriptedTurn.Call c : turn.calls()) {
      ObjectNode tu = content.addObject().put("type", "tool_use").put("id", toolId(c)).put("name", c.name());
      try {
        tu.set("input", JSON.readTree(c.arguments()));
      } catch (JsonProcessingException e) {
        tu.putObject("input");
      }
    }
    m.put("stop_reason", stop(turn));
    m.putNull("stop_sequence");
    m.putObject("usage").put("input_tokens", turn.inputTokens()).put("output_tokens", turn.outputTokens());
    return m;
  }

  @Override
  protected String errorBody(ScriptedReply.Error error) {
    String type;
    switch (error.status()) {
      case 401:
        type = "authentication_error";
        break;
      case 403:
        type = "permission_error";
        break;
      case 404:
        type = "not_found_error";
        break;
      case 429:
        type = "rate_limit_error";
        break;
      case 529:
        type = "overloaded_error";
        break;
      default:
        type = error.status() >= 500 ? "api_error" : "invalid_request_error";
    }
    ObjectNode root = JSON.createObjectNode().put("type", "error");
    root.putObject("error").put("type", type).put("message", error.message());
    return root.toString();
  }
}
