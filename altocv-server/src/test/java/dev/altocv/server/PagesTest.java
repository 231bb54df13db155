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

/** A person's path through the pages: sign in, see CVs and credits, create a CV, edit it, undo. */
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

  @Test
  void signInCreateOpenEditAndUndo() {
    Http browser = server.client();
    assertThat(browser.get("/").header("Location")).isEqualTo("/signin");
    assertThat(browser.get("/dashboard").header("Location")).isEqualTo("/signin");
    Http.Res signin = browser.get("/signin");
    assertThat(signin.body()).contains("action=\"/auth/dev\"").doesNotContain("<script");
    Http.Res posted = browser.form("/auth/dev", Map.of("email", "page.user@example.com"));
    assertThat(posted.status()).isEqualTo(303);
    assertThat(posted.header("Location")).isEqualTo("/dashboard");

    Http.Res dash = browser.get("/dashboard");
    assertThat(dash.status()).isEqualTo(200);
    assertThat(dash.body()).contains("Sample CV").contains("50 credits").doesNotContain("<script")
        .doesNotContain("style=");
    String csrf = csrfOf(dash.body());
    assertThat(browser.form("/cvs", Map.of("title", "Forged"))).extracting(Http.Res::status).isEqualTo(403);
    Http.Res created = browser.form("/cvs", Map.of("title", "Designer <CV>", "_csrf", csrf));
    assertThat(created.status()).isEqualTo(303);
    String cvPath = created.header("Location");
    assertThat(cvPath).startsWith("/cvs/");

    Http.Res page = browser.get(cvPath);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Designer &lt;CV&gt;").doesNotContain("Designer <CV>");
    Http.Res saved = browser.form(cvPath + "/basics", Map.of("_csrf", csrf, "version", "1", "name", "Sam <b>",
        "label", "Designer", "summary", "Hello"));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).contains("Saved as version 2").contains("Sam &lt;b&gt;");
    Http.Res stale = browser.form(cvPath + "/basics", Map.of("_csrf", csrf, "version", "1", "name", "Old"));
    assertThat(stale.body()).contains("Not saved").contains("version 2");
    Http.Res undone = browser.form(cvPath + "/undo", Map.of("_csrf", csrf, "version", "2"));
    assertThat(undone.body()).contains("Undone").doesNotContain("Sam &lt;b&gt;");

    Http.Res trashed = browser.form(cvPath + "/delete", Map.of("_csrf", csrf));
    assertThat(trashed.header("Location")).isEqualTo("/dashboard");
    assertThat(browser.get("/dashboard").body()).contains("Trash").contains(cvPath + "/restore");
    assertThat(browser.form(cvPath + "/restore", Map.of("_csrf", csrf)).header("Location")).isEqualTo(cvPath);
    assertThat(browser.get(cvPath).status()).isEqualTo(200);

    assertThat(browser.get("/credits").body()).contains("create CV").contains("-5").contains("45 credits");
    assertThat(browser.get("/account").body()).contains("Delete the account");
    Http.Res out = browser.form("/auth/signout", Map.of("_csrf", csrf));
    assertThat(out.header("Location")).isEqualTo("/signin");
    assertThat(browser.get("/dashboard").header("Location")).isEqualTo("/signin");
  }

  @Test
  void anotherUsersCvPageIsNotFound() {
    Http a = server.client();
    a.form("/auth/dev", Map.of("email", "a.pages@example.com"));
    String csrf = csrfOf(a.get("/dashboard").body());
    String path = a.form("/cvs", Map.of("title", "Mine", "_csrf", csrf)).header("Location");
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
