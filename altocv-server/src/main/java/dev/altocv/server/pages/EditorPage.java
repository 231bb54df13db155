package dev.altocv.server.pages;

import static dev.altocv.server.web.Html.esc;

import dev.altocv.server.account.SessionService;
import dev.altocv.server.config.Prices;
import dev.altocv.server.credits.CreditRoutes;
import dev.altocv.server.cv.CvRecord;
import dev.altocv.server.cv.CvService;
import dev.altocv.server.editor.PreviewRoutes;
import dev.altocv.server.web.Html;
import dev.altocv.server.web.Jsons;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's page at {@code /editor/{cvId}}: the shell of three panes (content and assistant, live preview,
 * design) that {@code /static/js/editor/main.js} brings to life. The CV and what the editor needs to start come
 * in a JSON data block (not a script), so the first paint needs no request.
 */
final class EditorPage {
  private EditorPage() {}

  static void render(Context ctx, SessionService.Current s, CvService.Loaded l, Prices prices, String nav,
      boolean aiAvailable) {
    CvRecord c = l.cv();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("cvId", c.id());
    config.put("title", c.title());
    config.put("version", c.version());
    config.put("canUndo", l.canUndo());
    config.put("canRedo", l.canRedo());
    config.put("content", Jsons.tree(c.content()));
    config.put("balance", s.user().balance());
    config.put("email", s.user().email());
    config.put("prices", CreditRoutes.prices(prices));
    config.put("ai", Map.of("available", aiAvailable, "consent", s.user().aiConsentAt() != null));
    config.put("templates", PreviewRoutes.templates());
    config.put("design", PreviewRoutes.designTables());
    config.put("maxText", 20_000);
    String json = Jsons.write(config).replace("<", "\\u003c");
    String body = "<script type=\"application/json\" id=\"editor-config\">" + json + "</script>"
        + "<div class=\"editor\" id=\"editor\">"
        + bar(c)
        + "<div id=\"banner\" class=\"banner\" role=\"alert\" hidden></div>"
        + "<div class=\"ed-tabs\" role=\"tablist\" aria-label=\"Editor panes\">"
        + paneTab("pane-left", "Edit", true) + paneTab("pane-preview", "Preview", false)
        + paneTab("pane-design", "Design", false) + "</div>"
        + "<div class=\"ed-panes\" id=\"panes\">"
        + left(prices)
        + gutter("left", "Resize the content pane")
        + "<section class=\"pane preview\" id=\"pane-preview\" aria-label=\"Preview\" data-pane>"
        + "<div class=\"pv-bar\"><span id=\"page-count\" aria-live=\"polite\"></span>"
        + "<span id=\"preview-state\" class=\"pv-state\" role=\"status\"></span></div>"
        + "<iframe id=\"preview\" data-testid=\"preview\" title=\"Preview of your CV\" sandbox=\"allow-scripts\" "
        + "src=\"/api/v1/cvs/" + c.id() + "/preview\"></iframe></section>"
        + gutter("right", "Resize the design pane")
        + right(prices)
        + "</div></div>"
        + conflictDialog();
    ctx.html(Html.page(c.title() + " (editor)", nav, body, Pages.head(s, "editor/main.js"), "editing"));
  }

  private static String bar(CvRecord c) {
    return "<div class=\"ed-bar\"><a class=\"back\" href=\"/dashboard\">My CVs</a>"
        + "<h1 class=\"ed-title\" id=\"cv-title\">" + esc(c.title()) + "</h1>"
        + "<span id=\"save-status\" class=\"save-status\" data-testid=\"save-status\" data-state=\"saved\" "
        + "role=\"status\" aria-live=\"polite\">Saved</span>"
        + "<span class=\"spacer\"></span>"
        + "<button type=\"button\" class=\"secondary small\" id=\"export-jump\" data-testid=\"export-jump\">Export"
        + "</button>"
        + "<button type=\"button\" class=\"secondary small\" id=\"undo\" data-testid=\"undo\" "
        + "aria-keyshortcuts=\"Control+Z\" title=\"Undo (Ctrl+Z)\">Undo</button>"
        + "<button type=\"button\" class=\"secondary small\" id=\"redo\" data-testid=\"redo\" "
        + "aria-keyshortcuts=\"Control+Shift+Z\" title=\"Redo (Ctrl+Shift+Z)\">Redo</button></div>";
  }

  private static String paneTab(String pane, String label, boolean selected) {
    return "<button type=\"button\" role=\"tab\" id=\"tab-" + pane + "\" aria-controls=\"" + pane
        + "\" aria-selected=\"" + selected + "\" tabindex=\"" + (selected ? "0" : "-1") + "\" data-pane-tab=\"" + pane
        + "\">" + label + "</button>";
  }

  private static String gutter(String which, String label) {
    return "<div class=\"gutter\" role=\"separator\" tabindex=\"0\" aria-orientation=\"vertical\" aria-label=\""
        + label + "\" aria-valuemin=\"15\" aria-valuemax=\"60\" aria-valuenow=\"30\" data-resize=\"" + which
        + "\"></div>";
  }

