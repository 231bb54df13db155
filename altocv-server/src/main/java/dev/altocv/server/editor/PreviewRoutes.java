package dev.altocv.server.editor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.CvInvalidException;
import dev.altocv.core.model.AltoCvData;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Density;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import dev.altocv.core.model.Paper;
import dev.altocv.core.model.Spacing;
import dev.altocv.core.model.Typography;
import dev.altocv.render.PreviewOptions;
import dev.altocv.render.Render;
import dev.altocv.render.TemplateInfo;
import dev.altocv.server.config.RateLimits;
import dev.altocv.server.cv.CvRoutes;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.ErrorCode;
import dev.altocv.server.web.ErrorHandling;
import dev.altocv.server.web.Jsons;
import dev.altocv.server.web.RateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The editor's server side beside the CV API:
 * <ul>
 *   <li>{@code GET /api/v1/cvs/{id}/preview}: the render module's preview page of the saved CV, for a sandboxed
 *       iframe; the message bridge is the application's own script ({@code /static/js/preview-bridge.js}), so the
 *       page runs no inline script (its CSP allows its one inline stylesheet by hash).</li>
 *   <li>{@code POST /api/v1/cvs/{id}/preview} with {@code {"content"}}: the body markup of an unsaved state,
 *       which the bridge swaps in without reloading the frame ({@code {body, templateId, paper}}).</li>
 *   <li>{@code GET /api/v1/templates}: the templates with their thumbnails and suggested designs.</li>
 *   <li>{@code GET /fonts/{file}}: the shipped fonts for the preview.</li>
 *   <li>{@code GET /charts/gauge.svg?score=&label=} and {@code /charts/bars.svg?title=&b=Name:value}: SVG charts.</li>
 * </ul>
 */
public final class PreviewRoutes {
  /** Where the preview's fonts are served. */
  public static final String FONT_BASE = "/fonts/";
  static final String BRIDGE_TAG = "<script src=\"/static/js/preview-bridge.js\"></script>";

  private final CvService cvs;
  private final Auth auth;
  private final RateLimiter limiter;
  private final RateLimits.Rate draftRate;

  /**
   * @param cvs the CVs
   * @param auth sessions
   * @param limiter the rate limiter
   * @param draftRate how many previews of unsaved content one user may ask for (each is a full render)
   */
  public PreviewRoutes(CvService cvs, Auth auth, RateLimiter limiter, RateLimits.Rate draftRate) {
    this.cvs = cvs;
    this.auth = auth;
    this.limiter = limiter;
    this.draftRate = draftRate;
  }

