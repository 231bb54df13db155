package dev.altocv.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.ai.internal.Engine;
import dev.altocv.ai.internal.Prompts;
import dev.altocv.ai.internal.Providers;
import dev.altocv.ai.internal.Retrier;
import dev.altocv.ai.internal.Structured;
import dev.altocv.ai.spi.ChatProvider;
import dev.altocv.ai.spi.ProviderMessage;
import dev.altocv.ai.spi.ProviderRequest;
import dev.altocv.ai.spi.Sleeper;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.MalformedJsonException;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of altocv-ai: AI editing of CVs through proposals, and the LLM features on top of the
 * deterministic ones. Thread-safe; create one and reuse it (it holds the provider's HTTP client), close it
 * when done.
 *
 * <pre>{@code
 * try (AltoAi ai = AltoAi.fromEnv()) {                     // ALTOCV_AI_PROVIDER, OPENAI_API_KEY...
 *   Proposal p = ai.propose(cv, "Make my summary punchier");
 *   for (ProposedEdit e : p.edits()) {
 *     System.out.println(e.summary() + " - " + e.reason() + (e.flagged() ? " " + e.flags() : ""));
 *   }
 *   Cv updated = p.acceptUnflagged(cv).cv();
 * }
 * }</pre>
 */
public final class AltoAi implements AutoCloseable {
  private final AiConfig config;
  private final ChatProvider provider;
  private final Retrier retrier;
  private final Engine engine;

  private AltoAi(AiConfig config, ChatProvider provider, Sleeper sleeper) {
    this.config = config;
    this.provider = provider;
    this.retrier = new Retrier(config.maxRetries(), config.maxRetryWait(), sleeper);
    this.engine = new Engine(provider, config, retrier);
  }

  /**
   * An instance configured from the environment (see {@link AiConfig}).
   *
   * @return the instance
   * @throws AiNotConfiguredException when no provider is configured, saying how to configure one
   * @throws AiException when the configuration is wrong or the provider's SDK is missing (with the Maven
   *     snippet to add)
   */
  public static AltoAi fromEnv() {
    return create(AiConfig.fromEnv());
  }

  /**
   * An instance for a configuration.
   *
   * @param config the configuration
   * @return the instance
   * @throws AiException of kind {@link AiErrorKind#MISSING_DEPENDENCY} when the provider's SDK is missing
   */
  public static AltoAi create(AiConfig config) {
    return builder().config(config).build();
  }

  /**
   * A builder, for a custom provider or sleeper.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public AiConfig config() {
    return config;
  }

  /**
   * Runs one chat turn and reports it as events: text deltas, tool calls, usage, the proposal, then done (or
   * an error, then done). Nothing is applied to the CV. When the provider fails mid-stream, the text so far
   * is kept, no edit is proposed and an error event is sent.
   *
   * @param input the turn
   * @param listener receives the events in order, on the calling thread; an exception it throws ends the
   *     turn and is rethrown
   * @return the outcome
   * @throws AiException when the configuration has no model for the task
   */
  public ChatResult chat(ChatInput input, Consumer<ChatEvent> listener) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(listener, "listener");
    return engine.chat(input, listener);
  }

  /**
   * Runs one chat turn without listening to events.
   *
   * @param input the turn
   * @return the outcome (check {@link ChatResult#ok()})
   */
  public ChatResult chat(ChatInput input) {
    return chat(input, e -> { });
  }

  /**
   * Asks for edits to a CV and returns the proposal.
   *
   * @param cv the CV
   * @param message what the person wants
   * @return the proposal (empty when the model proposed nothing; its message says why)
   * @throws AiException when the call fails
   */
  public Proposal propose(Cv cv, String message) {
    return proposal(chat(ChatInput.of(cv, message)), Task.CHAT);
  }

  /**
   * Proposes edits that tailor a CV to a job posting. The posting is quoted as data; skills and figures it
   * mentions that the CV does not support are flagged, never silently added.
   *
   * @param cv the CV
   * @param jobPosting the posting's text
   * @return the proposal
   * @throws AiException when the call fails
   */
  public Proposal tailor(Cv cv, String jobPosting) {
    ChatInput in = ChatInput.of(cv, "Tailor my CV to this job posting. Rewrite my summary and the most relevant "
        + "bullets and reorder what helps, using only what my CV already shows.")
        .withJobPosting(jobPosting).withTask(Task.TAILOR);
    return proposal(chat(in), Task.TAILOR);
  }

  private Proposal proposal(ChatResult r, Task task) {
    if (r.error().isPresent()) {
      throw r.error().get();
    }
    return r.proposal().orElseGet(() -> new Proposal(null, task, config.route(task).model(), r.text(), List.of(),
        List.of()));
  }

  /**
   * Explains ATS findings in plain words.
   *
   * @param cv the CV the findings are about
   * @param findings the findings as text (one per line, as the ATS analysis reports them)
   * @return the explanation
   * @throws AiException when the call fails
   */
  public String explainAts(Cv cv, String findings) {
    var route = config.route(Task.EXPLAIN_ATS);
    String user = Prompts.quote("cv_document", Prompts.cvJson(cv)) + "\n\n" + Prompts.quote("ats_findings", findings)
        + "\n\nExplain these findings to me in plain words.";
    ProviderRequest request = new ProviderRequest(route.model(), Prompts.load("explain-ats"),
        List.of(new ProviderMessage.User(user)), List.of(), null, route.maxTokens(), route.timeout());
    return retrier.call(() -> provider.stream(request, t -> { }), () -> true).text().trim();
  }

  /**
   * Structures CV text that the rule-based importer found ambiguous: the model returns a JSON Resume document,
   * which must pass the CV schema (a failing answer is sent back once with the violations).
   *
   * @param text the CV's text
   * @return the CV, with ids assigned
   * @throws AiException of kind {@link AiErrorKind#INVALID_RESPONSE} when the model's answer is invalid twice
   */
  public Cv structureCv(String text) {
    var route = config.route(Task.PARSE_CV);
    ToolSpec tool = new ToolSpec("submit_cv", "Submit the CV as a JSON Resume document.",
        "{\"type\":\"object\",\"properties\":{\"cv\":{\"type\":\"object\",\"description\":"
            + "\"the JSON Resume document: basics, work, education, skills, projects...\"}},"
            + "\"required\":[\"cv\"],\"additionalProperties\":false}");
    JsonNode args = Structured.call(provider, retrier, route, Prompts.load("parse-cv"),
        Prompts.quote("cv_text", text), tool, a -> {
          JsonNode cv = a.get("cv");
          if (cv == null || !cv.isObject()) {
            return List.of("'cv' must be a JSON object");
          }
          try {
            AltoCv.read(Json.writeCompact(cv));
            return List.of();
          } catch (AltoCvException e) {
            return List.of(e.getMessage().replace('\n', ' '));
          }
        });
    return AltoCv.read(Json.writeCompact(args.get("cv")));
  }

  /**
   * Extracts structured data from untrusted text (for example a job posting): the model returns JSON that
   * must pass the given JSON Schema (a failing answer is sent back once with what is wrong).
   *
   * @param task the task, for routing (for example {@link Task#EXTRACT_JOB})
   * @param instructions what to extract, in words
   * @param input the text, quoted as data
   * @param jsonSchema a JSON Schema (2020-12) of an object
   * @return the JSON text, valid against the schema
   * @throws MalformedJsonException when the schema is not JSON
   * @throws AiException of kind {@link AiErrorKind#INVALID_RESPONSE} when the answer is invalid twice
   */
  public String extractJson(Task task, String instructions, String input, String jsonSchema) {
    JsonNode schema = Json.parse(jsonSchema, "JSON Schema");
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException("the schema must describe an object (\"type\": \"object\")");
    }
    var route = config.route(task);
    ToolSpec tool = new ToolSpec("submit_result", "Submit the extracted data.", Json.writeCompact(schema));
    JsonNode args = Structured.call(provider, retrier, route, Prompts.load("structured") + "\n\n" + instructions,
        Prompts.quote("input", input), tool, a -> Structured.validate(schema, a));
    return Json.write(args);
  }

  /** Closes the provider's HTTP client. */
  @Override
  public void close() {
    provider.close();
  }

  /** Builds an {@link AltoAi}. */
  public static final class Builder {
    private @Nullable AiConfig config;
    private @Nullable ChatProvider provider;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /**
     * Sets the configuration (required).
     *
     * @param v the configuration
     * @return this builder
     */
    public Builder config(AiConfig v) {
      config = Objects.requireNonNull(v, "config");
      return this;
    }

    /**
     * Expert: uses this provider instead of the configured provider's adapter (routing, caps and retries
     * still come from the configuration).
     *
     * @param v the provider
     * @return this builder
     */
    public Builder provider(ChatProvider v) {
      provider = Objects.requireNonNull(v, "provider");
      return this;
    }

    /**
     * Expert: waits between retries with this sleeper (tests record the waits instead).
     *
     * @param v the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper v) {
      sleeper = Objects.requireNonNull(v, "sleeper");
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     * @throws IllegalStateException without a configuration
     * @throws AiException of kind {@link AiErrorKind#MISSING_DEPENDENCY} when the provider's SDK is missing
     */
    public AltoAi build() {
      if (config == null) {
        throw new IllegalStateException("config is required (AiConfig.fromEnv() or AiConfig.builder())");
      }
      return new AltoAi(config, provider != null ? provider : Providers.create(config), sleeper);
    }
  }
}
