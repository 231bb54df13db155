package dev.altocv.examples;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AltoAi;
import dev.altocv.ai.Proposal;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AI editing in your app in 20 lines: ask for edits, show them with their reasons and flags, apply the
 * unflagged ones. The provider comes from the environment (ALTOCV_AI_PROVIDER, OPENAI_API_KEY or
 * ALTOCV_AI_BASE_URL + ALTOCV_AI_MODEL for Ollama/vLLM...).
 *
 * <pre>
 * ALTOCV_AI_PROVIDER=openai-compatible ALTOCV_AI_BASE_URL=http://127.0.0.1:11434/v1 ALTOCV_AI_MODEL=llama3.1 \
 *   examples/run AiEditingExample [resume.json] ["Make my bullets stronger"]
 * </pre>
 */
public final class AiEditingExample {
  private AiEditingExample() {}

  public static void main(String[] args) throws IOException {
    String resume = args.length > 0 ? Files.readString(Path.of(args[0])) : bundled();
    String message = args.length > 1 ? args[1] : "Make my work bullets stronger, keeping every fact";
    try {
      run(AiConfig.fromEnv(), resume, message, System.out);
    } catch (AltoCvException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** The example itself. */
  static Cv run(AiConfig config, String resumeJson, String message, PrintStream out) {
    Cv cv = AltoCv.read(resumeJson);                                  // 1. any JSON Resume document
    try (AltoAi ai = AltoAi.create(config)) {                         // 2. one instance per app, reused
      Proposal proposal = ai.propose(cv, message);                    // 3. nothing changes yet
      out.println(proposal.message());
      for (ProposedEdit edit : proposal.edits()) {                   // 4. show each edit: what, why, flags
        out.println((edit.flagged() ? "[check] " : "[ok]    ") + edit.summary() + " - " + edit.reason());
        edit.flags().forEach(flag -> out.println("        " + flag.message()));
      }
      Cv updated = proposal.acceptUnflagged(cv).cv();                // 5. or accept(cv, chosen indexes)
      out.println(AltoCv.writeJsonResume(updated));
      return updated;
    }
  }

  private static String bundled() throws IOException {
    try (InputStream in = AiEditingExample.class.getResourceAsStream("/examples/resume.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
