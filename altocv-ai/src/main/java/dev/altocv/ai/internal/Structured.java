package dev.altocv.ai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.Route;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderMessage;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.ProviderResponse;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.ai.spi.ToolResult;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Structured output that works the same on every provider: the model must call one tool whose parameters are
 * the wanted schema; the arguments are checked, and a failing answer is sent back once with what is wrong.
 */
public final class Structured {
  private Structured() {}

  /**
   * Asks for structured output.
   *
   * @param provider the provider
   * @param retrier the retry policy
   * @param route the route
   * @param system the system prompt
   * @param user the user message (with quoted data)
   * @param tool the tool the model must call
   * @param check returns the problems of an answer, empty when it is good
   * @return the arguments of the accepted answer
   * @throws AiException of kind {@link AiErrorKind#INVALID_RESPONSE} when the second answer fails too
   */
  public static JsonNode call(ChatProvider provider, Retrier retrier, Route route, String system, String user,
      ToolSpec tool, Function<JsonNode, List<String>> check) {
    List<ProviderMessage> messages = new ArrayList<>();
    messages.add(new ProviderMessage.User(user));
    List<String> problems = List.of();
    for (int attempt = 0; attempt < 2; attempt++) {
      ProviderRequest request = new ProviderRequest(route.model(), system, messages, List.of(tool), tool.name(),
          route.maxTokens(), route.timeout());
      ProviderResponse response = retrier.call(() -> provider.stream(request, t -> { }), () -> true);
      ToolCall call = response.toolCalls().stream().filter(c -> c.name().equals(tool.name())).findFirst()
          .orElse(null);
      if (call == null) {
        problems = List.of("the answer did not call " + tool.name()
            + (response.truncated() ? " (it was cut by the token cap)" : ""));
        messages.add(new ProviderMessage.Assistant(response.text().isEmpty() ? "(no answer)" : response.text(),
            List.of()));
        messages.add(new ProviderMessage.User("Call the " + tool.name() + " tool with the result."));
        continue;
      }
      JsonNode args;
      try {
        args = Json.MAPPER.readTree(call.arguments());
        problems = args == null || !args.isObject() ? List.of("the arguments must be a JSON object")
            : check.apply(args);
      } catch (JsonProcessingException e) {
        args = null;
        problems = List.of("the arguments are not valid JSON: " + e.getOriginalMessage());
      }
      if (problems.isEmpty()) {
        return args;
      }
      messages.add(new ProviderMessage.Assistant(response.text(), List.of(call)));
      messages.add(new ProviderMessage.ToolResults(List.of(new ToolResult(call.id(),
          "Error: " + String.join("; ", problems) + ". Call " + tool.name() + " again with a corrected result.",
          true))));
    }
    throw new AiException(AiErrorKind.INVALID_RESPONSE, "the model's structured answer was invalid twice: "
        + String.join("; ", problems));
  }

  /**
   * The problems of arguments against a schema.
   *
   * @param schema the schema
   * @param args the arguments
   * @return the problems, empty when valid
   */
  public static List<String> validate(JsonNode schema, JsonNode args) {
    return ArgumentValidator.validate(schema, args);
  }
}
