package dev.altocv.ai.internal.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.Timeout;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.internal.HttpErrors;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderMessage;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.ai.spi.ToolResult;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.MalformedJsonException;
import dev.altocv.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Anthropic messages with tools and streaming, through anthropic-java. The SDK's own retries are off: AltoCV
 * retries (see {@link dev.altocv.ai.internal.Retrier}).
 */
public final class AnthropicProvider implements ChatProvider {
  private static final String NAME = "Anthropic";
  private final AnthropicClient client;

  /**
   * @param config the configuration
   */
  public AnthropicProvider(AiConfig config) {
    AnthropicOkHttpClient.Builder b = AnthropicOkHttpClient.builder()
        .apiKey(config.apiKey() != null ? config.apiKey() : "none")
        .maxRetries(0);
    if (config.baseUrl() != null) {
      b.baseUrl(config.baseUrl());
    }
    this.client = b.build();
  }

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public ProviderResponse stream(ProviderRequest request, Consumer<String> onText) {
    MessageCreateParams params = params(request);
    Duration t = request.timeout();
    RequestOptions options = RequestOptions.builder().timeout(Timeout.builder().request(t).read(t)
        .connect(t.compareTo(Duration.ofSeconds(10)) < 0 ? t : Duration.ofSeconds(10)).build()).build();
    StringBuilder text = new StringBuilder();
    Map<Long, String[]> calls = new TreeMap<>(); // block index -> {id, name, partial json}
    String stop = "end_turn";
    long in = 0;
    long out = 0;
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params, options)) {
      for (var it = stream.stream().iterator(); it.hasNext(); ) {
        RawMessageStreamEvent e = it.next();
        if (e.isMessageStart()) {
          in = e.asMessageStart().message().usage().inputTokens();
        } else if (e.isContentBlockStart()) {
          var start = e.asContentBlockStart();
          if (start.contentBlock().isToolUse()) {
            var tu = start.contentBlock().asToolUse();
            calls.put(start.index(), new String[] {tu.id(), tu.name(), ""});
          }
        } else if (e.isContentBlockDelta()) {
          var d = e.asContentBlockDelta();
          RawContentBlockDelta delta = d.delta();
          if (delta.isText()) {
            String piece = delta.asText().text();
            if (!piece.isEmpty()) {
              text.append(piece);
              onText.accept(piece);
            }
          } else if (delta.isInputJson()) {
            String[] c = calls.get(d.index());
            if (c != null) {
              c[2] += delta.asInputJson().partialJson();
            }
          }
        } else if (e.isMessageDelta()) {
          var md = e.asMessageDelta();
          if (md.delta().stopReason().isPresent()) {
            stop = md.delta().stopReason().get().asString();
          }
          out = md.usage().outputTokens();
        }
      }
    } catch (AnthropicServiceException e) {
      throw HttpErrors.status(NAME, "ANTHROPIC_API_KEY (or ALTOCV_AI_API_KEY)", e.statusCode(), detail(e),
          HttpErrors.retryAfter(n -> e.headers().values(n)), e);
    } catch (AnthropicIoException e) {
      throw HttpErrors.io(NAME, e, t);
    } catch (AnthropicException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, NAME + " sent an answer AltoCV cannot read: "
          + e.getMessage(), 0, null, e);
    } catch (java.io.UncheckedIOException e) {
      throw HttpErrors.io(NAME, e, t);
    }
    List<ToolCall> toolCalls = new ArrayList<>();
    for (String[] c : calls.values()) {
      toolCalls.add(new ToolCall(c[0], c[1], c[2].isEmpty() ? "{}" : c[2]));
    }
    return new ProviderResponse(text.toString(), toolCalls, stop, in, out);
  }

  private static String detail(AnthropicServiceException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.replaceFirst("^\\d{3}: ", "");
  }

  private static MessageCreateParams params(ProviderRequest r) {
    MessageCreateParams.Builder b = MessageCreateParams.builder()
        .model(r.model())
        .maxTokens(r.maxTokens())
        .system(r.system());
    for (ProviderMessage m : r.messages()) {
      if (m instanceof ProviderMessage.User u) {
        b.addUserMessage(u.text());
      } else if (m instanceof ProviderMessage.Assistant a) {
        List<ContentBlockParam> blocks = new ArrayList<>();
        if (!a.text().isEmpty()) {
          blocks.add(ContentBlockParam.ofText(a.text()));
        }
        for (ToolCall c : a.toolCalls()) {
          ToolUseBlockParam.Input.Builder input = ToolUseBlockParam.Input.builder();
          JsonNode args = parseObject(c.arguments());
          args.properties().forEach(f -> input.putAdditionalProperty(f.getKey(),
              JsonValue.fromJsonNode(f.getValue())));
          blocks.add(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id(c.id()).name(c.name())
              .input(input.build()).build()));
        }
        if (blocks.isEmpty()) {
          blocks.add(ContentBlockParam.ofText("(no answer)"));
        }
        b.addAssistantMessageOfContentBlockParams(blocks);
      } else if (m instanceof ProviderMessage.ToolResults t) {
        List<ContentBlockParam> blocks = new ArrayList<>();
        for (ToolResult res : t.results()) {
          blocks.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(res.callId())
              .content(res.content()).isError(res.error()).build()));
        }
        b.addUserMessageOfContentBlockParams(blocks);
      }
    }
    for (ToolSpec spec : r.tools()) {
      JsonNode schema = Json.parse(spec.parametersSchema(), "tool schema");
      Tool.InputSchema.Builder ib = Tool.InputSchema.builder();
      schema.properties().forEach(f -> {
        switch (f.getKey()) {
          case "type":
            break;
          case "properties": {
            Tool.InputSchema.Properties.Builder pb = Tool.InputSchema.Properties.builder();
            f.getValue().properties().forEach(p -> pb.putAdditionalProperty(p.getKey(),
                JsonValue.fromJsonNode(p.getValue())));
            ib.properties(pb.build());
            break;
          }
          case "required": {
            List<String> required = new ArrayList<>();
            f.getValue().forEach(n -> required.add(n.asText()));
            ib.required(required);
            break;
          }
          default:
            ib.putAdditionalProperty(f.getKey(), JsonValue.fromJsonNode(f.getValue()));
        }
      });
      b.addTool(Tool.builder().name(spec.name()).description(spec.description()).inputSchema(ib.build()).build());
    }
    if (r.forcedTool() != null) {
      b.toolChoice(ToolChoice.ofTool(ToolChoiceTool.builder().name(r.forcedTool()).build()));
    }
    return b.build();
  }

  private static JsonNode parseObject(String json) {
    try {
      JsonNode n = Json.parse(json, "tool arguments");
      return n.isObject() ? n : Json.NODES.objectNode();
    } catch (MalformedJsonException e) {
      return Json.NODES.objectNode();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