  record DraftBody(@Nullable JsonNode content) {}

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/api/v1/cvs/{id}/preview", this::preview);
    r.post("/api/v1/cvs/{id}/preview", this::draft);
    r.get("/api/v1/templates", ctx -> {
      ctx.header("Cache-Control", "public, max-age=3600");
      ctx.json(Map.of("templates", templates()));
    });
    r.get("/fonts/{file}", this::font);
    r.get("/charts/gauge.svg", ctx -> svg(ctx, Charts.gauge(intParam(ctx, "score"),
        Optional.ofNullable(ctx.queryParam("label")).orElse("ATS score"))));
    r.get("/charts/bars.svg", ctx -> {
      List<Charts.Bar> bars = new ArrayList<>();
      for (String b : ctx.queryParams("b")) {
        int colon = b.lastIndexOf(':');
        if (colon <= 0 || bars.size() >= 12) {
          throw ApiException.validation("each 'b' is Name:value (at most 12)");
        }
        bars.add(new Charts.Bar(b.substring(0, Math.min(colon, 40)), parse(b.substring(colon + 1), "b")));
      }
      svg(ctx, Charts.bars(Optional.ofNullable(ctx.queryParam("title")).orElse("Scores"), bars));
    });
  }

  private void preview(Context ctx) {
    UUID user = auth.userId(ctx);
    CvService.Loaded l = cvs.get(user, CvRoutes.id(ctx));
    Cv cv = AltoCv.read(l.cv().content());
    String html = Render.previewHtml(cv, PreviewOptions.DEFAULT.withFontBaseUrl(FONT_BASE).withBridge(false));
    int end = html.lastIndexOf("</body>");
    html = html.substring(0, end) + BRIDGE_TAG + html.substring(end);
    String origin = ctx.scheme() + "://" + ctx.host();
    // a sandboxed frame has an opaque origin: name the server's origin beside 'self'. The stylesheet is allowed
    // by its hash; the templates' style attributes (column widths) by style-src-attr: they cannot run code
    ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self' " + origin + "; style-src "
        + styleHashes(html) + "; style-src-attr 'unsafe-inline'; font-src 'self' " + origin + "; img-src 'self' data:; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'self'");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("Cache-Control", "no-store");
    ctx.header("ETag", CvRoutes.etag(l.cv().version()));
    ctx.html(html);
  }

  private void draft(Context ctx) {
    UUID user = auth.userId(ctx);
    limiter.check("preview:" + user, draftRate, "previews of unsaved edits");
    UUID id = CvRoutes.id(ctx);
    DraftBody body = Jsons.body(ctx, DraftBody.class);
    if (body.content() == null || body.content().isNull()) {
      throw ApiException.validation("'content' (the CV document to show) is required", Map.of("field", "content"));
    }
    if (!body.content().isObject()) {
      throw ApiException.validation("'content' must be a JSON object: the CV document to show, not "
          + body.content().getNodeType().toString().toLowerCase(java.util.Locale.ROOT), Map.of("field", "content"));
    }
    cvs.get(user, id);
    Cv cv;
    try {
      cv = AltoCv.read(body.content().toString());
    } catch (CvInvalidException e) {
      throw new ApiException(422, ErrorCode.VALIDATION_FAILED, "the unsaved CV cannot be shown: " + e.getMessage(),
          Map.of("violations", ErrorHandling.violations(e.report().violations())));
    } catch (AltoCvException e) {
      throw new ApiException(422, ErrorCode.VALIDATION_FAILED, "the unsaved CV cannot be shown: " + e.getMessage(),
          Map.of());
    }
    String html = Render.previewHtml(cv, PreviewOptions.DEFAULT.withFontBaseUrl(FONT_BASE).withBridge(false));
    int open = html.indexOf('>', html.indexOf("<body")) + 1;
    int close = html.lastIndexOf("</body>");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("body", html.substring(open, close));
    out.put("templateId", cv.altocv().design().templateId());
    out.put("paper", cv.altocv().design().paper().json());
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void font(Context ctx) {
    byte[] font = Render.fontFile(ctx.pathParam("file")).orElseThrow(() -> ApiException.notFound("font"));
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    // the preview frame is sandboxed (an opaque origin) and fonts load in CORS mode
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.contentType("font/ttf");
    ctx.result(font);
  }

  private static void svg(Context ctx, String svg) {
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("image/svg+xml; charset=utf-8");
    ctx.result(svg);
  }

  private static int intParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      throw ApiException.validation("query parameter '" + name + "' is required (0-100)");
    }
    return parse(v, name);
  }

  private static int parse(String v, String name) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.validation("'" + name + "' must be a whole number 0-100, not '" + v + "'");
    }
  }

  /**
   * The CSP source list allowing the page's inline stylesheets by their SHA-256.
   *
   * @param html the page
   * @return the sources
   */
  static String styleHashes(String html) {
    StringBuilder b = new StringBuilder();
    int from = 0;
    while (true) {
      int open = html.indexOf("<style>", from);
      if (open < 0) {
        break;
      }
      int close = html.indexOf("</style>", open);
      String css = html.substring(open + 7, close);
      b.append(b.length() > 0 ? " " : "").append("'sha256-").append(sha256(css)).append('\'');
      from = close;
    }
    return b.length() == 0 ? "'none'" : b.toString();
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The templates as the API and the pages show them.
   *
   * @return id, name, description, thumbnail URL and suggested design of each
   */
  public static List<Map<String, Object>> templates() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TemplateInfo t : Render.templates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("name", t.name());
      m.put("description", t.description());
      m.put("thumbnailUrl", thumbnail(t.id()));
      m.put("suggestedDesign", designJson(t.suggestedDesign()));
      out.add(m);
    }
    return out;
  }

  /**
   * A template's thumbnail (page 1 of a two-page sample CV, shipped in the jar from docs/templates).
   *
   * @param templateId the template
   * @return its URL
   */
  public static String thumbnail(String templateId) {
    return "/static/templates/" + templateId + ".png";
  }

  /**
   * A design as the AltoCV document writes it.
   *
   * @param d the design
   * @return its JSON tree
   */
  public static JsonNode designJson(Design d) {
    Cv cv = Cv.builder().altocv(new AltoCvData(d, List.of())).build();
    return Jsons.tree(AltoCv.write(cv)).path("altocv").path("design");
  }

  /**
   * The CSS variable values of the design settings the editor cannot compute itself (font stacks, density
   * factors, page sizes), from the render module, so a live repaint sets exactly what a new page would.
   *
   * @return {@code {fonts: {pairing: {heading, body}}, density: {name: factor}, paper: {name: {width, height}}}}
   */
  public static Map<String, Object> designTables() {
    Design base = Design.DEFAULT;
    Map<String, Object> fonts = new LinkedHashMap<>();
    for (FontPairing f : FontPairing.values()) {
      Typography t = base.typography();
      Map<String, String> v = Render.cssVariables(new Design(base.templateId(), base.paper(), base.colors(),
          new Typography(f, t.headingSize(), t.bodySize(), t.lineHeight()), base.spacing(), base.layout()));
      fonts.put(f.json(), Map.of("heading", v.get("--cv-heading-font"), "body", v.get("--cv-body-font")));
    }
    Map<String, Object> density = new LinkedHashMap<>();
    for (Density d : Density.values()) {
      Spacing s = base.spacing();
      Map<String, String> v = Render.cssVariables(new Design(base.templateId(), base.paper(), base.colors(),
          base.typography(), new Spacing(d, s.sectionMargin(), s.contentPadding()), base.layout()));
      density.put(d.json(), v.get("--cv-density"));
    }
    Map<String, Object> paper = new LinkedHashMap<>();
    for (Paper p : Paper.values()) {
      Map<String, String> v = Render.cssVariables(new Design(base.templateId(), p, base.colors(),
          base.typography(), base.spacing(), base.layout()));
      paper.put(p.json(), Map.of("width", v.get("--cv-page-width"), "height", v.get("--cv-page-height")));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fonts", fonts);
    out.put("density", density);
    out.put("paper", paper);
    out.put("variables", Render.cssVariables(base).keySet());
    return out;
  }
}
