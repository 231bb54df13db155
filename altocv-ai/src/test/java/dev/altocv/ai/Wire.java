package dev.altocv.ai;

import dev.altocv.testsupport.llm.AnthropicServer;
import dev.altocv.testsupport.llm.LlmServer;
import dev.altocv.testsupport.llm.OpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A test server of one protocol and an {@link AltoAi} whose real SDK client points at it. */
final class Wire implements AutoCloseable {
  final ProviderKind kind;
  final LlmServer server;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final AltoAi ai;

  Wire(ProviderKind kind) {
    this(kind, b -> { });
  }

  Wire(ProviderKind kind, Consumer<AiConfig.Builder> tweak) {
    this.kind = kind;
    this.server = kind == ProviderKind.ANTHROPIC ? AnthropicServer.start() : OpenAiServer.start();
    AiConfig.Builder b = AiConfig.builder().provider(kind).baseUrl(server.baseUrl()).apiKey("test-key")
        .defaultTimeout(Duration.ofSeconds(10)).maxRetries(2);
    if (kind == ProviderKind.OPENAI_COMPATIBLE) {
      b.defaultModel("llama3.1");
    }
    tweak.accept(b);
    this.ai = AltoAi.builder().config(b.build()).sleeper(sleeps::add).build();
  }

  @Override
  public void close() {
    ai.close();
    server.close();
  }
}
