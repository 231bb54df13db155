package dev.altocv.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server's configuration, read from the environment and validated at start-up: a bad value is refused with
 * a message that names the setting. {@link #DEFINITIONS} lists every setting with its default; {@code altocv
 * serve --help} and the README print that list.
 *
 * @param port the HTTP port
 * @param bind the address to listen on
 * @param publicUrl the URL people reach the server at (redirects, cookies, OIDC callback)
 * @param databaseUrl a JDBC URL, or null for the embedded PostgreSQL
 * @param dataDir where the embedded PostgreSQL and generated secrets live
 * @param dbPoolSize connections in the pool
 * @param sessionSecret the key that signs session cookies (at least 32 characters)
 * @param sessionIdleTimeout a session not used for this long ends
 * @param sessionMaxAge a session ends this long after sign-in, used or not
 * @param oidcDiscoveryUrl the OpenID Connect discovery document
 * @param oidcClientId the OIDC client id, or null when Google sign-in is off
 * @param oidcClientSecret the OIDC client secret, or null when Google sign-in is off
 * @param devLogin whether the development sign-in ({@code POST /auth/dev}) exists
 * @param trustedProxies how many reverse proxies in front add {@code X-Forwarded-For}; 0 trusts none
 * @param logFormat {@code json} or {@code text}
 * @param metricsToken a bearer token {@code /metrics} requires, or null for none
 * @param prices what each action costs
 * @param limits per-user rate limits
 * @param autosaveIdle edits closer together than this are one autosave version
 * @param historyKeep autosave versions and undo history older than this are pruned
 * @param jobThreads background job threads on this node
 * @param sampleCv whether a new user gets a sample CV
 * @param importMaxBytes the largest PDF or DOCX accepted for import
 * @param semanticMatch whether job matching loads the local embedding model (else it is lexical)
 */
