package dev.altocv.server.pages;

import static dev.altocv.server.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchSource;
import dev.altocv.server.account.AccountService;
import dev.altocv.server.account.SessionService;
import dev.altocv.server.config.Settings;
import dev.altocv.server.credits.CreditService;
import dev.altocv.server.credits.LedgerEntry;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.cv.VersionEntry;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import dev.altocv.server.web.Html;
import dev.altocv.server.web.Jsons;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The server-rendered pages: sign in, the dashboard (CVs and credits), a CV (read it, edit its basics, undo,
 * redo, history), the credit ledger and the account. Forms post with the session's CSRF token; no script runs
 * on these pages. The three-pane editor replaces the CV page later.
 */
public final class Pages {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Auth auth;
  private final CvService cvs;
  private final CreditService credits;
  private final AccountService accounts;
  private final Settings settings;

  /**
   * @param auth sessions
   * @param cvs CVs
   * @param credits the ledger
   * @param accounts accounts
   * @param settings settings
   */
  public Pages(Auth auth, CvService cvs, CreditService credits, AccountService accounts, Settings settings) {
    this.auth = auth;
    this.cvs = cvs;
    this.credits = credits;
    this.accounts = accounts;
    this.settings = settings;
  }

  /**
   * Registers the pages.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/", ctx -> ctx.redirect(auth.current(ctx).isPresent() ? "/dashboard" : "/signin", HttpStatus.SEE_OTHER));
    r.get("/signin", this::signIn);
    r.get("/dashboard", ctx -> page(ctx, this::dashboard));
    r.post("/cvs", ctx -> page(ctx, this::createCv));
    r.get("/cvs/{id}", ctx -> page(ctx, this::cv));
    r.post("/cvs/{id}/basics", ctx -> page(ctx, this::editBasics));
    r.post("/cvs/{id}/undo", ctx -> page(ctx, (c, s) -> history(c, s, true)));
    r.post("/cvs/{id}/redo", ctx -> page(ctx, (c, s) -> history(c, s, false)));
    r.post("/cvs/{id}/delete", ctx -> page(ctx, this::deleteCv));
    r.post("/cvs/{id}/restore", ctx -> page(ctx, this::restoreCv));
    r.get("/credits", ctx -> page(ctx, this::ledger));
    r.get("/account", ctx -> page(ctx, this::account));
    r.post("/account/consent", ctx -> page(ctx, this::consent));
    r.post("/account/delete", ctx -> page(ctx, this::deleteAccount));
  }

  @FunctionalInterface
  private interface PageHandler {
    void handle(Context ctx, SessionService.Current session) throws Exception;
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

  private String nav(SessionService.Current s) {
    return "<nav><a href=\"/dashboard\">My CVs</a><a href=\"/credits\">Credits <span class=\"badge\">"
        + s.user().balance() + "</span></a><a href=\"/account\">Account</a><span class=\"spacer\"></span>"
        + "<span class=\"muted\">" + esc(s.user().email()) + "</span>"
        + "<form class=\"inline\" method=\"post\" action=\"/auth/signout\">" + csrf(s)
        + "<button class=\"secondary\" type=\"submit\">Sign out</button></form></nav>";
  }

  private static String csrf(SessionService.Current s) {
    return "<input type=\"hidden\" name=\"" + Auth.CSRF_FIELD + "\" value=\"" + esc(s.csrfToken()) + "\">";
  }

  private void signIn(Context ctx) {
    if (auth.current(ctx).isPresent()) {
      ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
      return;
    }
    StringBuilder b = new StringBuilder("<h1>Sign in to AltoCV</h1>");
    if (settings.oidcEnabled()) {
      b.append("<div class=\"card\"><p><a class=\"button\" href=\"/auth/google\">Sign in with Google</a></p>"
          + "</div>");
    }
    if (settings.devLogin()) {
      b.append("<div class=\"card\"><h2>Development sign-in</h2><p class=\"muted\">Only on a local server: type any "
          + "e-mail address to sign in as that person (a new account gets ").append(credits.prices().signupCredits())
          .append(" credits and a sample CV).</p><form method=\"post\" action=\"/auth/dev\">"
              + "<label for=\"email\">E-mail</label><input id=\"email\" type=\"email\" name=\"email\" required "
              + "autocomplete=\"email\"><p><button type=\"submit\">Sign in</button></p></form></div>");
    }
    if (!settings.oidcEnabled() && !settings.devLogin()) {
      b.append("<p class=\"error\">No sign-in method is configured: set ALTOCV_OIDC_CLIENT_ID and "
          + "ALTOCV_OIDC_CLIENT_SECRET.</p>");
    }
    ctx.html(Html.page("Sign in", null, b.toString()));
  }

  private void dashboard(Context ctx, SessionService.Current s) {
    List<CvRecord> list = cvs.list(s.user().id(), false);
    StringBuilder b = new StringBuilder("<h1>My CVs</h1>");
    b.append("<p>Balance: <span class=\"badge\">").append(s.user().balance()).append(" credits</span> ")
        .append("<a href=\"/credits\">see the ledger</a></p>");
    if (list.isEmpty()) {
      b.append("<p class=\"muted\">No CVs yet.</p>");
    } else {
      b.append("<table><thead><tr><th>Title</th><th>Template</th><th>Version</th><th>Last change</th></tr></thead>"
          + "<tbody>");
      for (CvRecord c : list) {
        b.append("<tr><td><a href=\"/cvs/").append(c.id()).append("\">").append(esc(c.title())).append("</a></td><td>")
            .append(esc(c.templateId())).append("</td><td>").append(c.version()).append("</td><td>")
            .append(WHEN.format(c.updatedAt())).append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    List<CvRecord> trash = cvs.list(s.user().id(), true);
    if (!trash.isEmpty()) {
      b.append("<h2>Trash</h2><p class=\"muted\">CVs in the trash are deleted for good 30 days after they were "
          + "moved there.</p><table><thead><tr><th>Title</th><th>Moved to the trash</th><th></th></tr></thead><tbody>");
      for (CvRecord c : trash) {
        b.append("<tr><td>").append(esc(c.title())).append("</td><td>")
            .append(c.deletedAt() == null ? "" : WHEN.format(c.deletedAt())).append("</td><td><form class=\"inline\" "
                + "method=\"post\" action=\"/cvs/").append(c.id()).append("/restore\">").append(csrf(s))
            .append("<button class=\"secondary\" type=\"submit\">Restore</button></form></td></tr>");
      }
      b.append("</tbody></table>");
    }
    b.append("<div class=\"card\"><h2>New CV</h2><p class=\"muted\">Costs ").append(credits.prices().createCv())
        .append(" credits.</p><form method=\"post\" action=\"/cvs\">").append(csrf(s))
        .append("<label for=\"title\">Title</label><input id=\"title\" type=\"text\" name=\"title\" required "
            + "maxlength=\"200\"><p><button type=\"submit\">Create</button></p></form></div>");
    ctx.html(Html.page("My CVs", nav(s), b.toString()));
  }

  private void createCv(Context ctx, SessionService.Current s) {
    CvRecord cv = cvs.create(s.user().id(), String.valueOf(ctx.formParam("title")), null, null, true);
    ctx.redirect("/cvs/" + cv.id(), HttpStatus.SEE_OTHER);
  }

  private UUID cvId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("CV");
    }
  }

  private void cv(Context ctx, SessionService.Current s) {
    UUID id = cvId(ctx);
    CvService.Loaded l = cvs.get(s.user().id(), id);
    renderCv(ctx, s, l, null);
  }

  private void renderCv(Context ctx, SessionService.Current s, CvService.Loaded l, @Nullable String message) {
    CvRecord c = l.cv();
    JsonNode doc = Jsons.tree(c.content());
    JsonNode basics = doc.path("basics");
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(c.title())).append("</h1><p class=\"muted\">Version ").append(c.version())
        .append(", template ").append(esc(c.templateId())).append(", last change ").append(WHEN.format(c.updatedAt()))
        .append("</p>");
    if (message != null) {
      b.append("<p class=\"notice\" role=\"status\">").append(esc(message)).append("</p>");
    }
    b.append("<div class=\"actions\">");
    b.append(versionForm(s, c, "undo", "Undo", !l.canUndo()));
    b.append(versionForm(s, c, "redo", "Redo", !l.canRedo()));
    b.append("<form class=\"inline\" method=\"post\" action=\"/cvs/").append(c.id()).append("/delete\">")
        .append(csrf(s)).append("<button class=\"danger\" type=\"submit\">Move to trash</button></form></div>");
    b.append("<div class=\"card cv\">").append(renderDoc(doc)).append("</div>");
    b.append("<div class=\"card\"><h2>Edit the basics</h2><form method=\"post\" action=\"/cvs/").append(c.id())
        .append("/basics\">").append(csrf(s)).append("<input type=\"hidden\" name=\"version\" value=\"")
        .append(c.version()).append("\">")
        .append(field("name", "Name", basics.path("name").asText(""), false))
        .append(field("label", "Headline", basics.path("label").asText(""), false))
        .append(field("summary", "Summary", basics.path("summary").asText(""), true))
        .append("<p><button type=\"submit\">Save</button></p></form></div>");
    b.append("<h2>History</h2><table><thead><tr><th>Version</th><th>What</th><th>Source</th><th>When</th></tr>"
        + "</thead><tbody>");
    for (VersionEntry v : cvs.versions(s.user().id(), c.id())) {
      b.append("<tr><td>").append(v.firstVersion() == v.version() ? String.valueOf(v.version())
              : v.firstVersion() + "-" + v.version()).append("</td><td>").append(esc(v.kind()))
          .append(v.name() == null ? "" : ": " + esc(v.name())).append("</td><td>").append(esc(v.source()))
          .append("</td><td>").append(WHEN.format(v.updatedAt())).append("</td></tr>");
    }
    b.append("</tbody></table>");
    ctx.html(Html.page(c.title(), nav(s), b.toString()));
  }

  private static String versionForm(SessionService.Current s, CvRecord c, String action, String label,
      boolean disabled) {
    return "<form class=\"inline\" method=\"post\" action=\"/cvs/" + c.id() + "/" + action + "\">" + csrf(s)
        + "<input type=\"hidden\" name=\"version\" value=\"" + c.version() + "\"><button class=\"secondary\" "
        + "type=\"submit\"" + (disabled ? " disabled" : "") + ">" + label + "</button></form>";
  }

  private static String field(String name, String label, String value, boolean area) {
    String input = area
        ? "<textarea id=\"" + name + "\" name=\"" + name + "\">" + esc(value) + "</textarea>"
        : "<input id=\"" + name + "\" type=\"text\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    return "<label for=\"" + name + "\">" + label + "</label>" + input;
  }

  private static String renderDoc(JsonNode doc) {
    StringBuilder b = new StringBuilder();
    JsonNode basics = doc.path("basics");
    b.append("<h2>").append(esc(basics.path("name").asText("(no name yet)"))).append("</h2>");
    if (basics.hasNonNull("label")) {
      b.append("<p><strong>").append(esc(basics.path("label").asText())).append("</strong></p>");
    }
    if (basics.hasNonNull("summary")) {
      b.append("<p>").append(esc(basics.path("summary").asText())).append("</p>");
    }
    if (doc.path("work").size() > 0) {
      b.append("<h3>Experience</h3>");
      for (JsonNode w : doc.path("work")) {
        b.append("<p><strong>").append(esc(w.path("position").asText(""))).append("</strong>")
            .append(w.hasNonNull("name") ? ", " + esc(w.path("name").asText()) : "").append(" <span class=\"muted\">")
            .append(esc(w.path("startDate").asText(""))).append(" - ")
            .append(esc(w.path("endDate").asText("present"))).append("</span></p>");
        if (w.path("highlights").size() > 0) {
          b.append("<ul>");
          w.path("highlights").forEach(hl -> b.append("<li>").append(esc(hl.asText())).append("</li>"));
          b.append("</ul>");
        }
      }
    }
    if (doc.path("education").size() > 0) {
      b.append("<h3>Education</h3><ul>");
      for (JsonNode e : doc.path("education")) {
        b.append("<li>").append(esc(e.path("studyType").asText(""))).append(" ")
            .append(esc(e.path("area").asText(""))).append(", ").append(esc(e.path("institution").asText("")))
            .append("</li>");
      }
      b.append("</ul>");
    }
    if (doc.path("skills").size() > 0) {
      b.append("<h3>Skills</h3><ul>");
      for (JsonNode sk : doc.path("skills")) {
        List<String> kw = new ArrayList<>();
        sk.path("keywords").forEach(k -> kw.add(k.asText()));
        b.append("<li><strong>").append(esc(sk.path("name").asText(""))).append("</strong>")
            .append(kw.isEmpty() ? "" : ": " + esc(String.join(", ", kw))).append("</li>");
      }
      b.append("</ul>");
    }
    return b.toString();
  }

  private long formVersion(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw ApiException.validation("the form is missing its version: reload the page");
    }
  }

  private void editBasics(Context ctx, SessionService.Current s) {
    UUID id = cvId(ctx);
    long version = formVersion(ctx);
    List<PatchOp> ops = new ArrayList<>();
    for (String f : List.of("name", "label", "summary")) {
      String v = ctx.formParam(f);
      if (v != null) {
        ops.add(PatchOp.add("/basics/" + f, v.strip()));
      }
    }
    try {
      CvService.Loaded l = cvs.patch(s.user().id(), id, version,
          new PatchEnvelope(null, PatchSource.USER, "Edited the basics", new Patch(ops)));
      renderCv(ctx, s, l, "Saved as version " + l.cv().version() + ".");
    } catch (ApiException e) {
      if (e.status() != 409) {
        throw e;
      }
      renderCv(ctx, s, cvs.get(s.user().id(), id), "Not saved: " + e.getMessage());
    }
  }

  private void history(Context ctx, SessionService.Current s, boolean undo) {
    UUID id = cvId(ctx);
    long version = formVersion(ctx);
    try {
      CvService.Loaded l = undo ? cvs.undo(s.user().id(), id, version) : cvs.redo(s.user().id(), id, version);
      renderCv(ctx, s, l, (undo ? "Undone" : "Redone") + ": now at version " + l.cv().version() + ".");
    } catch (ApiException e) {
      if (e.status() != 409) {
        throw e;
      }
      renderCv(ctx, s, cvs.get(s.user().id(), id), e.getMessage());
    }
  }

  private void deleteCv(Context ctx, SessionService.Current s) {
    cvs.delete(s.user().id(), cvId(ctx));
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private void restoreCv(Context ctx, SessionService.Current s) {
    UUID id = cvId(ctx);
    cvs.undelete(s.user().id(), id);
    ctx.redirect("/cvs/" + id, HttpStatus.SEE_OTHER);
  }

  private void ledger(Context ctx, SessionService.Current s) {
    StringBuilder b = new StringBuilder("<h1>Credits</h1><p>Balance: <span class=\"badge\">")
        .append(credits.balance(s.user().id())).append(" credits</span> (").append(esc(s.user().tier()))
        .append(")</p><table><thead><tr><th>When</th><th>What</th><th>Change</th><th>Balance</th></tr></thead><tbody>");
    for (LedgerEntry e : credits.ledger(s.user().id(), 200, Long.MAX_VALUE)) {
      b.append("<tr><td>").append(WHEN.format(e.createdAt())).append("</td><td>").append(esc(e.reason()))
          .append("</td><td>").append(e.delta() > 0 ? "+" : "").append(e.delta()).append("</td><td>")
          .append(e.balanceAfter()).append("</td></tr>");
    }
    b.append("</tbody></table><h2>Prices</h2><ul>")
        .append("<li>New CV: ").append(credits.prices().createCv()).append("</li>")
        .append("<li>AI chat message: ").append(credits.prices().chatMessage()).append("</li>")
        .append("<li>ATS analysis: ").append(credits.prices().atsAnalysis()).append("</li>")
        .append("<li>One-click ATS fix: ").append(credits.prices().atsFix()).append("</li>")
        .append("<li>PDF export: ").append(credits.prices().export()).append("</li></ul>");
    ctx.html(Html.page("Credits", nav(s), b.toString()));
  }

  private void account(Context ctx, SessionService.Current s) {
    boolean consent = s.user().aiConsentAt() != null;
    String b = "<h1>Account</h1><div class=\"card\"><p>" + esc(s.user().name()) + " &lt;" + esc(s.user().email())
        + "&gt;, " + esc(s.user().tier()) + "</p></div>"
        + "<div class=\"card\"><h2>AI assistant</h2><p>" + (consent
            ? "You agreed that your CV text may be sent to the AI provider when you use the assistant."
            : "The AI assistant sends your CV text to an external AI provider. It stays off until you agree.")
        + "</p><form method=\"post\" action=\"/account/consent\">" + csrf(s)
        + "<input type=\"hidden\" name=\"consent\" value=\"" + (consent ? "0" : "1") + "\"><button type=\"submit\">"
        + (consent ? "Withdraw consent" : "I agree") + "</button></form></div>"
        + "<div class=\"card\"><h2>Sessions</h2><form method=\"post\" action=\"/auth/signout\">" + csrf(s)
        + "<input type=\"hidden\" name=\"everywhere\" value=\"1\"><button class=\"secondary\" type=\"submit\">"
        + "Sign out everywhere</button></form></div>"
        + "<div class=\"card\"><h2>Delete the account</h2><p>This deletes your CVs, their history, chats, files and "
        + "credits. It cannot be undone.</p><form method=\"post\" action=\"/account/delete\">" + csrf(s)
        + "<label for=\"confirm\">Type your e-mail address to confirm</label><input id=\"confirm\" type=\"email\" "
        + "name=\"confirmEmail\" required><p><button class=\"danger\" type=\"submit\">Delete my account</button></p>"
        + "</form></div>";
    ctx.html(Html.page("Account", nav(s), b));
  }

  private void consent(Context ctx, SessionService.Current s) {
    accounts.setAiConsent(s.user().id(), "1".equals(ctx.formParam("consent")));
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
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
}
