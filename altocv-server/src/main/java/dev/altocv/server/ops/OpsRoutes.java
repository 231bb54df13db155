package dev.altocv.server.ops;

import dev.altocv.server.db.Database;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Health and metrics: {@code /api/health/live} (the process answers), {@code /api/health/ready} and
 * {@code /api/health} (the database answers; 503 when not, or while shutting down), {@code /metrics}
 * (Prometheus text format; a bearer token when configured).
 */
public final class OpsRoutes {
  private final DataSource dataSource;
  private final PrometheusMeterRegistry registry;
  private final @Nullable String metricsToken;
  private final String version;
  private volatile boolean stopping;

  /**
   * @param dataSource the database
   * @param registry the metrics
   * @param metricsToken the bearer token /metrics requires, or null
   * @param version the application version
   */
  public OpsRoutes(DataSource dataSource, PrometheusMeterRegistry registry, @Nullable String metricsToken,
      String version) {
    this.dataSource = dataSource;
    this.registry = registry;
    this.metricsToken = metricsToken;
    this.version = version;
  }

  /** Marks the node as shutting down: readiness fails so a load balancer stops sending traffic. */
  public void stopping() {
    stopping = true;
  }

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/api/health/live", ctx -> ctx.json(Map.of("status", "up", "version", version)));
    r.get("/api/health/ready", this::health);
    r.get("/api/health", this::health);
    r.get("/metrics", this::metrics);
  }

  private void health(Context ctx) {
    long start = System.nanoTime();
    boolean db = Database.ping(dataSource);
    long ms = (System.nanoTime() - start) / 1_000_000;
    Map<String, Object> database = new LinkedHashMap<>();
    database.put("status", db ? "up" : "down");
    database.put("latencyMs", ms);
    Map<String, Object> out = new LinkedHashMap<>();
    boolean ok = db && !stopping;
    out.put("status", ok ? "up" : stopping ? "stopping" : "down");
    out.put("version", version);
    out.put("database", database);
    ctx.header("Cache-Control", "no-store");
    ctx.status(ok ? 200 : 503).json(out);
  }

  private void metrics(Context ctx) {
    if (metricsToken != null) {
      String h = ctx.header("Authorization");
      String expected = "Bearer " + metricsToken;
      if (h == null || !MessageDigest.isEqual(h.getBytes(StandardCharsets.UTF_8),
          expected.getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(401, ErrorCode.UNAUTHENTICATED, "/metrics needs Authorization: Bearer <token>",
            Map.of());
      }
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }
}