public record Settings(
    int port,
    String bind,
    URI publicUrl,
    @Nullable String databaseUrl,
    Path dataDir,
    int dbPoolSize,
    String sessionSecret,
    Duration sessionIdleTimeout,
    Duration sessionMaxAge,
    URI oidcDiscoveryUrl,
    @Nullable String oidcClientId,
    @Nullable String oidcClientSecret,
    boolean devLogin,
    int trustedProxies,
    String logFormat,
    @Nullable String metricsToken,
    Prices prices,
    RateLimits limits,
    Duration autosaveIdle,
    Duration historyKeep,
    int jobThreads,
    boolean sampleCv,
    long importMaxBytes,
    boolean semanticMatch) {

  /** The default HTTP port. */
  public static final int DEFAULT_PORT = 7070;

  /** Checks the combination of settings. */
  public Settings {
    Objects.requireNonNull(publicUrl, "publicUrl");
    if (sessionSecret.length() < 32) {
      throw new SettingsException("ALTOCV_SESSION_SECRET", "must be at least 32 characters long");
    }
    if ((oidcClientId == null) != (oidcClientSecret == null)) {
      throw new SettingsException(oidcClientId == null ? "ALTOCV_OIDC_CLIENT_ID" : "ALTOCV_OIDC_CLIENT_SECRET",
          "ALTOCV_OIDC_CLIENT_ID and ALTOCV_OIDC_CLIENT_SECRET are set together or not at all");
    }
    if (devLogin && !bind.equals("localhost") && !loopbackLiteral(bind)) {
      throw new SettingsException("ALTOCV_BIND", "development sign-in lets anyone sign in as anyone: the server "
          + "then listens only on a loopback address (127.0.0.1 or ::1), not " + bind + "; set ALTOCV_DEV_LOGIN=false "
          + "to listen on other addresses");
    }
    if (devLogin && !isLocalhost(publicUrl)) {
      throw new SettingsException("ALTOCV_DEV_LOGIN", "development sign-in lets anyone sign in as anyone: it is "
          + "refused unless ALTOCV_PUBLIC_URL is a localhost address (it is " + publicUrl + "); set "
          + "ALTOCV_DEV_LOGIN=false and Google sign-in (ALTOCV_OIDC_CLIENT_ID, ALTOCV_OIDC_CLIENT_SECRET)");
    }
  }

  /**
   * Whether Google sign-in is configured.
   *
   * @return true when a client id and secret are set
   */
  public boolean oidcEnabled() {
    return oidcClientId != null;
  }

  /**
   * Whether the server is reached over https (then cookies are Secure and HSTS is sent).
   *
   * @return true for an https public URL
   */
  public boolean https() {
    return "https".equalsIgnoreCase(publicUrl.getScheme());
  }

  /**
   * Whether the database is the embedded PostgreSQL.
   *
   * @return true without a database URL
   */
  public boolean embeddedDatabase() {
    return databaseUrl == null;
  }

  /**
   * The public URL without a trailing slash, to append paths to.
   *
   * @return for example {@code http://localhost:7070}
   */
  public String base() {
    String s = publicUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Whether a URL names this machine: localhost, a *.localhost name or a loopback address written out.
   *
   * @param url the URL
   * @return true for a local address
   */
  public static boolean isLocalhost(URI url) {
    return url.getHost() != null && isLocalHost(url.getHost());
  }

  /**
   * Whether a host name names this machine: localhost, a *.localhost name or a loopback address written out
   * ({@code 127.0.0.1}, {@code [::1]}); a name is never looked up.
   *
   * @param host the host, without a port
   * @return true for a local host
   */
  public static boolean isLocalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || loopbackLiteral(h);
  }

  /** An IP address written out (not a name, so nothing is looked up) that is a loopback address. */
  static boolean loopbackLiteral(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.]+");
    if (!ipv4 && !ipv6) {
      return false; // 127.attacker.example is a name, not an address
    }
    try {
      return java.net.InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** One setting: its environment variable, its default as a person reads it, and what it does. */
  public record Definition(String name, String defaultValue, String help) {}

  /** Every setting, in the order {@code serve --help} lists them. */
  public static final List<Definition> DEFINITIONS = List.of(
      new Definition("ALTOCV_PORT", "7070", "HTTP port (also --port)"),
      new Definition("ALTOCV_BIND", "127.0.0.1 with development sign-in, else 0.0.0.0", "address to listen on"),
      new Definition("ALTOCV_PUBLIC_URL", "http://localhost:PORT",
          "the URL people use; https makes cookies Secure and turns on HSTS"),
      new Definition("DATABASE_URL", "(none: embedded PostgreSQL under the data folder)",
          "PostgreSQL as postgres://user:password@host:port/db or jdbc:postgresql://..."),
      new Definition("ALTOCV_DATA_DIR", "./data", "embedded database and generated secrets (also --data)"),
      new Definition("ALTOCV_DB_POOL_SIZE", "10", "database connections"),
      new Definition("ALTOCV_SESSION_SECRET", "embedded: generated into the data folder; else required",
          "key that signs session cookies, at least 32 characters"),
      new Definition("ALTOCV_SESSION_IDLE_TIMEOUT", "7d", "a session unused this long ends (s, m, h, d)"),
      new Definition("ALTOCV_SESSION_MAX_AGE", "30d", "a session ends this long after sign-in"),
      new Definition("ALTOCV_OIDC_DISCOVERY_URL", "https://accounts.google.com/.well-known/openid-configuration",
          "OpenID Connect discovery document"),
      new Definition("ALTOCV_OIDC_CLIENT_ID", "(none: Google sign-in off)", "OAuth client id"),
      new Definition("ALTOCV_OIDC_CLIENT_SECRET", "(none)", "OAuth client secret"),
      new Definition("ALTOCV_DEV_LOGIN", "true with the embedded database, else false",
          "development sign-in by e-mail alone; refused unless the public URL is localhost"),
      new Definition("ALTOCV_TRUSTED_PROXIES", "0",
          "reverse proxies in front that append X-Forwarded-For; 0 trusts no forwarded header"),
      new Definition("ALTOCV_LOG_FORMAT", "json", "json (one object per line) or text"),
      new Definition("ALTOCV_METRICS_TOKEN", "(none: /metrics open)", "bearer token that /metrics requires"),
      new Definition("ALTOCV_SIGNUP_CREDITS", "50", "credits a new user gets"),
      new Definition("ALTOCV_PRICE_CV", "5", "credits to create (or duplicate) a CV"),
      new Definition("ALTOCV_PRICE_CHAT", "1", "credits per AI chat message"),
      new Definition("ALTOCV_PRICE_ATS", "10", "credits per ATS analysis"),
      new Definition("ALTOCV_PRICE_ATS_FIX", "1", "credits per one-click ATS fix"),
      new Definition("ALTOCV_PRICE_EXPORT", "2", "credits per PDF or DOCX export (JSON exports are free)"),
      new Definition("ALTOCV_PRICE_IMPORT", "3", "credits per PDF/DOCX import"),
      new Definition("ALTOCV_PRICE_TAILOR", "5", "credits to tailor a CV to a job posting"),
      new Definition("ALTOCV_PRO_MONTHLY_CREDITS", "500", "PRO users are topped up to this each month"),
      new Definition("ALTOCV_RATE_AI", "30/m", "AI requests per user (N/s, N/m, N/h or N/d)"),
      new Definition("ALTOCV_RATE_EXPORT", "20/m", "exports per user"),
      new Definition("ALTOCV_RATE_IMPORT", "10/m", "imports per user"),
      new Definition("ALTOCV_RATE_SIGNUP", "10/h", "new accounts per client address"),
      new Definition("ALTOCV_RATE_FETCH", "10/m", "job-posting pages fetched by URL per user"),
      new Definition("ALTOCV_RATE_MATCH", "60/m", "job matches per user (pasted or fetched postings)"),
      new Definition("ALTOCV_RATE_PREVIEW", "600/m", "previews of unsaved edits per user (the editor asks for one "
          + "a moment after typing stops)"),
      new Definition("ALTOCV_IMPORT_MAX_MB", "10", "largest PDF or DOCX accepted for import, in MB (1-50)"),
      new Definition("ALTOCV_SEMANTIC_MATCH", "true", "job matching uses the local embedding model (loaded in the "
          + "background at start, about 100 MB); false matches lexically"),
      new Definition("ALTOCV_AUTOSAVE_IDLE", "5m",
          "edits closer together than this (within one hour) form one autosave version"),
      new Definition("ALTOCV_HISTORY_KEEP", "30d",
          "autosave versions and undo history older than this are pruned (checkpoints are kept)"),
      new Definition("ALTOCV_JOB_THREADS", "2", "background job threads on this node"),
      new Definition("ALTOCV_SAMPLE_CV", "true", "give each new user a sample CV"));

  /**
   * Reads and validates the settings.
   *
   * @param env the environment
   * @param port the port given on the command line, or null
   * @param dataDir the data folder given on the command line, or null
   * @param generatedSecret supplies a session secret for the embedded mode when none is set (it is kept in the
   *     data folder so sessions survive a restart)
   * @return the settings
   * @throws SettingsException naming the setting with a bad value
   */
  public static Settings fromEnvironment(Map<String, String> env, @Nullable Integer port, @Nullable Path dataDir,
      java.util.function.Function<Path, String> generatedSecret) {
    for (String key : env.keySet()) {
      if (key.startsWith("ALTOCV_") && !key.startsWith(AI_PREFIX)
          && DEFINITIONS.stream().noneMatch(d -> d.name().equals(key)) && !KNOWN_OTHER.contains(key)) {
        throw new SettingsException(key, "is not a setting AltoCV knows; the settings are listed by "
            + "`altocv serve --help`");
      }
    }
    Reader r = new Reader(env);
    int p = port != null ? checkPort("--port", port) : r.integer("ALTOCV_PORT", DEFAULT_PORT, 1, 65535);
    Path data = dataDir != null ? dataDir : Path.of(r.text("ALTOCV_DATA_DIR", "./data"));
    String dbUrl = r.optional("DATABASE_URL");
    if (dbUrl != null) {
      dbUrl = DatabaseUrls.toJdbc(dbUrl);
    }
    boolean embedded = dbUrl == null;
    boolean dev = r.bool("ALTOCV_DEV_LOGIN", embedded);
    String bind = r.text("ALTOCV_BIND", dev ? "127.0.0.1" : "0.0.0.0");
    URI publicUrl = r.url("ALTOCV_PUBLIC_URL", "http://localhost:" + p);
    String secret = r.optional("ALTOCV_SESSION_SECRET");
    if (secret == null) {
      if (!embedded) {
        throw new SettingsException("ALTOCV_SESSION_SECRET",
            "is required with DATABASE_URL (every node must sign cookies with the same key): set 32 or more "
                + "random characters, e.g. from `openssl rand -base64 48`");
      }
      secret = generatedSecret.apply(data);
    }
    Prices prices = new Prices(
        r.integer("ALTOCV_SIGNUP_CREDITS", 50, 0, 1_000_000),
        r.integer("ALTOCV_PRICE_CV", 5, 0, 100_000),
        r.integer("ALTOCV_PRICE_CHAT", 1, 0, 100_000),
        r.integer("ALTOCV_PRICE_ATS", 10, 0, 100_000),
        r.integer("ALTOCV_PRICE_ATS_FIX", 1, 0, 100_000),
        r.integer("ALTOCV_PRICE_EXPORT", 2, 0, 100_000),
        r.integer("ALTOCV_PRICE_IMPORT", 3, 0, 100_000),
        r.integer("ALTOCV_PRICE_TAILOR", 5, 0, 100_000),
        r.integer("ALTOCV_PRO_MONTHLY_CREDITS", 500, 0, 10_000_000));
    RateLimits limits = new RateLimits(
        r.rate("ALTOCV_RATE_AI", "30/m"),
        r.rate("ALTOCV_RATE_EXPORT", "20/m"),
        r.rate("ALTOCV_RATE_IMPORT", "10/m"),
        r.rate("ALTOCV_RATE_SIGNUP", "10/h"),
        r.rate("ALTOCV_RATE_FETCH", "10/m"),
        r.rate("ALTOCV_RATE_MATCH", "60/m"),
        r.rate("ALTOCV_RATE_PREVIEW", "600/m"));
    String logFormat = r.choice("ALTOCV_LOG_FORMAT", "json", List.of("json", "text"));
    return new Settings(p, bind, publicUrl, dbUrl, data,
        r.integer("ALTOCV_DB_POOL_SIZE", 10, 1, 500),
        secret,
        r.duration("ALTOCV_SESSION_IDLE_TIMEOUT", "7d"),
        r.duration("ALTOCV_SESSION_MAX_AGE", "30d"),
        r.url("ALTOCV_OIDC_DISCOVERY_URL", "https://accounts.google.com/.well-known/openid-configuration"),
        r.optional("ALTOCV_OIDC_CLIENT_ID"),
        r.optional("ALTOCV_OIDC_CLIENT_SECRET"),
        dev,
        r.integer("ALTOCV_TRUSTED_PROXIES", 0, 0, 10),
        logFormat,
        r.optional("ALTOCV_METRICS_TOKEN"),
        prices, limits,
        r.duration("ALTOCV_AUTOSAVE_IDLE", "5m"),
        r.duration("ALTOCV_HISTORY_KEEP", "30d"),
        r.integer("ALTOCV_JOB_THREADS", 2, 1, 64),
        r.bool("ALTOCV_SAMPLE_CV", true),
        r.integer("ALTOCV_IMPORT_MAX_MB", 10, 1, 50) * 1024L * 1024L,
        r.bool("ALTOCV_SEMANTIC_MATCH", true));
  }

  /** The AI module's settings (ALTOCV_AI_PROVIDER, ALTOCV_AI_MODEL...): altocv-ai reads and checks them. */
  static final String AI_PREFIX = "ALTOCV_AI_";

  /** ALTOCV_ variables that are not server settings (the launcher's and the command line's own). */
  private static final List<String> KNOWN_OTHER = List.of("ALTOCV_DEBUG", "ALTOCV_JAVA_OPTS", "ALTOCV_NO_BUILD",
      "ALTOCV_TEST_DATABASE_URL");

  private static int checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new SettingsException(name, "must be a port number from 1 to 65535, not " + port);
    }
    return port;
  }

  /**
   * Parses a duration such as {@code 90s}, {@code 5m}, {@code 12h} or {@code 7d}.
   *
   * @param name the setting, for the message
   * @param text the value
   * @return the duration
   * @throws SettingsException for anything else
   */
  public static Duration parseDuration(String name, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.length() >= 2) {
      char unit = t.charAt(t.length() - 1);
      String num = t.substring(0, t.length() - 1);
      if (num.chars().allMatch(Character::isDigit) && num.length() <= 9) {
        long n = Long.parseLong(num);
        switch (unit) {
          case 's': return positive(name, Duration.ofSeconds(n), text);
          case 'm': return positive(name, Duration.ofMinutes(n), text);
          case 'h': return positive(name, Duration.ofHours(n), text);
          case 'd': return positive(name, Duration.ofDays(n), text);
          default: break;
        }
      }
    }
    throw new SettingsException(name, "must be a duration like 90s, 5m, 12h or 7d, not '" + text + "'");
  }

  private static Duration positive(String name, Duration d, String text) {
    if (d.isZero()) {
      throw new SettingsException(name, "must be longer than zero, not '" + text + "'");
    }
    return d;
  }

  private static final class Reader {
    private final Map<String, String> env;

    Reader(Map<String, String> env) {
      this.env = env;
    }

    @Nullable String optional(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String text(String name, String dflt) {
      String v = optional(name);
      return v == null ? dflt : v;
    }

    int integer(String name, int dflt, int min, int max) {
      String v = optional(name);
      if (v == null) {
        return dflt;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw new SettingsException(name, "must be from " + min + " to " + max + ", not " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SettingsException(name, "must be a whole number, not '" + v + "'");
      }
    }

    boolean bool(String name, boolean dflt) {
      String v = optional(name);
      if (v == null) {
        return dflt;
      }
      switch (v.toLowerCase(Locale.ROOT)) {
        case "true": case "1": case "yes": return true;
        case "false": case "0": case "no": return false;
        default: throw new SettingsException(name, "must be true or false, not '" + v + "'");
      }
    }

    String choice(String name, String dflt, List<String> allowed) {
      String v = text(name, dflt).toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw new SettingsException(name, "must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
      }
      return v;
    }

    URI url(String name, String dflt) {
      String v = text(name, dflt);
      try {
        URI u = new URI(v);
        if (u.getScheme() == null || u.getHost() == null
            || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
          throw new SettingsException(name, "must be an http or https URL, not '" + v + "'");
        }
        return u;
      } catch (URISyntaxException e) {
        throw new SettingsException(name, "must be an http or https URL, not '" + v + "'");
      }
    }

    Duration duration(String name, String dflt) {
      return parseDuration(name, text(name, dflt));
    }

    RateLimits.Rate rate(String name, String dflt) {
      return RateLimits.Rate.parse(name, text(name, dflt));
    }
  }

  /**
   * The settings as {@code NAME=value} lines for the start-up log, secrets hidden.
   *
   * @return name to printable value
   */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("port", String.valueOf(port));
    m.put("bind", bind);
    m.put("publicUrl", publicUrl.toString());
    m.put("database", databaseUrl == null ? "embedded (" + dataDir.toAbsolutePath().normalize() + ")"
        : DatabaseUrls.redact(databaseUrl));
    m.put("googleSignIn", oidcEnabled() ? "on" : "off");
    m.put("devSignIn", devLogin ? "on" : "off");
    m.put("semanticMatch", semanticMatch ? "on" : "off");
    return m;
  }

  /**
   * The setting names, for tests and the README.
   *
   * @return the names
   */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    DEFINITIONS.forEach(d -> names.add(d.name()));
    return names;
  }
}
