package dev.altocv.benchmarks;

import dev.altocv.server.App;
import dev.altocv.server.Services;
import dev.altocv.server.config.Settings;
import dev.altocv.server.db.Database;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the server: autosave PATCHes and GETs of CVs at a fixed rate, each simulated editor working on its own
 * CV, against PostgreSQL on 127.0.0.1. The server runs in this JVM on 127.0.0.1 over a fresh schema that is
 * dropped at the end. Latency is measured from the moment a request was due (not when it was sent), so a
 * server that falls behind shows it (no coordinated omission). Bounded in time; it stops by itself.
 *
 * <pre>benchmarks/run --main ServerLoad [--db JDBC_URL] [--rate 300] [--seconds 30] [--warmup 90]
 *     [--warmup-rate 150] [--editors 50]</pre>
 * The warm-up lets the JIT compile the hot paths first (the first thousands of requests run interpreted).
 */
public final class ServerLoad {
  private ServerLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String db = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    int rate = Integer.parseInt(a.getOrDefault("rate", "300"));
    int seconds = Math.min(600, Integer.parseInt(a.getOrDefault("seconds", "30")));
    int warmup = Math.min(120, Integer.parseInt(a.getOrDefault("warmup", "90")));
    int editors = Integer.parseInt(a.getOrDefault("editors", "50"));
    int warmupRate = Integer.parseInt(a.getOrDefault("warmup-rate", String.valueOf(Math.min(rate, 150))));
    if (!db.contains("127.0.0.1") && !db.contains("localhost")) {
      throw new IllegalArgumentException("the load test only targets a database on this machine");
    }
    String schema = "load_" + System.nanoTime();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> env = Map.of("ALTOCV_SESSION_SECRET", "load-test-secret-load-test-secret-0123",
        "ALTOCV_DEV_LOGIN", "true", "ALTOCV_SAMPLE_CV", "false", "ALTOCV_RATE_SIGNUP", "100000/h",
        "ALTOCV_LOG_FORMAT", "text", "ALTOCV_DB_POOL_SIZE", "16", "ALTOCV_SEMANTIC_MATCH", "false");
    Settings settings = Settings.fromEnvironment(env, port, Path.of("target/load-data"), p -> "unused");
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.altocv"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Database database = Database.connect(db, settings.dbPoolSize(), schema);
    Services services = new Services(settings, database.dataSource(), Clock.systemUTC(),
        Services.Options.defaults(settings));
    Javalin app = App.create(services).start("127.0.0.1", port);
    String base = "http://127.0.0.1:" + port;
    List<Editor> list = new ArrayList<>();
    try {
      for (int i = 0; i < editors; i++) {
        list.add(new Editor(base, "editor" + i + "@load.test"));
      }
      System.out.printf("server on %s, %d editors, schema %s%n", base, editors, schema);
      run(list, warmupRate, warmup, false);
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      Result r = run(list, rate, seconds, true);
      long cpu1 = os.getProcessCpuTime();
      System.out.printf("%nrate %d req/s for %d s (after %d s warm-up at %d req/s), %d editors, 50%% PATCH / "
          + "50%% GET%n", rate, seconds, warmup, warmupRate, editors);
      r.print();
      System.out.printf("JVM CPU (server and load generator together): %.2f ms per request, %.0f%% of one core%n",
          (cpu1 - cpu0) / 1e6 / (r.patch().length + r.get().length), (cpu1 - cpu0) / 1e7 / r.seconds());
      System.out.printf("machine load average at the end: %.2f (2 cores)%n", os.getSystemLoadAverage());
    } finally {
      list.forEach(e -> e.worker.shutdownNow());
      app.stop();
      services.close();
      database.close();
      try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
    System.exit(0);
  }

  /** One person editing their own CV: requests run one after another, as an editor's autosave does. */
  static final class Editor {
    /** One client for all editors (its own connection pool); each editor sends its own session cookie. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final HttpClient http = HTTP;
    String cookie = "";
    final String base;
    final String cv;
    final String csrf;
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    long version = 1;
    int edits;

    Editor(String base, String email) throws Exception {
      this.base = base;
      HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/auth/dev")).header(
          "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("email="
          + URLEncoder.encode(email, StandardCharsets.UTF_8))).build());
      this.cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
      this.csrf = field(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).build()).body(),
          "csrfToken");
      String sample = new String(ServerLoad.class.getResourceAsStream("/bench/two-page-cv.json").readAllBytes(),
          StandardCharsets.UTF_8);
      HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cvs"))
          .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Load\",\"content\":" + sample + "}")).build());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("create failed: " + created.body());
      }
      this.cv = field(created.body(), "id");
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
      HttpRequest withCookie = cookie.isEmpty() ? r
          : HttpRequest.newBuilder(r, (name, value) -> true).header("Cookie", cookie).build();
      return http.send(withCookie, HttpResponse.BodyHandlers.ofString());
    }

    /** An autosave: the summary as typed so far. */
    int patch() throws Exception {
      edits++;
      String body = "[{\"op\":\"replace\",\"path\":\"/basics/summary\",\"value\":\"Backend engineer, edit " + edits
          + "\"}]";
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cvs/" + cv))
          .header("Content-Type", "application/json-patch+json").header("X-CSRF-Token", csrf)
          .header("If-Match", "\"" + version + "\"").method("PATCH", HttpRequest.BodyPublishers.ofString(body))
          .build());
      r.headers().firstValue("ETag").ifPresent(e -> version = Long.parseLong(e.replace("\"", "")));
      return r.statusCode();
    }

    int get() throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cvs/" + cv)).build()).statusCode();
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  record Result(long[] patch, long[] get, int errors, double seconds) {
    void print() {
      System.out.printf("%-6s %8s %8s %8s %8s %8s %10s%n", "kind", "count", "p50 ms", "p90 ms", "p99 ms", "max ms",
          "req/s");
      line("PATCH", patch);
      line("GET", get);
      long[] all = new long[patch.length + get.length];
      System.arraycopy(patch, 0, all, 0, patch.length);
      System.arraycopy(get, 0, all, patch.length, get.length);
      line("all", all);
      System.out.printf("errors (non-2xx or failed): %d%n", errors);
    }

    void line(String kind, long[] v) {
      long[] s = v.clone();
      Arrays.sort(s);
      System.out.printf("%-6s %8d %8.2f %8.2f %8.2f %8.2f %10.1f%n", kind, s.length, pct(s, 50), pct(s, 90),
          pct(s, 99), s.length == 0 ? 0 : s[s.length - 1] / 1e6, s.length / seconds);
    }

    static double pct(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }

  static Result run(List<Editor> editors, int rate, int seconds, boolean measure) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    boolean[] isPatch = new boolean[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long intervalNs = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNs;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Editor e = editors.get(i % editors.size());
      boolean patch = (i / editors.size()) % 2 == 0;
      int index = i;
      isPatch[i] = patch;
      e.worker.submit(() -> {
        try {
          int status = patch ? e.patch() : e.get();
          if (status / 100 != 2) {
            errors.incrementAndGet();
          }
        } catch (Exception ex) {
          errors.incrementAndGet();
        }
        latencies[index] = System.nanoTime() - due;
        done.incrementAndGet();
      });
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (done.get() < total && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> p = new ArrayList<>();
    List<Long> g = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      if (latencies[i] == 0) {
        errors.incrementAndGet();
        continue;
      }
      (isPatch[i] ? p : g).add(latencies[i]);
    }
    return new Result(p.stream().mapToLong(Long::longValue).toArray(), g.stream().mapToLong(Long::longValue).toArray(),
        errors.get(), elapsed);
  }
}
