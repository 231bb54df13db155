package dev.altocv.server.pages;

import static dev.altocv.server.web.Html.esc;

import dev.altocv.server.account.AccountService;
import dev.altocv.server.account.SessionService;
import dev.altocv.server.config.Prices;
import dev.altocv.server.config.Settings;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.credits.LedgerEntry;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.editor.PreviewRoutes;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Html;
import dev.altocv.server.web.Jsons;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The site's pages, server-rendered: the public pages (landing with the template gallery, pricing, privacy,
 * terms, sign-in), the dashboard (CV cards with thumbnail, ATS score and last edit; create, import, duplicate,
 * rename, delete with undo), the settings (account, ledger, AI consent, sessions, data export, deletion) and
 * the editor's shell ({@link EditorPage}). Pages work without script where a form can do the job; the small ES
 * modules under {@code /static/js/} add partial updates. No page has an inline script or style.
 */
public final class Pages {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Auth auth;
  private final CvService cvs;
  private final CreditService credits;
  private final AccountService accounts;
  private final Settings settings;
  private final Jdbi jdbi;
  private final boolean aiAvailable;
  private final Thumbnails thumbnails = new Thumbnails();

  /**
   * @param auth sessions
   * @param cvs CVs
   * @param credits the ledger
   * @param accounts accounts
   * @param settings settings
   * @param jdbi the database (the data export reads the conversations)
   * @param aiAvailable whether an AI provider is configured (the editor says what to set when not)
   */
  public Pages(Auth auth, CvService cvs, CreditService credits, AccountService accounts, Settings settings,
      Jdbi jdbi, boolean aiAvailable) {
    this.auth = auth;
    this.cvs = cvs;
    this.credits = credits;
    this.accounts = accounts;
    this.settings = settings;
    this.jdbi = jdbi;
    this.aiAvailable = aiAvailable;
  }

  /**
   * Registers the pages.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/", ctx -> open(ctx, this::landing));
    r.get("/pricing", ctx -> open(ctx, this::pricing));
    r.get("/privacy", ctx -> open(ctx, (c, s) -> c.html(Html.page("Privacy", nav(s, ""), PublicText.PRIVACY))));
    r.get("/terms", ctx -> open(ctx, (c, s) -> c.html(Html.page("Terms", nav(s, ""), PublicText.TERMS))));
    r.get("/signin", this::signIn);
    r.get("/dashboard", ctx -> page(ctx, this::dashboard));
    r.get("/dashboard/cards", ctx -> page(ctx, (c, s) -> c.html(cards(s))));
    r.post("/cvs", ctx -> page(ctx, this::createCv));
    r.get("/cvs/{id}", ctx -> ctx.redirect("/editor/" + cvId(ctx), HttpStatus.SEE_OTHER));
    r.post("/cvs/{id}/restore", ctx -> page(ctx, this::restoreCv));
    r.get("/cvs/{id}/thumbnail.png", ctx -> page(ctx, this::thumbnail));
    r.get("/editor/{id}", ctx -> page(ctx, (c, s) -> EditorPage.render(c, s, cvs.get(s.user().id(), cvId(c)),
        credits.prices(), nav(s, ""), aiAvailable)));
    r.get("/settings", ctx -> page(ctx, this::settingsPage));
    r.get("/settings/export.json", ctx -> page(ctx, this::exportData));
    r.get("/credits", ctx -> ctx.redirect("/settings#credits", HttpStatus.SEE_OTHER));
    r.get("/account", ctx -> ctx.redirect("/settings", HttpStatus.SEE_OTHER));
    r.post("/account/consent", ctx -> page(ctx, this::consent));
    r.post("/account/delete", ctx -> page(ctx, this::deleteAccount));
  }

  @FunctionalInterface
  interface PageHandler {
    void handle(Context ctx, SessionService.Current session) throws Exception;
  }

  @FunctionalInterface
  interface OpenHandler {
    void handle(Context ctx, SessionService.@Nullable Current session) throws Exception;
  }

  /** Runs a page that needs a session: without one, the person is sent to sign in. */
  private void page(Context ctx, PageHandler h) throws Exception {
    ctx.header("Cache-Control", "no-store");
    Optional<SessionService.Current> s = auth.current(ctx);
    if (s.isEmpty()) {
      ctx.redirect("/signin", HttpStatus.SEE_OTHER);
      return;
    }
    h.handle(ctx, auth.require(ctx));
  }

