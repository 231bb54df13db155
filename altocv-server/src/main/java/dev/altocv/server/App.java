package dev.altocv.server;

import dev.altocv.server.account.AuthRoutes;
import dev.altocv.server.ai.ChatRoutes;
import dev.altocv.server.ats.AtsRoutes;
import dev.altocv.server.imports.ImportRoutes;
import dev.altocv.server.match.MatchRoutes;
import dev.altocv.server.credits.CreditRoutes;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.editor.PreviewRoutes;
import dev.altocv.server.export.ExportRoutes;
import dev.altocv.server.jobs.JobRoutes;
import dev.altocv.server.ops.OpsRoutes;
import dev.altocv.server.pages.Pages;
import dev.altocv.server.config.Settings;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.ErrorHandling;
import dev.altocv.server.web.JettyErrors;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RequestContext;
import dev.altocv.server.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web application: every route, declared in the config, over the {@link Services} it is given. */
public final class App {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.altocv.server.access");
  /** The largest request body accepted (413 above). */
  public static final long MAX_BODY = 2L * 1024 * 1024;

  private App() {}

  /** The pieces a running server stops in order at shutdown. */
  public record Built(Javalin javalin, OpsRoutes ops, JobRoutes jobRoutes) {}

  /**
   * Builds the application, not started.
   *
   * @param s the services
   * @return the Javalin app
   */
  public static Javalin create(Services s) {
    return build(s).javalin();
  }

  /**
   * Builds the application with the handles a server needs for a graceful shutdown.
   *
   * @param s the services
   * @return the app and its stoppable parts
   */
  public static Built build(Services s) {
    String version = Main.version();
    OpsRoutes ops = new OpsRoutes(s.dataSource, s.metrics.registry(), s.settings.metricsToken(), version);
    JobRoutes jobRoutes = new JobRoutes(s.jobs, s.auth, s.exports);
    SecurityHeaders headers = new SecurityHeaders(s.settings.https());
    RequestContext requests = s.requests;
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(Jsons.MAPPER, false));
      config.http.maxRequestSize = MAX_BODY;
      config.http.generateEtags = false;
      config.http.prefer405over404 = true;
      config.router.ignoreTrailingSlashes = true;
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = "/static";
        sf.location = Location.CLASSPATH;
      });
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(10_000);
        server.setErrorHandler(new JettyErrors());
      });
      config.requestLogger.http((ctx, ms) -> {
        s.metrics.record(ctx, ms);
        String route = RequestContext.route(ctx);
        ACCESS.atInfo()
            .addKeyValue("requestId", RequestContext.requestId(ctx))
            .addKeyValue("method", ctx.method().name())
            .addKeyValue("route", route)
            .addKeyValue("status", ctx.statusCode())
            .addKeyValue("ms", Math.round(ms * 10) / 10.0)
            .addKeyValue("userId", s.auth.current(ctx).map(c -> c.user().id().toString()).orElse(null))
            .log("request");
      });
      var r = config.routes;
      r.before(ctx -> {
        requests.begin(ctx);
        headers.apply(ctx);
        if (ctx.header("X-HTTP-Method-Override") != null) {
          // Javalin honours it; a method changed behind proxies' and logs' backs is refused instead
          throw ApiException.validation("X-HTTP-Method-Override is not accepted: send the method itself");
        }
        String host = ctx.req().getServerName(); // the Host header's name, without its port
        if (s.settings.devLogin() && !host.equalsIgnoreCase(s.settings.publicUrl().getHost())
            && !Settings.isLocalHost(host)) {
          // development sign-in needs only an e-mail address: a page that rebinds its own name to 127.0.0.1
          // must not reach it, so only the server's own names are answered
          throw new ApiException(403, ErrorCode.FORBIDDEN, "this development server answers only to "
              + s.settings.publicUrl().getHost() + " and loopback addresses, not to '" + ctx.host() + "'", Map.of());
        }
        s.auth.resolve(ctx);
      });
      r.after(requests::end);
      ErrorHandling.register(r);
      ops.register(r);
      new AuthRoutes(s.accounts, s.sessions, s.auth, s.oidc, s.settings, s.limiter, s.requests).register(r);
      new CvRoutes(s.cvs, s.auth, s.idempotency).register(r);
      new CreditRoutes(s.credits, s.auth).register(r);
      new ExportRoutes(s.exports, s.jobs, s.auth, s.idempotency, s.limiter, s.settings.limits().export())
          .register(r);
      jobRoutes.register(r);
      new ChatRoutes(s.chatEngine, s.proposals, s.cvs, s.credits, s.auth, s.limiter, s.settings.limits().ai(),
          s.jdbi, s.clock, s.postings).register(r);
      new AtsRoutes(s.cvs, s.credits, s.auth, s.idempotency, s.jdbi, s.clock).register(r);
      new MatchRoutes(s.postings, s.fetcher, s.cvs, s.auth, s.limiter, s.settings.limits().fetch(),
          s.settings.limits().match()).register(r);
      new ImportRoutes(s.imports, s.jobs, s.exports, s.auth, s.limiter, s.settings.limits().importFile(),
          s.idempotency)
          .register(r);
      new PreviewRoutes(s.cvs, s.auth, s.limiter, s.settings.limits().preview()).register(r);
      new Pages(s.auth, s.cvs, s.credits, s.accounts, s.settings, s.jdbi, s.chatEngine != null).register(r);
    });
    return new Built(app, ops, jobRoutes);
  }
}
