package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.ai.embed.Embedders;
import dev.altocv.ai.embed.LocalEmbedder;
import dev.altocv.ai.embed.ProviderEmbedder;
import dev.altocv.core.embed.Embedder;
import dev.altocv.testsupport.llm.OpenAiServer;
import dev.altocv.testsupport.llm.ScriptedReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local sentence model (loaded once for this class) and provider embeddings against a local server. */
class EmbeddingsTest {
  private static LocalEmbedder local;

  @BeforeAll
  static void load() {
    local = LocalEmbedder.create();
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f * f;
    }
    return Math.sqrt(s);
  }

  @Test
  void theLocalModelRunsOfflineAndPlacesRelatedTextsCloser() {
    assertThat(local.modelId()).isEqualTo("all-minilm-l6-v2");
    assertThat(local.dimensions()).isEqualTo(384);
    float[] kafka = local.embed("Built event streaming pipelines with Apache Kafka");
    float[] streaming = local.embed("Experience with Kafka and stream processing");
    float[] baking = local.embed("I bake sourdough bread on weekends");
    assertThat(kafka).hasSize(384);
    assertThat(norm(kafka)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    double related = Embedder.cosine(kafka, streaming);
    double unrelated = Embedder.cosine(kafka, baking);
    assertThat(related).isGreaterThan(0.5).isGreaterThan(unrelated + 0.3);
    assertThat(local.embed("Built event streaming pipelines with Apache Kafka")).containsExactly(kafka);
    List<float[]> all = local.embedAll(List.of("Experience with Kafka and stream processing", "", "x".repeat(3000)));
    assertThat(Embedder.cosine(all.get(0), streaming)).isGreaterThan(0.9999);
    assertThat(norm(all.get(1))).isZero();
    assertThat(norm(all.get(2))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void providerEmbeddingsComeFromTheEmbeddingsApi() {
    try (OpenAiServer server = OpenAiServer.startWithEmbeddings(16)) {
      AiConfig config = AiConfig.builder().provider(ProviderKind.OPENAI_COMPATIBLE).baseUrl(server.baseUrl())
          .defaultModel("llama3.1").maxRetries(1).build();
      try (ProviderEmbedder e = ProviderEmbedder.create(config, "nomic-embed-text", null)) {
        assertThat(e.dimensions()).isEqualTo(16);
        List<float[]> v = e.embedAll(List.of("java kafka", " ", "kafka java"));
        assertThat(v.get(0)).hasSize(16).containsExactly(v.get(2));
        assertThat(norm(v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(norm(v.get(1))).isZero();
        var body = server.requests().get(1).json();
        assertThat(body.path("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(body.path("input").size()).as("blank texts are not sent").isEqualTo(2);

        server.enqueue(ScriptedReply.rateLimited(1));
        assertThat(e.embed("java")).hasSize(16);
      }
    }
    assertThatThrownBy(() -> ProviderEmbedder.create(AiConfig.builder().provider(ProviderKind.ANTHROPIC).build(),
        null, null)).hasMessageContaining("Anthropic has no embeddings API");
    assertThatThrownBy(() -> Embedders.fromEnv(Map.of("ALTOCV_AI_EMBEDDINGS", "remote")))
        .hasMessageContaining("ALTOCV_AI_EMBEDDINGS must be local or provider");
  }
}