  /** Runs a public page (the navigation shows the session when there is one). */
  private void open(Context ctx, OpenHandler h) throws Exception {
    ctx.header("Cache-Control", "no-store");
    h.handle(ctx, auth.current(ctx).orElse(null));
  }

  /**
   * The navigation bar.
   *
   * @param s the session, or null
   * @param active the path of the current page
   * @return its HTML
   */
  static String nav(SessionService.@Nullable Current s, String active) {
    StringBuilder b = new StringBuilder("<nav class=\"main\" aria-label=\"Main\">");
    if (s == null) {
      b.append(link("/#templates", "Templates", active)).append(link("/pricing", "Pricing", active))
          .append("<span class=\"spacer\"></span><a class=\"button\" href=\"/signin\">Sign in</a>");
    } else {
      b.append(link("/dashboard", "My CVs", active)).append(link("/settings", "Settings", active))
          .append("<span class=\"spacer\"></span><a class=\"badge credits\" href=\"/settings#credits\" "
              + "data-testid=\"credits-badge\" data-credits aria-label=\"Credits: ").append(s.user().balance())
          .append("\">").append(s.user().balance()).append(" credits</a>")
          .append("<form class=\"inline\" method=\"post\" action=\"/auth/signout\">").append(csrf(s))
          .append("<button class=\"secondary small\" type=\"submit\">Sign out</button></form>");
    }
    return b.append("</nav>").toString();
  }

