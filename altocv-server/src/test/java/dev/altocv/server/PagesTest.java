package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages over HTTP: public pages, sign in, dashboard, editor shell, settings, data export, preview, charts. */
class PagesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("ALTOCV_SAMPLE_CV", "true"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String csrfOf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return m.group(1);
  }

  /** No inline script (a JSON data block is not a script) and no inline style anywhere. */
  private static void noInlineCode(String html) {
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>").matcher(html).find())
        .as("an inline script").isFalse();
    assertThat(html).doesNotContain(" style=").doesNotContain("<style");
  }

  @Test
  void publicPagesShowTheProductAndTheGallery() {
    Http anon = server.client();
    Http.Res landing = anon.get("/");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.body()).contains("Write a CV that gets read").contains("/static/templates/modern.png")
        .contains("/static/templates/academic.png").contains("href=\"/signin\"");
    noInlineCode(landing.body());
    assertThat(anon.get("/static/templates/classic.png").header("Content-Type")).isEqualTo("image/png");
    assertThat(anon.get("/pricing").body()).contains("ATS analysis").contains("<td>10</td>").contains("PRO");
    assertThat(anon.get("/privacy").body()).contains("What we keep");
    assertThat(anon.get("/terms").body()).contains("Credits");
    assertThat(anon.get("/favicon.svg").status()).isEqualTo(404);
    assertThat(anon.get("/static/favicon.svg").status()).isEqualTo(200);
    Http.Res templates = anon.get("/api/v1/templates");
    assertThat(templates.json().path("templates")).hasSize(6);
    assertThat(templates.json().path("templates").get(0).path("thumbnailUrl").asText()).startsWith("/static/templates/");
    assertThat(templates.json().path("templates").get(0).path("suggestedDesign").path("colors").path("primary").asText())
        .startsWith("#");
  }

  @Test
  void signInCreateOpenTheEditorAndManage() {
    Http browser = server.client();
    assertThat(browser.get("/dashboard").header("Location")).isEqualTo("/signin");
    Http.Res signin = browser.get("/signin");
    assertThat(signin.body()).contains("action=\"/auth/dev\"");
    noInlineCode(signin.body());
    Http.Res posted = browser.form("/auth/dev", Map.of("email", "page.user@example.com"));
    assertThat(posted.header("Location")).isEqualTo("/dashboard");

    Http.Res dash = browser.get("/dashboard");
    assertThat(dash.status()).isEqualTo(200);
    assertThat(dash.body()).contains("Sample CV").contains("50 credits").contains("ATS ").contains("/thumbnail.png?v=1")
        .contains("name=\"templateId\" value=\"executive\"");
    noInlineCode(dash.body());
    String csrf = csrfOf(dash.body());
    assertThat(browser.form("/cvs", Map.of("title", "Forged"))).extracting(Http.Res::status).isEqualTo(403);
    Http.Res created = browser.form("/cvs", Map.of("title", "Designer <CV>", "templateId", "classic", "_csrf", csrf));
    assertThat(created.status()).isEqualTo(303);
    String editor = created.header("Location");
    assertThat(editor).startsWith("/editor/");
    String id = editor.substring("/editor/".length());
    assertThat(browser.get("/cvs/" + id).header("Location")).isEqualTo(editor);

    Http.Res page = browser.get(editor);
    assertThat(page.status()).isEqualTo(200);
    noInlineCode(page.body());
    assertThat(page.body()).contains("Designer &lt;CV&gt;").doesNotContain("Designer <CV>")
        .contains("data-testid=\"preview\"").contains("sandbox=\"allow-scripts\"").contains("data-testid=\"save-status\"")
        .contains("data-testid=\"design-primary-color\"").contains("data-testid=\"chat-input\"")
        .contains("\"templateId\":\"classic\"").contains("/static/js/editor/main.js");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");

    Http.Res thumb = browser.get("/cvs/" + id + "/thumbnail.png?v=1");
    assertThat(thumb.status()).isEqualTo(200);
    assertThat(thumb.header("Content-Type")).isEqualTo("image/png");
    assertThat(thumb.header("Cache-Control")).contains("immutable");

    assertThat(browser.get("/credits").header("Location")).isEqualTo("/settings#credits");
    Http.Res settings = browser.get("/settings");
    assertThat(settings.body()).contains("create CV").contains("-5").contains("45 credits").contains("Export all my data")
        .contains("Delete the account").contains("Sign out everywhere");
    noInlineCode(settings.body());
    Http.Res data = browser.get("/settings/export.json");
    assertThat(data.header("Content-Disposition")).contains("altocv-data.json");
    assertThat(data.json().path("account").path("email").asText()).isEqualTo("page.user@example.com");
    assertThat(data.json().path("cvs")).hasSize(2);
    assertThat(data.json().path("credits").path("ledger")).hasSize(2);

    assertThat(browser.delete("/api/v1/cvs/" + id, "X-CSRF-Token", csrf).status()).isEqualTo(204);
    assertThat(browser.get("/dashboard").body()).contains("Trash (1)").contains("/cvs/" + id + "/restore");
    assertThat(browser.get("/dashboard/cards").body()).contains("Trash (1)").doesNotContain("<html");
    assertThat(browser.form("/cvs/" + id + "/restore", Map.of("_csrf", csrf)).header("Location")).isEqualTo("/dashboard");
    assertThat(browser.get(editor).status()).isEqualTo(200);

    Http.Res out = browser.form("/auth/signout", Map.of("_csrf", csrf));
    assertThat(out.header("Location")).isEqualTo("/signin");
    assertThat(browser.get("/dashboard").header("Location")).isEqualTo("/signin");
  }

  @Test
  void thePreviewIsFramedBySameOriginOnlyAndRunsNoInlineScript() {
    Http u = server.user("preview.user@example.com");
    String id = u.post("/api/v1/cvs", "{\"title\": \"P\", \"content\": {\"basics\": {\"name\": \"Zoë <Ünal>\"}}}",
        "X-CSRF-Token", u.csrf()).json().path("id").asText();
    Http.Res p = u.get("/api/v1/cvs/" + id + "/preview");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.body()).contains("Zoë &lt;Ünal&gt;").contains("data-cv-pointer=\"/basics/name\"")
        .contains("<script src=\"/static/js/preview-bridge.js\"></script>").contains("url('/fonts/Lato-Regular.ttf')");
    assertThat(Pattern.compile("<script>").matcher(p.body()).find()).isFalse();
    String csp = p.header("Content-Security-Policy");
    assertThat(csp).contains("frame-ancestors 'self'").contains("style-src 'sha256-").contains("default-src 'none'")
        .doesNotContain("script-src 'unsafe").doesNotContain("'unsafe-eval'");
    assertThat(p.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");

    Http.Res draft = u.post("/api/v1/cvs/" + id + "/preview", "{\"content\": {\"basics\": {\"name\": \"Unsaved name\"}}}",
        "X-CSRF-Token", u.csrf());
    assertThat(draft.status()).isEqualTo(200);
    assertThat(draft.json().path("body").asText()).contains("Unsaved name").contains("cv-sheet").doesNotContain("<script");
    Http.Res bad = u.post("/api/v1/cvs/" + id + "/preview", "{\"content\": {\"work\": [{\"startDate\": \"soon\"}]}}",
        "X-CSRF-Token", u.csrf());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("startDate");
    Http other = server.user("preview.other@example.com");
    assertThat(other.get("/api/v1/cvs/" + id + "/preview").status()).isEqualTo(404);

    Http.Res font = u.get("/fonts/Lato-Regular.ttf");
    assertThat(font.header("Content-Type")).isEqualTo("font/ttf");
    assertThat(font.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(u.get("/fonts/..%2Fsecret").status()).isEqualTo(404);
    Http.Res gauge = u.get("/charts/gauge.svg?score=87&label=ATS");
    assertThat(gauge.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(gauge.body()).contains(">87<").contains("<title");
    assertThat(u.get("/charts/bars.svg?b=Skills:54&b=Experience:100").body()).contains("Skills 54, Experience 100");
    assertThat(u.get("/charts/gauge.svg?score=x").status()).isEqualTo(400);
  }

  @Test
  void anotherUsersCvPageIsNotFound() {
    Http a = server.client();
    a.form("/auth/dev", Map.of("email", "a.pages@example.com"));
    String csrf = csrfOf(a.get("/dashboard").body());
    String path = a.form("/cvs", Map.of("title", "Mine", "_csrf", csrf)).header("Location");
    assertThat(path).startsWith("/editor/");
    Http b = server.client();
    b.form("/auth/dev", Map.of("email", "b.pages@example.com"));
    Http.Res r = b.get(path, "Accept", "text/html");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("CV not found");
  }

  @Test
  void theStylesheetIsServed() {
    Http.Res css = server.client().get("/static/app.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.header("Content-Type")).startsWith("text/css");
  }
}
