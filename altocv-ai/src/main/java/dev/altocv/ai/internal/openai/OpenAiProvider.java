package dev.altocv.ai.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.ProviderKind;
import dev.altocv.ai.internal.HttpErrors;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderMessage;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.ai.spi.ToolResult;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * OpenAI chat completions with tools and streaming, through openai-java: OpenAI itself, or any
 * OpenAI-compatible server at a base URL (Ollama, vLLM, llama.cpp). The SDK's own retries are off: AltoCV
 * retries (see {@link dev.altocv.ai.internal.Retrier}).
 */
public final class OpenAiProvider implements ChatProvider {
  private final OpenAIClient client;
  private final String name;
  private final boolean compatible;

  /**
   * @param config the configuration
   */
  public OpenAiProvider(AiConfig config) {
    this.compatible = config.provider() == ProviderKind.OPENAI_COMPATIBLE;
    this.name = compatible ? "the AI server at " + config.baseUrl() : "OpenAI";
    this.client = client(config);
  }

  /**
   * The SDK client of a configuration (shared with the embeddings adapter).
   *
   * @param config the configuration
   * @return the client
   */
  static OpenAIClient client(AiConfig config) {
    OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder()
        .apiKey(config.apiKey() != null ? config.apiKey() : "none")
        .maxRetries(0)
        .disableTelemetry(true);
    if (config.baseUrl() != null) {
      b.baseUrl(config.baseUrl());
    }
    return b.build();
  }

  @Override
  public String name() {
    return compatible ? "openai-compatible" : "openai";
  }

  @Override
  public ProviderResponse stream(ProviderRequest request, Consumer<String> onText) {
    ChatCompletionCreateParams params = params(request);
    RequestOptions options = RequestOptions.builder().timeout(timeout(request.timeout())).build();
    StringBuilder text = new StringBuilder();
    Map<Long, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments}
    String finish = "stop";
    long in = 0;
    long out = 0;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params, options)) {
      for (var it = stream.stream().iterator(); it.hasNext(); ) {
        ChatCompletionChunk chunk = it.next();
        if (chunk.usage().isPresent()) {
          in = chunk.usage().get().promptTokens();
          out = chunk.usage().get().completionTokens();
        }
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          ChatCompletionChunk.Choice.Delta delta = choice.delta();
          String piece = delta.content().orElse("");
          if (!piece.isEmpty()) {
            text.append(piece);
            onText.accept(piece);
          }
          for (ChatCompletionChunk.Choice.Delta.ToolCall tc : delta.toolCalls().orElse(List.of())) {
            String[] c = calls.computeIfAbsent(tc.index(), k -> new String[] {"", "", ""});
            tc.id().ifPresent(id -> c[0] = c[0].isEmpty() ? id : c[0]);
            tc.function().ifPresent(f -> {
              f.name().ifPresent(n -> c[1] = c[1].isEmpty() ? n : c[1]);
              f.arguments().ifPresent(a -> c[2] += a);
            });
          }
          if (choice.finishReason().isPresent()) {
            finish = choice.finishReason().get().asString();
          }
        }
      }
    } catch (OpenAIServiceException e) {
      throw HttpErrors.status(name, compatible ? "ALTOCV_AI_API_KEY" : "OPENAI_API_KEY (or ALTOCV_AI_API_KEY)",
          e.statusCode(), detail(e), HttpErrors.retryAfter(n -> e.headers().values(n)), e);
    } catch (OpenAIIoException e) {
      throw HttpErrors.io(name, e, request.timeout());
    } catch (OpenAIException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, name + " sent an answer AltoCV cannot read: "
          + e.getMessage(), 0, null, e);
    } catch (java.io.UncheckedIOException e) {
      throw HttpErrors.io(name, e, request.timeout());
    }
    List<ToolCall> toolCalls = new ArrayList<>();
    int n = 0;
    for (String[] c : calls.values()) {
      toolCalls.add(new ToolCall(c[0].isEmpty() ? "call_" + n : c[0], c[1], c[2]));
      n++;
    }
    return new ProviderResponse(text.toString(), toolCalls, finish, in, out);
  }

  private static String detail(OpenAIServiceException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.replaceFirst("^\\d{3}: ", "");
  }

  static Timeout timeout(Duration d) {
    return Timeout.builder().request(d).read(d).connect(d.compareTo(Duration.ofSeconds(10)) < 0 ? d
        : Duration.ofSeconds(10)).build();
  }

  /** OpenAI-compatible servers (Ollama, vLLM, llama.cpp) know max_tokens; not all know its successor. */
  @SuppressWarnings("deprecation")
  private static void legacyMaxTokens(ChatCompletionCreateParams.Builder b, int n) {
    b.maxTokens((long) n);
  }

  private ChatCompletionCreateParams params(ProviderRequest r) {
    ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
        .model(r.model())
        .addSystemMessage(r.system())
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    if (compatible) {
      legacyMaxTokens(b, r.maxTokens());
    } else {
      b.maxCompletionTokens((long) r.maxTokens());
    }
    for (ProviderMessage m : r.messages()) {
      if (m instanceof ProviderMessage.User u) {
        b.addUserMessage(u.text());
      } else if (m instanceof ProviderMessage.Assistant a) {
        ChatCompletionAssistantMessageParam.Builder ab = ChatCompletionAssistantMessageParam.builder();
        if (!a.text().isEmpty() || a.toolCalls().isEmpty()) {
          ab.content(a.text());
        }
        for (ToolCall c : a.toolCalls()) {
          ab.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
              .id(c.id())
              .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                  .name(c.name()).arguments(c.arguments()).build())
              .build());
        }
        b.addMessage(ab.build());
      } else if (m instanceof ProviderMessage.ToolResults t) {
        for (ToolResult res : t.results()) {
          b.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(res.callId()).content(res.content())
              .build());
        }
      }
    }
    for (ToolSpec t : r.tools()) {
      FunctionParameters.Builder pb = FunctionParameters.builder();
      JsonNode schema = Json.parse(t.parametersSchema(), "tool schema");
      schema.properties().forEach(e -> pb.putAdditionalProperty(e.getKey(), JsonValue.fromJsonNode(e.getValue())));
      b.addTool(ChatCompletionFunctionTool.builder()
          .function(FunctionDefinition.builder().name(t.name()).description(t.description())
              .parameters(pb.build()).build())
          .build());
    }
    if (r.forcedTool() != null) {
      b.toolChoice(ChatCompletionNamedToolChoice.builder()
          .function(ChatCompletionNamedToolChoice.Function.builder().name(r.forcedTool()).build())
          .build());
    }
    return b.build();
  }

  @Override
  public void close() {
    client.close();
  }
}
