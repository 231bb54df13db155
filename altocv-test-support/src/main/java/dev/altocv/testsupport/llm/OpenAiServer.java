package dev.altocv.testsupport.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A local server that speaks OpenAI's chat completions protocol ({@code POST /v1/chat/completions}, streamed as
 * {@code chat.completion.chunk} server-sent events or as one {@code chat.completion}) and its embeddings API
 * ({@code POST /v1/embeddings}: deterministic vectors derived from the text, float or base64). Errors come in
 * OpenAI's {@code {"error": {...}}} shape. Base URL: {@code http://127.0.0.1:PORT/v1}.
 */
public final class OpenAiServer extends LlmServer {
  private final int embeddingDimensions;

  private OpenAiServer(int embeddingDimensions) {
    this.embeddingDimensions = embeddingDimensions;
  }

  /**
   * Starts a server on a random port of 127.0.0.1.
   *
   * @return the server
   */
  public static OpenAiServer start() {
    return new OpenAiServer(8);
  }

  /**
   * Starts a server whose embeddings have the given length.
   *
   * @param dimensions the vector length
   * @return the server
   */
  public static OpenAiServer startWithEmbeddings(int dimensions) {
    return new OpenAiServer(dimensions);
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  @Override
  public OpenAiServer enqueue(ScriptedReply reply) {
    super.enqueue(reply);
    return this;
  }

  private static ObjectNode chunk(RecordedRequest req, int n) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", "chatcmpl-test" + n);
    c.put("object", "chat.completion.chunk");
    c.put("created", 1_764_201_600L + n);
    c.put("model", req.json().path("model").asText("test-model"));
    c.putNull("system_fingerprint");
    return c;
  }

  private static ObjectNode choice(ObjectNode chunk) {
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    return choice;
  }

  private static String sse(JsonNode n) {
    try {
      return "data: " + JSON.writeValueAsString(n) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected List<String> events(ScriptedTurn turn, RecordedRequest req, int n) {
    List<String> out = new ArrayList<>();
    ObjectNode first = chunk(req, n);
    ObjectNode d0 = choice(first).putObject("delta");
    d0.put("role", "assistant");
    d0.put("content", "");
    d0.putNull("refusal");
    out.add(sse(first));
    for (String piece : turn.textPieces()) {
      ObjectNode c = chunk(req, n);
      choice(c).putObject("delta").put("content", piece);
      out.add(sse(c));
    }
    int index = 0;
    for (ScriptedTurn.Call call : turn.calls()) {
      ObjectNode head = chunk(req, n);
      ObjectNode tc = choice(head).putObject("delta").putArray("tool_calls").addObject();
      tc.put("index", index);
      tc.put("id", call.id());
      tc.put("type", "function");
      tc.putObject("function").put("name", call.name()).put("arguments", "");
      out.add(sse(head));
      for (String part : turn.split(call.arguments())) {
        ObjectNode c = chunk(req, n);
        ObjectNode t = choice(c).putObject("delta").putArray("tool_calls").addObject();
        t.put("index", index);
        t.putObject("function").put("arguments", part);
        out.add(sse(c));
      }
      index++;
    }
    ObjectNode last = chunk(req, n);
    ObjectNode lc = choice(last);
    lc.putObject("delta");
    lc.put("finish_reason", finish(turn));
    out.add(sse(last));
    if (req.json().path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode usage = chunk(req, n);
      usage.putArray("choices");
      usage(usage, turn);
      out.add(sse(usage));
    }
    out.add("data: [DONE]\n\n");
    return out;
  }

  private static String finish(ScriptedTurn turn) {
    switch (turn.stopReason()) {
      case "length":
        return "length";
      case "tool_calls":
        return "tool_calls";
      default:
        return "stop";
    }
  }

  private static void usage(ObjectNode n, ScriptedTurn turn) {
    ObjectNode u = n.putObject("usage");
    u.put("prompt_tokens", turn.inputTokens());
    u.put("completion_tokens", turn.outputTokens());
    u.put("total_tokens", turn.inputTokens() + turn.outputTokens());
  }

  @Override
  protected @org.jspecify.annotations.Nullable ObjectNode automatic(RecordedRequest req) {
    return req.path().endsWith("/embeddings") ? embeddings(req) : null;
  }

  @Override
  protected ObjectNode message(ScriptedTurn turn, RecordedRequest req, int n) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", "chatcmpl-test" + n);
    m.put("object", "chat.completion");
    m.put("created", 1_764_201_600L + n);
    m.put("model", req.json().path("model").asText("test-model"));
    ObjectNode choice = m.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode msg = choice.putObject("message");
    msg.put("role", "assistant");
    String text = String.join("", turn.textPieces());
    if (text.isEmpty()) {
      msg.putNull("content");
    } else {
      msg.put("content", text);
    }
    msg.putNull("refusal");
    if (!turn.calls().isEmpty()) {
      ArrayNode calls = msg.putArray("tool_calls");
      for (ScriptedTurn.Call c : turn.calls()) {
        ObjectNode tc = calls.addObject();
        tc.put("id", c.id());
        tc.put("type", "function");
        tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
      }
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", finish(turn));
    usage(m, turn);
    return m;
  }

  /** Deterministic embeddings: the same text always gives the same vector; similar texts share words. */
  private ObjectNode embeddings(RecordedRequest req) {
    JsonNode body = req.json();
    List<String> inputs = new ArrayList<>();
    if (body.path("input").isArray()) {
      body.path("input").forEach(i -> inputs.add(i.asText()));
    } else {
      inputs.add(body.path("input").asText());
    }
    int dims = body.has("dimensions") ? body.get("dimensions").asInt() : embeddingDimensions;
    boolean base64 = "base64".equals(body.path("encoding_format").asText());
    ObjectNode out = JSON.createObjectNode();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    for (int i = 0; i < inputs.size(); i++) {
      float[] v = vector(inputs.get(i), dims);
      ObjectNode e = data.addObject();
      e.put("object", "embedding");
      e.put("index", i);
      if (base64) {
        ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
          buf.putFloat(f);
        }
        e.put("embedding", Base64.getEncoder().encodeToString(buf.array()));
      } else {
        ArrayNode arr = e.putArray("embedding");
        for (float f : v) {
          arr.add(f);
        }
      }
    }
    out.put("model", body.path("model").asText());
    out.putObject("usage").put("prompt_tokens", inputs.size()).put("total_tokens", inputs.size());
    return out;
  }

  static float[] vector(String text, int dims) {
    float[] v = new float[dims];
    for (String w : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
      if (!w.isEmpty()) {
        v[Math.floorMod(w.hashCode(), dims)] += 1;
      }
    }
    return v;
  }

  @Override
  protected String errorBody(ScriptedReply.Error error) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("message", error.message());
    String type;
    String code;
    switch (error.status()) {
      case 401:
        type = "invalid_request_error";
        code = "invalid_api_key";
        break;
      case 429:
        type = "requests";
        code = "rate_limit_exceeded";
        break;
      case 404:
        type = "invalid_request_error";
        code = "model_not_found";
        break;
      default:
        type = error.status() >= 500 ? "server_error" : "invalid_request_error";
        code = null;
    }
    e.put("type", type);
    e.putNull("param");
    if (code == null) {
      e.putNull("code");
    } else {
      e.put("code", code);
    }
    return root.toString();
  }
}
