package dev.altocv.ai.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.internal.HttpErrors;
import dev.altocv.ai.internal.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The embeddings API of OpenAI or an OpenAI-compatible server, through openai-java. */
public final class OpenAiEmbeddings implements AutoCloseable {
  private final OpenAIClient client;
  private final String model;
  private final @Nullable Integer dimensions;
  private final Duration timeout;

  /**
   * @param config the provider configuration
   * @param model the embedding model
   * @param dimensions the vector length to ask for (models that support it), or null
   * @param timeout the time-out of one call
   */
  public OpenAiEmbeddings(AiConfig config, String model, @Nullable Integer dimensions, Duration timeout) {
    this.client = OpenAiProvider.client(config);
    this.model = model;
    this.dimensions = dimensions;
    this.timeout = timeout;
  }

  /**
   * Embeds texts in one call.
   *
   * @param texts the texts, none blank
   * @return one normalised vector per text, in order
   */
  public List<float[]> embed(List<String> texts) {
    EmbeddingCreateParams.Builder b = EmbeddingCreateParams.builder().model(model).inputOfArrayOfStrings(texts);
    if (dimensions != null) {
      b.dimensions(dimensions.longValue());
    }
    CreateEmbeddingResponse response;
    try {
      response = client.embeddings().create(b.build(),
          RequestOptions.builder().timeout(OpenAiProvider.timeout(timeout)).build());
    } catch (OpenAIServiceException e) {
      throw HttpErrors.status("the embeddings API", "OPENAI_API_KEY or ALTOCV_AI_API_KEY", e.statusCode(),
          String.valueOf(e.getMessage()),
          HttpErrors.retryAfter(n -> e.headers().values(n)), e);
    } catch (OpenAIIoException e) {
      throw HttpErrors.io("the embeddings API", e, timeout);
    } catch (OpenAIException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, "the embeddings API sent an answer AltoCV cannot read: "
          + e.getMessage(), 0, null, e);
    }
    float[][] out = new float[texts.size()][];
    for (Embedding e : response.data()) {
      int i = (int) e.index();
      if (i < 0 || i >= out.length) {
        throw new AiException(AiErrorKind.INVALID_RESPONSE, "the embeddings API answered for input " + i
            + " of " + out.length);
      }
      List<Float> v = e.embedding();
      float[] f = new float[v.size()];
      for (int k = 0; k < f.length; k++) {
        f[k] = v.get(k);
      }
      out[i] = Vectors.normalize(f);
    }
    List<float[]> list = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new AiException(AiErrorKind.INVALID_RESPONSE, "the embeddings API gave no vector for input " + i);
      }
      list.add(out[i]);
    }
    return list;
  }

  @Override
  public void close() {
    client.close();
  }
}