  private static String tab(String id, String label, boolean selected) {
    return "<button type=\"button\" role=\"tab\" id=\"t-" + id + "\" aria-controls=\"tab-" + id + "\" aria-selected=\""
        + selected + "\" tabindex=\"" + (selected ? "0" : "-1") + "\" data-testid=\"tab-" + id + "\">" + label
        + "</button>";
  }

  private static String panel(String id, boolean shown, String inner) {
    return "<div role=\"tabpanel\" class=\"tab-panel\" id=\"tab-" + id + "\" aria-labelledby=\"t-" + id + "\""
        + (shown ? "" : " hidden") + ">" + inner + "</div>";
  }

  private static String left(Prices p) {
    return "<section class=\"pane left\" id=\"pane-left\" aria-label=\"Content and assistant\" data-pane>"
        + "<div class=\"pane-head\"><div role=\"tablist\" class=\"tabs\" aria-label=\"Tools\">"
        + tab("content", "Content", true) + tab("chat", "AI chat", false) + tab("ats", "ATS", false)
        + tab("match", "Job match", false) + tab("history", "History", false) + "</div>"
        + "<button type=\"button\" class=\"collapse\" data-collapse=\"pane-left\" aria-expanded=\"true\" "
        + "aria-label=\"Collapse the content pane\">&#x2039;</button></div>"
        + panel("content", true, "<div id=\"forms\" class=\"forms\"></div>")
        + panel("chat", false, "<div id=\"chat-log\" class=\"chat-log\" aria-live=\"polite\"></div>"
            + "<div id=\"chat-state\" class=\"notice\" hidden></div>"
            + "<form id=\"chat-form\" class=\"chat-form\"><label for=\"chat-input\">Message to the assistant</label>"
            + "<textarea id=\"chat-input\" data-testid=\"chat-input\" rows=\"3\" maxlength=\"8000\" placeholder=\""
            + "For example: make my bullets for the current job stronger\"></textarea>"
            + "<p class=\"cost\" id=\"chat-cost\">Each message costs " + p.chatMessage() + " credit"
            + (p.chatMessage() == 1 ? "" : "s") + ".</p>"
            + "<button type=\"submit\" data-testid=\"chat-send\">Send</button></form>")
        // each tool's own heading (for screen readers; the tab shows it), so its results' h3s follow an h2
        + panel("ats", false, "<h2 class=\"sr-only\">ATS check</h2>"
            + "<p>Checks how an applicant-tracking system reads this CV: 26 rules, each explained. "
            + "An analysis costs " + p.atsAnalysis() + " credits; a one-click fix " + p.atsFix() + ".</p>"
            + "<p><button type=\"button\" id=\"ats-run\" data-testid=\"ats-run\">Analyse (" + p.atsAnalysis()
            + " credits)</button></p><div id=\"ats-result\" aria-live=\"polite\"></div>")
        + panel("match", false, "<h2 class=\"sr-only\">Job match</h2>"
            + "<form id=\"match-form\"><label for=\"match-text\">Job posting</label>"
            + "<textarea id=\"match-text\" rows=\"6\" data-testid=\"match-text\" placeholder=\"Paste the posting's "
            + "text\"></textarea><label for=\"match-url\">or its address</label><input id=\"match-url\" type=\"url\" "
            + "placeholder=\"https://\"><p><button type=\"submit\" data-testid=\"match-run\">Match</button></p></form>"
            + "<div id=\"match-result\" aria-live=\"polite\"></div>")
        + panel("history", false, "<h2 class=\"sr-only\">Version history</h2>"
            + "<form id=\"checkpoint-form\" class=\"inline-form\"><label for=\"checkpoint-name\">"
            + "Name this version</label><input id=\"checkpoint-name\" maxlength=\"200\" required><button type=\"submit\" "
            + "class=\"secondary small\">Save checkpoint</button></form><ol id=\"history-list\" class=\"history\"></ol>"
            + "<div id=\"history-diff\" class=\"diff\" aria-live=\"polite\"></div>")
        + "</section>";
  }