  private static String link(String href, String label, String active) {
    return "<a href=\"" + href + "\"" + (href.equals(active) ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
  }

  static String csrf(SessionService.Current s) {
    return "<input type=\"hidden\" name=\"" + Auth.CSRF_FIELD + "\" value=\"" + esc(s.csrfToken()) + "\">";
  }

  static String head(SessionService.@Nullable Current s, String... modules) {
    StringBuilder b = new StringBuilder();
    if (s != null) {
      b.append("<meta name=\"csrf-token\" content=\"").append(esc(s.csrfToken())).append("\">");
    }
    for (String m : modules) {
      b.append("<script type=\"module\" src=\"/static/js/").append(m).append("\"></script>");
    }
    return b.toString();
  }

  // ---- public pages ----

  private void landing(Context ctx, SessionService.@Nullable Current s) {
    StringBuilder b = new StringBuilder();
    b.append("<section class=\"hero\"><h1>Write a CV that gets read</h1><p class=\"lead\">AltoCV checks your CV the "
        + "way applicant-tracking systems read it, matches it to the job you want, and lets an AI assistant "
        + "suggest edits you accept one by one. Live preview, real PDF, nothing hidden.</p><p class=\"actions\">")
        .append(s == null ? "<a class=\"button big\" href=\"/signin\">Start free: "
            + credits.prices().signupCredits() + " credits</a>"
            : "<a class=\"button big\" href=\"/dashboard\">Go to my CVs</a>")
        .append("<a class=\"button secondary big\" href=\"/pricing\">See pricing</a></p></section>");
    b.append("<section class=\"features\" aria-labelledby=\"f-h\"><h2 id=\"f-h\">What it does</h2><ul class=\"grid\">")
        .append(feature("Live preview", "Type on the left, see the page on the right within a tenth of a second. "
            + "Colours, fonts and spacing repaint as you drag."))
        .append(feature("ATS check", "26 explained rules score how well an applicant-tracking system reads your CV; "
            + "most problems come with a one-click fix you can undo."))
        .append(feature("Job match", "Paste a posting: see the skills it asks for, which ones your CV shows, and "
            + "what to add."))
        .append(feature("AI you stay in charge of", "The assistant proposes edits as a before/after diff with its "
            + "reason; invented figures and identity changes are flagged. Nothing changes until you accept."))
        .append(feature("Every change is a version", "Undo and redo across typing, AI edits and fixes; restore any "
            + "saved version."))
        .append(feature("Real files", "PDF with selectable text and embedded fonts, Word, plain text; import your "
            + "old PDF or Word CV."))
        .append("</ul></section>");
    b.append("<section id=\"templates\" aria-labelledby=\"t-h\"><h2 id=\"t-h\">Templates</h2><p>Six one-column "
        + "templates that applicant-tracking systems read in order. Each is a starting point: change colours, fonts "
        + "and spacing in the editor.</p><ul class=\"gallery\">");
    for (Map<String, Object> t : PreviewRoutes.templates()) {
      b.append("<li><figure><img src=\"").append(esc(t.get("thumbnailUrl"))).append("\" width=\"297\" height=\"420\" "
          + "loading=\"lazy\" alt=\"Page 1 of a sample CV in the ").append(esc(t.get("name")))
          .append(" template\"><figcaption><strong>").append(esc(t.get("name"))).append("</strong> ")
          .append(esc(t.get("description"))).append("</figcaption></figure></li>");
    }
    b.append("</ul></section>");
    ctx.html(Html.page("CVs that get read", nav(s, "/"), b.toString(), "", "landing"));
  }

  private static String feature(String title, String text) {
    return "<li class=\"card\"><h3>" + esc(title) + "</h3><p>" + esc(text) + "</p></li>";
  }

  private void pricing(Context ctx, SessionService.@Nullable Current s) {
    Prices p = credits.prices();
    String start = s == null ? "<a class=\"button\" href=\"/signin\">Start free</a>"
        : "<a class=\"button\" href=\"/dashboard\">Go to my CVs</a>";
    String b = "<h1>Pricing</h1><p class=\"lead\">Pay for what you use, in credits. Writing, editing, the live preview, "
        + "undo and history, JSON export and JSON Resume import are always free.</p>"
        + "<ul class=\"plans\"><li class=\"card plan\"><h2>Free</h2><p class=\"price\">0</p><p>" + p.signupCredits()
        + " credits when you sign up.</p>" + start + "</li>"
        + "<li class=\"card plan\"><h2>PRO</h2><p class=\"price\">Monthly</p><p>Topped up to " + p.proMonthlyCredits()
        + " credits every month, for people applying to many jobs.</p>"
        + (s == null ? "<a class=\"button\" href=\"/signin\">Sign in to upgrade</a>"
            : "<a class=\"button\" href=\"/settings#credits\">Upgrade</a>")
        + "<p class=\"muted small\">Checkout opens once payments are set up on this server; until then an operator "
        + "sets the plan.</p></li></ul>"
        + "<h2>What costs credits</h2><table class=\"prices\"><caption class=\"sr-only\">Credit prices</caption>"
        + "<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Credits</th></tr></thead><tbody>"
        + row("A new CV (or a copy)", p.createCv()) + row("AI chat message", p.chatMessage())
        + row("ATS analysis", p.atsAnalysis()) + row("One-click ATS fix", p.atsFix())
        + row("PDF or Word export", p.export()) + row("PDF or Word import", p.importFile())
        + row("Tailor a CV to a job with AI", p.tailor()) + "</tbody></table>"
        + "<p>Work that fails after you paid for it (an export, an AI answer) is refunded automatically.</p>";
    ctx.html(Html.page("Pricing", nav(s, "/pricing"), b));
  }

  private static String row(String what, int credits) {
    return "<tr><td>" + esc(what) + "</td><td>" + credits + "</td></tr>";
  }

  private void signIn(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (auth.current(ctx).isPresent()) {
      ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
      return;
    }
    StringBuilder b = new StringBuilder("<div class=\"narrow\"><h1>Sign in to AltoCV</h1>");
    if ("expired".equals(ctx.queryParam("reason"))) {
      b.append("<p class=\"notice\" role=\"status\">Your session ended. Sign in again: edits you had not saved are "
          + "kept in this browser and saved when you return to the editor.</p>");
    }
    if (settings.oidcEnabled()) {
      b.append("<div class=\"card\"><p><a class=\"button\" href=\"/auth/google\">Sign in with Google</a></p></div>");
    }
    if (settings.devLogin()) {
      b.append("<div class=\"card\"><h2>Development sign-in</h2><p class=\"muted\">Only on a local server: type any "
          + "e-mail address to sign in as that person (a new account gets ").append(credits.prices().signupCredits())
          .append(" credits and a sample CV).</p><form method=\"post\" action=\"/auth/dev\">"
              + "<label for=\"email\">E-mail</label><input id=\"email\" type=\"email\" name=\"email\" required "
              + "autocomplete=\"email\" data-testid=\"signin-email\"><p><button type=\"submit\" "
              + "data-testid=\"signin-submit\">Sign in</button></p></form></div>");
    }
    if (!settings.oidcEnabled() && !settings.devLogin()) {
      b.append("<p class=\"error\">No sign-in method is configured: set ALTOCV_OIDC_CLIENT_ID and "
          + "ALTOCV_OIDC_CLIENT_SECRET.</p>");
    }
    b.append("<p class=\"muted small\">By signing in you accept the <a href=\"/terms\">terms</a>; see how your data "
        + "is handled in the <a href=\"/privacy\">privacy notice</a>.</p></div>");
    ctx.html(Html.page("Sign in", nav(null, "/signin"), b.toString()));
  }

  // ---- dashboard ----

  private void dashboard(Context ctx, SessionService.Current s) {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"page-head\"><h1>My CVs</h1></div>");
    b.append("<div id=\"cards\" data-testid=\"cv-list\">").append(cards(s)).append("</div>");
    b.append("<section class=\"card create\" aria-labelledby=\"new-h\"><h2 id=\"new-h\">New CV</h2><p class=\"muted\">"
        + "A new CV costs ").append(credits.prices().createCv()).append(" credits.</p>")
        .append("<form method=\"post\" action=\"/cvs\" id=\"create-form\">").append(csrf(s))
        .append("<label for=\"title\">Title</label><input id=\"title\" type=\"text\" name=\"title\" required "
            + "maxlength=\"200\" placeholder=\"For example: Backend engineer 2026\" data-testid=\"new-cv-title\">"
            + "<fieldset class=\"template-picker\"><legend>Template</legend><div class=\"picker\">");
    boolean first = true;
    for (Map<String, Object> t : PreviewRoutes.templates()) {
      String id = String.valueOf(t.get("id"));
      b.append("<label class=\"tpl\"><input type=\"radio\" name=\"templateId\" value=\"").append(esc(id)).append('"')
          .append(first ? " checked" : "").append("><img src=\"").append(esc(t.get("thumbnailUrl")))
          .append("\" width=\"99\" height=\"140\" alt=\"\" loading=\"lazy\"><span>").append(esc(t.get("name")))
          .append("</span></label>");
      first = false;
    }
    b.append("</div></fieldset><p><button type=\"submit\" data-testid=\"new-cv-submit\">Create CV</button></p></form>");
    b.append("<div class=\"split\"><div><h3>From a JSON Resume file</h3><p class=\"muted small\">A jsonresume.org "
        + "file or an AltoCV document (.json); costs ").append(credits.prices().createCv()).append(" credits.</p>"
        + "<label for=\"json-file\">JSON file</label><input id=\"json-file\" type=\"file\" accept=\".json,application/json\" "
        + "data-testid=\"json-file\"><p><button type=\"button\" class=\"secondary\" id=\"json-create\">Create from "
        + "file</button></p></div>")
        .append("<div><h3>Import a PDF or Word CV</h3><p class=\"muted small\">We read the text (no scans); check "
            + "the result in the editor. Costs ").append(credits.prices().importFile()).append(" credits.</p>"
            + "<label for=\"import-file\">PDF or DOCX file</label><input id=\"import-file\" type=\"file\" "
            + "accept=\".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml."
            + "document\" data-testid=\"import-file\"><p><button type=\"button\" class=\"secondary\" id=\"import-start\">"
            + "Import</button></p><div id=\"import-progress\" class=\"progress\" role=\"status\" aria-live=\"polite\">"
            + "</div></div></div></section>");
    b.append("<div id=\"toast\" class=\"toast\" role=\"status\" aria-live=\"polite\"></div>");
    b.append("<dialog id=\"rename-dialog\" aria-labelledby=\"rename-h\"><form method=\"dialog\" id=\"rename-form\">"
        + "<h2 id=\"rename-h\">Rename CV</h2><label for=\"rename-title\">Title</label><input id=\"rename-title\" "
        + "type=\"text\" maxlength=\"200\" required><p class=\"actions\"><button type=\"submit\" value=\"ok\">Rename"
        + "</button><button type=\"button\" class=\"secondary\" data-close>Cancel</button></p></form></dialog>");
    ctx.html(Html.page("My CVs", nav(s, "/dashboard"), b.toString(), head(s, "site.js"), "dashboard"));
  }

