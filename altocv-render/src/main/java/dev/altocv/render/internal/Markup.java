package dev.altocv.render.internal;

/** A small XHTML writer: every text and attribute value goes through escaping, nothing else is written raw. */
final class Markup {
  private final StringBuilder b = new StringBuilder(16 * 1024);

  Markup raw(String s) {
    b.append(s);
    return this;
  }

  /** Opens an element; attributes come as name/value pairs, null values are left out. */
  Markup open(String tag, String... attrs) {
    b.append('<').append(tag);
    attrs(attrs);
    b.append('>');
    return this;
  }

  Markup empty(String tag, String... attrs) {
    b.append('<').append(tag);
    attrs(attrs);
    b.append("/>");
    return this;
  }

  private void attrs(String... attrs) {
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        b.append(' ').append(attrs[i]).append("=\"");
        escape(attrs[i + 1], true);
        b.append('"');
      }
    }
  }

  Markup close(String tag) {
    b.append("</").append(tag).append('>');
    return this;
  }

  Markup text(String s) {
    escape(s, false);
    return this;
  }

  private void escape(String s, boolean attr) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attr ? "&quot;" : "\"");
        case '\'' -> b.append(attr ? "&#39;" : "'");
        default -> b.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