  private static String right(Prices p) {
    StringBuilder b = new StringBuilder("<section class=\"pane right\" id=\"pane-design\" aria-label=\"Design\" data-pane>"
        + "<div class=\"pane-head\"><h2>Design</h2><button type=\"button\" class=\"collapse\" data-collapse=\"pane-design\" "
        + "aria-expanded=\"true\" aria-label=\"Collapse the design pane\">&#x203A;</button></div><div class=\"design\">"
        + "<fieldset><legend>Template</legend><div class=\"picker small\" id=\"template-picker\">");
    for (Map<String, Object> t : PreviewRoutes.templates()) {
      b.append("<label class=\"tpl\"><input type=\"radio\" name=\"templateId\" value=\"").append(esc(t.get("id")))
          .append("\" data-design=\"templateId\"><img src=\"").append(esc(t.get("thumbnailUrl")))
          .append("\" width=\"66\" height=\"93\" alt=\"\" loading=\"lazy\"><span>").append(esc(t.get("name")))
          .append("</span></label>");
    }
    b.append("</div></fieldset><fieldset><legend>Colours</legend><div class=\"colours\">");
    for (String[] c : List.of(new String[] {"primary", "Primary"}, new String[] {"accent", "Accent"},
        new String[] {"text", "Text"}, new String[] {"background", "Background"})) {
      b.append("<label><input type=\"color\" id=\"c-").append(c[0]).append("\" data-design=\"colors/").append(c[0])
          .append("\" data-testid=\"design-").append(c[0]).append("-color\"> ").append(c[1]).append("</label>");
    }
    b.append("</div><p id=\"contrast-warning\" class=\"warning\" role=\"status\" hidden></p></fieldset>")
        .append("<label for=\"d-font\">Fonts</label><select id=\"d-font\" data-design=\"typography/fontPairing\">"
            + "<option value=\"modern\">Modern: Lato</option><option value=\"classic\">Classic: Liberation Serif</option>"
            + "<option value=\"corporate\">Corporate: Carlito</option><option value=\"friendly\">Friendly: Open Sans"
            + "</option><option value=\"elegant\">Elegant: serif headings, Lato text</option><option value=\"editorial\">"
            + "Editorial: Lato headings, serif text</option></select>")
        .append(slider("headingSize", "typography/headingSize", "Heading size", 10, 28, 0.5, "pt"))
        .append(slider("bodySize", "typography/bodySize", "Text size", 8, 14, 0.5, "pt"))
        .append(slider("lineHeight", "typography/lineHeight", "Line height", 1, 2, 0.05, ""))
        .append(slider("density", "spacing/density", "Density", 0, 2, 1, ""))
        .append(slider("sectionMargin", "spacing/sectionMargin", "Space above sections", 0, 20, 1, "mm"))
        .append(slider("contentPadding", "spacing/contentPadding", "Page margin", 5, 30, 1, "mm"))
        .append("<fieldset><legend>Paper</legend><label class=\"radio\"><input type=\"radio\" name=\"paper\" "
            + "value=\"A4\" data-design=\"paper\"> A4</label><label class=\"radio\"><input type=\"radio\" name=\"paper\" "
            + "value=\"Letter\" data-design=\"paper\"> US Letter</label></fieldset>")
        .append("<fieldset><legend>Section order</legend><p class=\"muted small\">Drag, or focus a section and press "
            + "Alt+Up or Alt+Down.</p><ol id=\"section-order\" class=\"reorder\"></ol></fieldset></div>")
        .append("<div class=\"export\"><h2>Export</h2><label for=\"export-format\">Format</label><select "
            + "id=\"export-format\" data-testid=\"export-format\"><option value=\"pdf\">PDF (").append(p.export())
        .append(" credits)</option><option value=\"docx\">Word .docx (").append(p.export()).append(" credits)</option>"
            + "<option value=\"txt\">Plain text</option><option value=\"html\">HTML</option><option value=\"json-resume\">"
            + "JSON Resume (free)</option><option value=\"altocv\">AltoCV document (free)</option></select>"
            + "<p><button type=\"button\" id=\"export-run\" data-testid=\"export-run\">Export</button></p>"
            + "<div id=\"export-progress\" class=\"progress\" role=\"status\" aria-live=\"polite\"></div></div></section>");
    return b.toString();
  }

  private static String slider(String id, String path, String label, double min, double max, double step,
      String unit) {
    String n = "d-" + id;
    return "<div class=\"slider\"><label for=\"" + n + "\">" + label + "</label><input type=\"range\" id=\"" + n
        + "\" min=\"" + num(min) + "\" max=\"" + num(max) + "\" step=\"" + num(step) + "\" data-design=\"" + path
        + "\" data-unit=\"" + unit + "\" data-testid=\"design-" + id + "\"><output for=\"" + n + "\" id=\"o-" + id
        + "\"></output></div>";
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String conflictDialog() {
    return "<dialog id=\"conflict-dialog\" aria-labelledby=\"conflict-h\" data-testid=\"conflict-dialog\">"
        + "<h2 id=\"conflict-h\">This CV changed somewhere else</h2><p id=\"conflict-text\"></p>"
        + "<div id=\"conflict-diff\" class=\"diff\"></div><p class=\"actions\">"
        + "<button type=\"button\" id=\"conflict-mine\" data-testid=\"conflict-keep-mine\">Keep my edits on top</button>"
        + "<button type=\"button\" class=\"secondary\" id=\"conflict-theirs\" data-testid=\"conflict-take-theirs\">"
        + "Use the other version</button></p><p class=\"muted small\" id=\"conflict-hint\" role=\"status\">Using the "
        + "other version copies your unsaved edits below to the clipboard first, so nothing is lost.</p><textarea id=\"conflict-mine-text\" readonly rows=\"4\" "
        + "aria-label=\"Your unsaved edits\"></textarea></dialog>";
  }
}