  /** The CV cards and the trash (also the fragment the page swaps in after a change). */
  String cards(SessionService.Current s) {
    UUID user = s.user().id();
    List<CvRecord> list = cvs.list(user, false);
    StringBuilder b = new StringBuilder();
    if (list.isEmpty()) {
      b.append("<p class=\"empty\">No CVs yet: create one below, or import the one you have.</p>");
    } else {
      b.append("<ul class=\"cards\">");
      for (CvRecord c : list) {
        String title = esc(c.title());
        int score = thumbnails.atsScore(c.id(), c.version(), cvs.get(user, c.id()).cv().content());
        b.append("<li class=\"card cv-card\" data-cv-id=\"").append(c.id()).append("\" data-title=\"").append(title)
            .append("\"><a class=\"thumb\" href=\"/editor/").append(c.id()).append("\" tabindex=\"-1\" aria-hidden=\"true\">"
                + "<img src=\"/cvs/").append(c.id()).append("/thumbnail.png?v=").append(c.version())
            .append("\" width=\"149\" height=\"210\" alt=\"\" loading=\"lazy\"></a><div class=\"meta\"><h2><a href=\"/editor/")
            .append(c.id()).append("\" data-testid=\"cv-open\">").append(title).append("</a></h2>")
            .append("<p><span class=\"score s").append(score >= 80 ? "good" : score >= 60 ? "fair" : "poor")
            .append("\" title=\"ATS score without a job posting\">ATS ").append(score).append("</span> <span class=\"muted\">")
            .append(esc(c.templateId())).append("</span></p><p class=\"muted small\">Last edit <time datetime=\"")
            .append(c.updatedAt()).append("\">").append(WHEN.format(c.updatedAt())).append("</time></p>")
            .append("<div class=\"actions\"><button type=\"button\" class=\"secondary small\" data-action=\"duplicate\" "
                + "aria-label=\"Duplicate ").append(title).append("\">Duplicate</button><button type=\"button\" "
                + "class=\"secondary small\" data-action=\"rename\" aria-label=\"Rename ").append(title)
            .append("\">Rename</button><button type=\"button\" class=\"danger small\" data-action=\"delete\" aria-label=\""
                + "Delete ").append(title).append("\">Delete</button></div></div></li>");
      }
      b.append("</ul>");
    }
    List<CvRecord> trash = cvs.list(user, true);
    if (!trash.isEmpty()) {
      b.append("<details class=\"trash\"><summary>Trash (").append(trash.size()).append(")</summary><p class=\"muted\">"
          + "CVs in the trash are deleted for good 30 days after they were moved there.</p><ul>");
      for (CvRecord c : trash) {
        b.append("<li><span>").append(esc(c.title())).append("</span> <span class=\"muted small\">")
            .append(c.deletedAt() == null ? "" : WHEN.format(c.deletedAt())).append("</span> <form class=\"inline\" "
                + "method=\"post\" action=\"/cvs/").append(c.id()).append("/restore\">").append(csrf(s))
            .append("<button class=\"secondary small\" type=\"submit\" data-cv-id=\"").append(c.id())
            .append("\" data-action=\"restore\">Restore</button></form></li>");
      }
      b.append("</ul></details>");
    }
    return b.toString();
  }

