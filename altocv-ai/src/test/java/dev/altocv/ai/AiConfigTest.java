package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.ai.internal.Dependencies;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiConfigTest {

  @Test
  void noProviderSaysHowToConfigureOne() {
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of()))
        .isInstanceOf(AiNotConfiguredException.class)
        .hasMessageStartingWith("AI is not configured: ALTOCV_AI_PROVIDER is not set")
        .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("ALTOCV_AI_BASE_URL");
    assertThat(AiConfig.isConfigured(Map.of())).isFalse();
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai")))
        .isInstanceOf(AiNotConfiguredException.class).hasMessageContaining("OPENAI_API_KEY is not set");
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "anthropic")))
        .hasMessageContaining("ANTHROPIC_API_KEY is not set");
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai-compatible")))
        .hasMessageContaining("ALTOCV_AI_BASE_URL is not set");
  }

  @Test
  void badValuesNameTheVariable() {
    Map<String, String> base = Map.of("ALTOCV_AI_PROVIDER", "openai", "OPENAI_API_KEY", "k");
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "gemini")))
        .isInstanceOf(AiException.class).hasMessageContaining("ALTOCV_AI_PROVIDER: unknown AI provider 'gemini'");
    assertThatThrownBy(() -> AiConfig.fromEnv(with(base, "ALTOCV_AI_TIMEOUT", "soon")))
        .hasMessageContaining("ALTOCV_AI_TIMEOUT must be a positive duration");
    assertThatThrownBy(() -> AiConfig.fromEnv(with(base, "ALTOCV_AI_MAX_TOKENS_CHAT", "-3")))
        .hasMessageContaining("ALTOCV_AI_MAX_TOKENS_CHAT must be a whole number");
    assertThatThrownBy(() -> AiConfig.fromEnv(with(base, "ALTOCV_AI_BASE_URL", "localhost:11434")))
        .hasMessageContaining("ALTOCV_AI_BASE_URL must be an http or https URL");
    assertThatThrownBy(() -> AiConfig.fromEnv(with(base, "ALTOCV_AI_MAX_RETRIES", "99")))
        .hasMessageContaining("ALTOCV_AI_MAX_RETRIES");
    assertThatThrownBy(() -> AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai-compatible",
        "ALTOCV_AI_BASE_URL", "http://127.0.0.1:11434/v1"))).hasMessageContaining("set ALTOCV_AI_MODEL");
  }

  @Test
  void routingDefaultsBySizeAndOverridesPerTask() {
    AiConfig c = AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai", "OPENAI_API_KEY", "sk-secret",
        "ALTOCV_AI_MODEL_EXTRACT_JOB", "gpt-custom", "ALTOCV_AI_TIMEOUT", "45s", "ALTOCV_AI_TIMEOUT_TAILOR", "3m",
        "ALTOCV_AI_MAX_TOKENS_CHAT", "1000"));
    assertThat(c.route(Task.CHAT)).isEqualTo(new Route(Task.CHAT, ProviderKind.OPENAI, "gpt-5.4", 1000,
        Duration.ofSeconds(45)));
    assertThat(c.route(Task.PARSE_CV).model()).isEqualTo("gpt-5.4-mini");
    assertThat(c.route(Task.FORMAT).model()).isEqualTo("gpt-5.4-nano");
    assertThat(c.route(Task.EXTRACT_JOB).model()).isEqualTo("gpt-custom");
    assertThat(c.route(Task.TAILOR).timeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(c.route(Task.TAILOR).maxTokens()).isEqualTo(Task.TAILOR.defaultMaxTokens());
    assertThat(c.toString()).doesNotContain("sk-secret");

    AiConfig a = AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "anthropic", "ANTHROPIC_API_KEY", "k",
        "ALTOCV_AI_MODEL", "claude-opus-5-5"));
    assertThat(a.route(Task.FORMAT).model()).isEqualTo("claude-opus-5-5");

    AiConfig o = AiConfig.fromEnv(Map.of("ALTOCV_AI_PROVIDER", "openai-compatible", "ALTOCV_AI_BASE_URL",
        "http://127.0.0.1:11434/v1/", "ALTOCV_AI_MODEL", "llama3.1", "ALTOCV_AI_TIMEOUT", "PT2M",
        "OPENAI_API_KEY", "sk-not-for-ollama"));
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
    assertThat(o.apiKey()).as("an OpenAI key is never sent to another server").isNull();
    assertThat(o.route(Task.CHAT).timeout()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aMissingSdkSaysWhichMavenSnippetToAdd() {
    var missing = new Dependencies.Dependency("com.example.NotThere", "com.openai", "openai-java", "4.101.0",
        "the OpenAI and OpenAI-compatible providers");
    assertThatThrownBy(missing::require).isInstanceOf(AiException.class)
        .satisfies(e -> assertThat(((AiException) e).kind()).isEqualTo(AiErrorKind.MISSING_DEPENDENCY))
        .hasMessageContaining("com.openai:openai-java is needed, and it is not on the classpath")
        .hasMessageContaining("<artifactId>openai-java</artifactId>\n  <version>4.101.0</version>");
    Dependencies.OPENAI.require();
    Dependencies.ANTHROPIC.require();
  }

  private static Map<String, String> with(Map<String, String> base, String k, String v) {
    var m = new java.util.HashMap<>(base);
    m.put(k, v);
    return m;
  }
}
