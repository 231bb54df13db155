package dev.altocv.server.web;

import org.jspecify.annotations.Nullable;

/** Server-side HTML: escaping and the page layout. Pages carry no inline script or style (the CSP forbids them). */
public final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and quoted attribute values.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String esc(@Nullable Object s) {
    if (s == null) {
      return "";
    }
    String t = s.toString();
    StringBuilder b = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A whole page.
   *
   * @param title the title (escaped here)
   * @param nav the navigation bar's HTML, or null for none
   * @param body the body's HTML
   * @return the page
   */
  public static String page(String title, @Nullable String nav, String body) {
    return page(title, nav, body, "", "");
  }

  /**
   * A whole page with extra head markup (module scripts, meta tags) and a body class.
   *
   * @param title the title (escaped here)
   * @param nav the navigation bar's HTML, or null for none
   * @param body the main content's HTML
   * @param head extra markup for the head (external module scripts only: the CSP forbids inline ones)
   * @param bodyClass a class for the body element, or empty
   * @return the page
   */
  public static String page(String title, @Nullable String nav, String body, String head, String bodyClass) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + " - AltoCV</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
        + "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">" + head + "</head>"
        + "<body" + (bodyClass.isEmpty() ? "" : " class=\"" + esc(bodyClass) + "\"") + ">"
        + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
        + "<header class=\"top\"><a class=\"brand\" href=\"/\">AltoCV</a>" + (nav == null ? "" : nav)
        + "</header><main id=\"main\" tabindex=\"-1\">" + body + "</main>"
        + "<footer class=\"foot\"><nav aria-label=\"Site\"><a href=\"/pricing\">Pricing</a>"
        + "<a href=\"/privacy\">Privacy</a><a href=\"/terms\">Terms</a></nav>"
        + "<p>AltoCV: CVs that get read.</p></footer></body></html>\n";
  }

  /**
   * The error page for browsers.
   *
   * @param status the status
   * @param code the error code
   * @param message the message
   * @return the page
   */
  public static String errorPage(int status, String code, String message) {
    return page("Error " + status, null, "<h1>Something went wrong</h1><p class=\"error\" role=\"alert\">"
        + esc(message) + "</p><p class=\"muted\">Error " + status + " (" + esc(code) + ")</p>"
        + "<p><a href=\"/\">Back to AltoCV</a></p>");
  }
}