  private void createCv(Context ctx, SessionService.Current s) {
    String template = ctx.formParam("templateId");
    CvRecord cv = cvs.create(s.user().id(), String.valueOf(ctx.formParam("title")),
        template == null || template.isBlank() ? null : template, null, true);
    ctx.redirect("/editor/" + cv.id(), HttpStatus.SEE_OTHER);
  }

  static UUID cvId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("CV");
    }
  }

  private void restoreCv(Context ctx, SessionService.Current s) {
    UUID id = cvId(ctx);
    cvs.undelete(s.user().id(), id);
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private void thumbnail(Context ctx, SessionService.Current s) {
    CvRecord c = cvs.get(s.user().id(), cvId(ctx)).cv();
    ctx.header("Cache-Control", String.valueOf(c.version()).equals(ctx.queryParam("v"))
        ? "private, max-age=31536000, immutable" : "no-store");
    ctx.contentType("image/png");
    ctx.result(thumbnails.png(c.id(), c.version(), c.content()));
  }

  // ---- settings ----

  private void settingsPage(Context ctx, SessionService.Current s) {
    boolean consent = s.user().aiConsentAt() != null;
    Prices p = credits.prices();
    StringBuilder b = new StringBuilder("<h1>Settings</h1>");
    b.append("<section class=\"card\" aria-labelledby=\"acc-h\"><h2 id=\"acc-h\">Account</h2><dl class=\"facts\">"
        + "<dt>Name</dt><dd>").append(esc(s.user().name())).append("</dd><dt>E-mail</dt><dd>")
        .append(esc(s.user().email())).append("</dd><dt>Plan</dt><dd>").append(esc(s.user().tier()))
        .append("</dd><dt>Member since</dt><dd>").append(WHEN.format(s.user().createdAt())).append("</dd></dl></section>");
    b.append("<section class=\"card\" id=\"credits\" aria-labelledby=\"cr-h\"><h2 id=\"cr-h\">Credits</h2><p>Balance: "
        + "<strong data-credits-text>").append(credits.balance(s.user().id())).append(" credits</strong> (")
        .append(esc(s.user().tier())).append("). <a href=\"/pricing\">Prices and plans</a></p>")
        .append("<div class=\"table-wrap\"><table><caption>Your credit ledger, newest first</caption><thead><tr>"
            + "<th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Change</th><th scope=\"col\">"
            + "Balance</th></tr></thead><tbody>");
    for (LedgerEntry e : credits.ledger(s.user().id(), 100, Long.MAX_VALUE)) {
      b.append("<tr><td>").append(WHEN.format(e.createdAt())).append("</td><td>").append(esc(e.reason()))
          .append("</td><td>").append(e.delta() > 0 ? "+" : "").append(e.delta()).append("</td><td>")
          .append(e.balanceAfter()).append("</td></tr>");
    }
    b.append("</tbody></table></div><p class=\"muted small\">A new CV costs ").append(p.createCv())
        .append(", an AI message ").append(p.chatMessage()).append(", an ATS analysis ").append(p.atsAnalysis())
        .append(", a one-click fix ").append(p.atsFix()).append(", a PDF or Word export ").append(p.export())
        .append(".</p></section>");
    b.append("<section class=\"card\" aria-labelledby=\"ai-h\"><h2 id=\"ai-h\">AI assistant</h2><p id=\"consent-text\">")
        .append(consent ? "You agreed that your CV text may be sent to this server's AI provider when you use the "
            + "assistant (chat and tailoring)."
            : "The AI assistant sends your CV text to an external AI provider. It stays off until you agree.")
        .append("</p><form method=\"post\" action=\"/account/consent\">").append(csrf(s))
        .append("<input type=\"hidden\" name=\"consent\" value=\"").append(consent ? "0" : "1")
        .append("\"><button type=\"submit\" data-testid=\"ai-consent\">").append(consent ? "Withdraw consent" : "I agree")
        .append("</button></form></section>");
    b.append("<section class=\"card\" aria-labelledby=\"ses-h\"><h2 id=\"ses-h\">Sessions</h2><p>Signed in on "
        + "another device you no longer use? End every session, this one included.</p><form method=\"post\" "
        + "action=\"/auth/signout\">").append(csrf(s)).append("<input type=\"hidden\" name=\"everywhere\" value=\"1\">"
            + "<button class=\"secondary\" type=\"submit\">Sign out everywhere</button></form></section>");
    b.append("<section class=\"card\" aria-labelledby=\"data-h\"><h2 id=\"data-h\">Your data</h2><p>Download "
        + "everything AltoCV keeps about you as one JSON file: the account, every CV with its content and "
        + "history, the conversations with the assistant, and the credit ledger.</p><p><a class=\"button secondary\" "
        + "href=\"/settings/export.json\" download data-testid=\"export-all\">Export all my data</a></p></section>");
    b.append("<section class=\"card danger-zone\" aria-labelledby=\"del-h\"><h2 id=\"del-h\">Delete the account</h2>"
        + "<p>This deletes your CVs, their history, chats, files and credits at once. It cannot be undone.</p>"
        + "<form method=\"post\" action=\"/account/delete\">").append(csrf(s))
        .append("<label for=\"confirm\">Type your e-mail address to confirm</label><input id=\"confirm\" type=\"email\" "
            + "name=\"confirmEmail\" required autocomplete=\"off\"><p><button class=\"danger\" type=\"submit\">Delete "
            + "my account</button></p></form></section>");
    ctx.html(Html.page("Settings", nav(s, "/settings"), b.toString(), head(s, "site.js"), "settings"));
  }

  private void consent(Context ctx, SessionService.Current s) {
    accounts.setAiConsent(s.user().id(), "1".equals(ctx.formParam("consent")));
    ctx.redirect("/settings", HttpStatus.SEE_OTHER);
  }

  private void deleteAccount(Context ctx, SessionService.Current s) {
    String confirm = ctx.formParam("confirmEmail");
    if (confirm == null || !confirm.strip().equalsIgnoreCase(s.user().email())) {
      throw ApiException.validation("the e-mail address typed does not match the account's; nothing was deleted");
    }
    accounts.delete(s.user().id());
    auth.signOut(ctx);
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  private void exportData(Context ctx, SessionService.Current s) {
    UUID user = s.user().id();
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", user);
    account.put("email", s.user().email());
    account.put("name", s.user().name());
    account.put("tier", s.user().tier());
    account.put("createdAt", s.user().createdAt());
    account.put("aiConsentAt", s.user().aiConsentAt());
    List<Map<String, Object>> list = new ArrayList<>();
    List<CvRecord> all = new ArrayList<>(cvs.list(user, false));
    all.addAll(cvs.list(user, true));
    for (CvRecord c : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("title", c.title());
      m.put("version", c.version());
      m.put("createdAt", c.createdAt());
      m.put("updatedAt", c.updatedAt());
      m.put("deletedAt", c.deletedAt());
      String content = jdbi.withHandle(h -> h.createQuery("select content from cvs where id = :id and user_id = :u")
          .bind("id", c.id()).bind("u", user).mapTo(String.class).one());
      m.put("content", Jsons.tree(content));
      m.put("history", jdbi.withHandle(h -> h.createQuery("select version, first_version, kind, source, name, "
              + "created_at, updated_at, content from cv_versions where cv_id = :cv order by version desc")
          .bind("cv", c.id())
          .map((rs, x) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version", rs.getLong("version"));
            v.put("firstVersion", rs.getLong("first_version"));
            v.put("kind", rs.getString("kind"));
            v.put("source", rs.getString("source"));
            v.put("name", rs.getString("name"));
            v.put("createdAt", rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
            v.put("updatedAt", rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
            String vc = rs.getString("content");
            v.put("content", vc == null ? null : Jsons.tree(vc));
            return v;
          }).list()));
      m.put("chat", jdbi.withHandle(h -> h.createQuery("select role, content, created_at from chat_messages "
              + "where cv_id = :cv and user_id = :u order by id")
          .bind("cv", c.id()).bind("u", user)
          .map((rs, x) -> Map.of("role", rs.getString("role"), "content", rs.getString("content"),
              "createdAt", rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
          .list()));
      list.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", "altocv-account-export/1");
    out.put("exportedAt", Instant.now());
    out.put("account", account);
    out.put("credits", Map.of("balance", credits.balance(user),
        "ledger", credits.ledger(user, Integer.MAX_VALUE, Long.MAX_VALUE)));
    out.put("cvs", list);
    ctx.header("Content-Disposition", "attachment; filename=\"altocv-data.json\"");
    ctx.contentType("application/json");
    ctx.result(Jsons.write(out));
  }
}
