package dev.altocv.server.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/** The metrics registry and the HTTP request timer ({@code http_server_requests_seconds}). */
public final class Metrics {
  private final PrometheusMeterRegistry registry;

  /** A registry with JVM, process and HTTP metrics. */
  public Metrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    @SuppressWarnings("resource")
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** @return the registry */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Records a finished request by its route template (never the raw path, which carries ids).
   *
   * @param ctx the request
   * @param ms its duration
   */
  public void record(Context ctx, float ms) {
    String route = dev.altocv.server.web.RequestContext.route(ctx);
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", String.valueOf(ctx.statusCode()))
        .publishPercentileHistogram(false)
        .register(registry)
        .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
  }
}
