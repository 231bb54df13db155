package dev.altocv.ai;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How AltoCV reaches an LLM: the provider, its base URL and key, which model each {@link Task} uses, token
 * caps, time-outs and retries. Immutable; build one with {@link #builder()} or read it from the environment
 * with {@link #fromEnv()}.
 *
 * <p>Environment variables ({@link #fromEnv()}):
 * <ul>
 *   <li>{@code ALTOCV_AI_PROVIDER}: {@code openai}, {@code anthropic} or {@code openai-compatible} (required)
 *   <li>{@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}: the provider's key; {@code ALTOCV_AI_API_KEY}
 *       overrides both and is the only key sent to an openai-compatible server (optional there: an
 *       {@code OPENAI_API_KEY} is never sent to another server)
 *   <li>{@code ALTOCV_AI_BASE_URL}: the API's base URL (required for openai-compatible, e.g.
 *       {@code http://127.0.0.1:11434/v1} for Ollama; optional otherwise)
 *   <li>{@code ALTOCV_AI_MODEL}: the model of every task; {@code ALTOCV_AI_MODEL_<TASK>} overrides one task
 *       ({@code CHAT, REWRITE, TAILOR, FORMAT, EXTRACT_JOB, PARSE_CV, EXPLAIN_ATS})
 *   <li>{@code ALTOCV_AI_MAX_TOKENS}, {@code ALTOCV_AI_MAX_TOKENS_<TASK>}: output token caps
 *   <li>{@code ALTOCV_AI_TIMEOUT}, {@code ALTOCV_AI_TIMEOUT_<TASK>}: time-out of one call ({@code 90s},
 *       {@code 2m}, {@code 1500ms}, plain seconds, or ISO-8601 {@code PT90S})
 *   <li>{@code ALTOCV_AI_MAX_RETRIES}: retries of a failed call that may succeed later (default 2)
 * </ul>
 */
public final class AiConfig {

  /** Retries of a retryable failure when none is configured. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** The longest wait a provider's {@code Retry-After} may impose before the call fails instead. */
  public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
  /** Model round trips in one chat turn when none is configured. */
  public static final int DEFAULT_MAX_TOOL_ROUNDS = 4;

  private final ProviderKind provider;
  private final @Nullable String baseUrl;
  private final @Nullable String apiKey;
  private final @Nullable String defaultModel;
  private final Map<Task, String> models;
  private final @Nullable Integer defaultMaxTokens;
  private final Map<Task, Integer> maxTokens;
  private final @Nullable Duration defaultTimeout;
  private final Map<Task, Duration> timeouts;
  private final int maxRetries;
  private final Duration maxRetryWait;
  private final int maxToolRounds;

  private AiConfig(Builder b) {
    provider = Objects.requireNonNull(b.provider, "provider");
    baseUrl = b.baseUrl;
    apiKey = b.apiKey;
    defaultModel = b.defaultModel;
    models = Collections.unmodifiableMap(new EnumMap<>(b.models));
    defaultMaxTokens = b.defaultMaxTokens;
    maxTokens = Collections.unmodifiableMap(new EnumMap<>(b.maxTokens));
    defaultTimeout = b.defaultTimeout;
    timeouts = Collections.unmodifiableMap(new EnumMap<>(b.timeouts));
    maxRetries = b.maxRetries;
    maxRetryWait = b.maxRetryWait;
    maxToolRounds = b.maxToolRounds;
  }

  /**
   * Reads the configuration from the process environment (see the class description).
   *
   * @return the configuration
   * @throws AiNotConfiguredException when no provider is configured or its key is missing
   * @throws AiException of kind {@link AiErrorKind#BAD_CONFIGURATION} naming the variable that is wrong
   */
  public static AiConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Reads the configuration from the given variables (see the class description).
   *
   * @param env the variables
   * @return the configuration
   * @throws AiNotConfiguredException when no provider is configured or its key is missing
   * @throws AiException of kind {@link AiErrorKind#BAD_CONFIGURATION} naming the variable that is wrong
   */
  public static AiConfig fromEnv(Map<String, String> env) {
    String providerName = value(env, "ALTOCV_AI_PROVIDER");
    if (providerName == null) {
      throw new AiNotConfiguredException("ALTOCV_AI_PROVIDER is not set");
    }
    ProviderKind provider;
    try {
      provider = ProviderKind.fromJson(providerName);
    } catch (IllegalArgumentException e) {
      throw bad("ALTOCV_AI_PROVIDER: " + e.getMessage());
    }
    Builder b = builder().provider(provider);
    String key = value(env, "ALTOCV_AI_API_KEY");
    if (key == null && provider == ProviderKind.ANTHROPIC) {
      key = value(env, "ANTHROPIC_API_KEY");
    } else if (key == null && provider == ProviderKind.OPENAI) {
      key = value(env, "OPENAI_API_KEY"); // never sent to an openai-compatible server: it may be anyone's
    }
    if (key == null && provider == ProviderKind.OPENAI) {
      throw new AiNotConfiguredException("ALTOCV_AI_PROVIDER is openai but OPENAI_API_KEY is not set");
    }
    if (key == null && provider == ProviderKind.ANTHROPIC) {
      throw new AiNotConfiguredException("ALTOCV_AI_PROVIDER is anthropic but ANTHROPIC_API_KEY is not set");
    }
    b.apiKey(key);
    String url = value(env, "ALTOCV_AI_BASE_URL");
    if (url != null) {
      b.baseUrl(url, "ALTOCV_AI_BASE_URL");
    } else if (provider == ProviderKind.OPENAI_COMPATIBLE) {
      throw new AiNotConfiguredException("ALTOCV_AI_PROVIDER is openai-compatible but ALTOCV_AI_BASE_URL is not "
          + "set (for example http://127.0.0.1:11434/v1 for Ollama or http://127.0.0.1:8000/v1 for vLLM)");
    }
    b.defaultModel(value(env, "ALTOCV_AI_MODEL"));
    String tokens = value(env, "ALTOCV_AI_MAX_TOKENS");
    if (tokens != null) {
      b.defaultMaxTokens(parseTokens("ALTOCV_AI_MAX_TOKENS", tokens));
    }
    String timeout = value(env, "ALTOCV_AI_TIMEOUT");
    if (timeout != null) {
      b.defaultTimeout(parseDuration("ALTOCV_AI_TIMEOUT", timeout));
    }
    for (Task t : Task.values()) {
      String m = value(env, "ALTOCV_AI_MODEL_" + t.envSuffix());
      if (m != null) {
        b.model(t, m);
      }
      String tt = value(env, "ALTOCV_AI_MAX_TOKENS_" + t.envSuffix());
      if (tt != null) {
        b.maxTokens(t, parseTokens("ALTOCV_AI_MAX_TOKENS_" + t.envSuffix(), tt));
      }
      String to = value(env, "ALTOCV_AI_TIMEOUT_" + t.envSuffix());
      if (to != null) {
        b.timeout(t, parseDuration("ALTOCV_AI_TIMEOUT_" + t.envSuffix(), to));
      }
    }
    String retries = value(env, "ALTOCV_AI_MAX_RETRIES");
    if (retries != null) {
      try {
        b.maxRetries(Integer.parseInt(retries.trim()));
      } catch (IllegalArgumentException e) {
        throw bad("ALTOCV_AI_MAX_RETRIES must be a whole number from 0 to 10, not '" + retries + "'");
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw bad(e.getMessage());
    }
  }

  /**
   * Whether the variables name a provider at all (they may still be incomplete: {@link #fromEnv(Map)} says).
   *
   * @param env the variables
   * @return true when {@code ALTOCV_AI_PROVIDER} is set
   */
  public static boolean isConfigured(Map<String, String> env) {
    return value(env, "ALTOCV_AI_PROVIDER") != null;
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static AiException bad(String message) {
    return new AiException(AiErrorKind.BAD_CONFIGURATION, "AI configuration: " + message);
  }

  private static int parseTokens(String name, String v) {
    try {
      int n = Integer.parseInt(v.trim().replace("_", ""));
      if (n >= 1 && n <= 1_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name + " must be a whole number of tokens from 1 to 1000000, not '" + v + "'");
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

  static Duration parseDuration(String name, String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = DURATION.matcher(s);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      double millis = switch (unit) {
        case "ms" -> n;
        case "m", "min" -> n * 60_000;
        case "h" -> n * 3_600_000;
        default -> n * 1000;
      };
      d = Duration.ofMillis(Math.round(millis));
    } else if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        d = Duration.parse(v.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isZero() || d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
      throw bad(name + " must be a positive duration up to 1h like 90s, 2m, 1500ms or PT90S, not '" + v + "'");
    }
    return d;
  }

  /**
   * Where a task's calls go.
   *
   * @param task the task
   * @return the route: model, token cap and time-out
   * @throws AiException of kind {@link AiErrorKind#BAD_CONFIGURATION} when no model is known for the task
   */
  public Route route(Task task) {
    String model = models.getOrDefault(task, defaultModel);
    if (model == null) {
      model = provider.defaultModel(task.size());
    }
    if (model == null) {
      throw bad("no model for task " + task.json() + ": set ALTOCV_AI_MODEL (or ALTOCV_AI_MODEL_"
          + task.envSuffix() + "); " + provider.json() + " has no default models");
    }
    int cap = maxTokens.getOrDefault(task, defaultMaxTokens != null ? defaultMaxTokens : task.defaultMaxTokens());
    Duration to = timeouts.getOrDefault(task, defaultTimeout != null ? defaultTimeout : task.defaultTimeout());
    return new Route(task, provider, model, cap, to);
  }

  /**
   * The provider.
   *
   * @return the provider
   */
  public ProviderKind provider() {
    return provider;
  }

  /**
   * The API's base URL, when one is configured (otherwise the provider's own).
   *
   * @return the base URL, or null
   */
  public @Nullable String baseUrl() {
    return baseUrl;
  }

  /**
   * The API key.
   *
   * @return the key, or null (an openai-compatible server may need none)
   */
  public @Nullable String apiKey() {
    return apiKey;
  }

  /**
   * Retries of a call that failed in a way that may succeed later.
   *
   * @return 0 to 10
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The longest {@code Retry-After} that is waited for; a provider asking for more fails the call at once.
   *
   * @return the wait
   */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /**
   * The most model round trips in one chat turn (a round trip answers the model's tool calls).
   *
   * @return 1 to 20
   */
  public int maxToolRounds() {
    return maxToolRounds;
  }

  /**
   * A builder that starts from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.provider = provider;
    b.baseUrl = baseUrl;
    b.apiKey = apiKey;
    b.defaultModel = defaultModel;
    b.models.putAll(models);
    b.defaultMaxTokens = defaultMaxTokens;
    b.maxTokens.putAll(maxTokens);
    b.defaultTimeout = defaultTimeout;
    b.timeouts.putAll(timeouts);
    b.maxRetries = maxRetries;
    b.maxRetryWait = maxRetryWait;
    b.maxToolRounds = maxToolRounds;
    return b;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The key is never shown. */
  @Override
  public String toString() {
    return "AiConfig[provider=" + provider.json() + ", baseUrl=" + baseUrl + ", apiKey="
        + (apiKey == null ? "none" : "(set)") + ", model=" + defaultModel + ", models=" + models + "]";
  }

  /** Builds an {@link AiConfig}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ProviderKind provider;
    private @Nullable String baseUrl;
    private @Nullable String apiKey;
    private @Nullable String defaultModel;
    private final Map<Task, String> models = new EnumMap<>(Task.class);
    private @Nullable Integer defaultMaxTokens;
    private final Map<Task, Integer> maxTokens = new EnumMap<>(Task.class);
    private @Nullable Duration defaultTimeout;
    private final Map<Task, Duration> timeouts = new EnumMap<>(Task.class);
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration maxRetryWait = DEFAULT_MAX_RETRY_WAIT;
    private int maxToolRounds = DEFAULT_MAX_TOOL_ROUNDS;

    private Builder() {}

    /**
     * Sets the provider (required).
     *
     * @param v the provider
     * @return this builder
     */
    public Builder provider(ProviderKind v) {
      provider = Objects.requireNonNull(v, "provider");
      return this;
    }

    /**
     * Sets the API's base URL (required for openai-compatible servers).
     *
     * @param v an http or https URL, for example {@code http://127.0.0.1:11434/v1}
     * @return this builder
     * @throws IllegalArgumentException for a URL that is not http or https
     */
    public Builder baseUrl(@Nullable String v) {
      return baseUrl(v, "baseUrl");
    }

    private Builder baseUrl(@Nullable String v, String name) {
      if (v == null) {
        baseUrl = null;
        return this;
      }
      String s = v.trim();
      try {
        URI u = new URI(s);
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
            || u.getHost() == null) {
          throw new URISyntaxException(s, "not an http or https URL");
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(name + " must be an http or https URL like http://127.0.0.1:11434/v1, "
            + "not '" + v + "'");
      }
      baseUrl = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      return this;
    }

    /**
     * Sets the API key.
     *
     * @param v the key, or null
     * @return this builder
     */
    public Builder apiKey(@Nullable String v) {
      apiKey = v;
      return this;
    }

    /**
     * Sets the model of every task that has none of its own.
     *
     * @param v the model, or null for the provider's defaults
     * @return this builder
     */
    public Builder defaultModel(@Nullable String v) {
      defaultModel = v == null || v.isBlank() ? null : v.trim();
      return this;
    }

    /**
     * Sets one task's model.
     *
     * @param task the task
     * @param model the model
     * @return this builder
     */
    public Builder model(Task task, String model) {
      if (model.isBlank()) {
        throw new IllegalArgumentException("the model of task " + task.json() + " must not be blank");
      }
      models.put(task, model.trim());
      return this;
    }

    /**
     * Sets the output token cap of every task that has none of its own.
     *
     * @param v the cap, at least 1
     * @return this builder
     */
    public Builder defaultMaxTokens(int v) {
      defaultMaxTokens = positive("maxTokens", v);
      return this;
    }

    /**
     * Sets one task's output token cap.
     *
     * @param task the task
     * @param v the cap, at least 1
     * @return this builder
     */
    public Builder maxTokens(Task task, int v) {
      maxTokens.put(task, positive("maxTokens of " + task.json(), v));
      return this;
    }

    /**
     * Sets the time-out of every task that has none of its own.
     *
     * @param v the time-out of one call
     * @return this builder
     */
    public Builder defaultTimeout(Duration v) {
      defaultTimeout = positive("timeout", v);
      return this;
    }

    /**
     * Sets one task's time-out.
     *
     * @param task the task
     * @param v the time-out of one call
     * @return this builder
     */
    public Builder timeout(Task task, Duration v) {
      timeouts.put(task, positive("timeout of " + task.json(), v));
      return this;
    }

    /**
     * Sets how often a retryable failure is retried (with exponential backoff, honouring Retry-After).
     *
     * @param v 0 to 10
     * @return this builder
     */
    public Builder maxRetries(int v) {
      if (v < 0 || v > 10) {
        throw new IllegalArgumentException("maxRetries must be from 0 to 10, not " + v);
      }
      maxRetries = v;
      return this;
    }

    /**
     * Sets the longest Retry-After that is waited for.
     *
     * @param v the wait
     * @return this builder
     */
    public Builder maxRetryWait(Duration v) {
      maxRetryWait = Objects.requireNonNull(v, "maxRetryWait");
      return this;
    }

    /**
     * Sets the most model round trips in one chat turn.
     *
     * @param v 1 to 20
     * @return this builder
     */
    public Builder maxToolRounds(int v) {
      if (v < 1 || v > 20) {
        throw new IllegalArgumentException("maxToolRounds must be from 1 to 20, not " + v);
      }
      maxToolRounds = v;
      return this;
    }

    private static int positive(String name, int v) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, not " + v);
      }
      return v;
    }

    private static Duration positive(String name, Duration v) {
      if (v.isZero() || v.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, not " + v);
      }
      return v;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalStateException when the provider is missing, or an openai-compatible server has no base
     *     URL or no model
     */
    public AiConfig build() {
      if (provider == null) {
        throw new IllegalStateException("provider is required (openai, anthropic or openai-compatible)");
      }
      if (provider == ProviderKind.OPENAI_COMPATIBLE) {
        if (baseUrl == null) {
          throw new IllegalStateException("an openai-compatible provider needs a base URL (ALTOCV_AI_BASE_URL)");
        }
        if (defaultModel == null && models.size() < Task.values().length) {
          throw new IllegalStateException("an openai-compatible provider has no default models: set "
              + "ALTOCV_AI_MODEL (for example llama3.1 for Ollama)");
        }
      }
      return new AiConfig(this);
    }
  }
}
