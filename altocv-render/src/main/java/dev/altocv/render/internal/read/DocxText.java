package dev.altocv.render.internal.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

/**
 * The paragraphs of a Word document as lines: each paragraph (or each soft line break in it) a line, tabs
 * splitting it into chunks, runs keeping bold and italic (direct or from the paragraph style), Heading and
 * Title styles and list numbering kept. Tables whose cells hold whole blocks of text are read as columns,
 * cell by cell, the widest first; other tables row by row. Page headers come first (names and contact details
 * often sit there).
 */
final class DocxText {
  private DocxText() {}

  static List<Line> read(XWPFDocument doc, Deadline deadline) {
    List<Line> out = new ArrayList<>();
    XWPFStyles styles = doc.getStyles();
    for (XWPFHeader h : doc.getHeaderList()) {
      for (IBodyElement e : h.getBodyElements()) {
        element(e, styles, out, deadline);
      }
    }
    for (IBodyElement e : doc.getBodyElements()) {
      element(e, styles, out, deadline);
    }
    textBoxes(doc, styles, out, deadline);
    return out;
  }

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

  /**
   * Text in text boxes (a sidebar drawn as a shape is common in Word CV templates), read after the body like a
   * second column. A text box saved twice, as a DrawingML shape and as its VML fallback, is read once.
   */
  private static void textBoxes(XWPFDocument doc, @Nullable XWPFStyles styles, List<Line> out, Deadline deadline) {
    org.apache.xmlbeans.XmlObject[] boxes = doc.getDocument().getBody().selectPath(
        "declare namespace w='" + W + "' $this//w:txbxContent");
    for (org.apache.xmlbeans.XmlObject box : boxes) {
      deadline.check();
      if (insideFallback(box)) {
        continue;
      }
      org.apache.xmlbeans.XmlObject[] paras = box.selectPath("declare namespace w='" + W + "' $this/w:p");
      for (org.apache.xmlbeans.XmlObject p : paras) {
        // inside markup-compatibility content XMLBeans leaves the paragraph untyped: parse it as a paragraph
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP ctp;
        if (p instanceof org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP typed) {
          ctp = typed;
        } else {
          try {
            ctp = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP.Factory.parse(p.getDomNode(),
                new org.apache.xmlbeans.XmlOptions().setLoadReplaceDocumentElement(null));
          } catch (org.apache.xmlbeans.XmlException e) {
            continue;
          }
        }
        paragraph(new XWPFParagraph(ctp, doc), styles, out);
      }
    }
  }

  private static boolean insideFallback(org.apache.xmlbeans.XmlObject o) {
    try (org.apache.xmlbeans.XmlCursor c = o.newCursor()) {
      while (c.toParent()) {
        javax.xml.namespace.QName n = c.getName();
        if (n != null && MC.equals(n.getNamespaceURI()) && "Fallback".equals(n.getLocalPart())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void element(IBodyElement e, @Nullable XWPFStyles styles, List<Line> out, Deadline deadline) {
    deadline.check();
    if (e instanceof XWPFParagraph p) {
      paragraph(p, styles, out);
    } else if (e instanceof XWPFTable t) {
      table(t, styles, out, deadline);
    } else if (e instanceof XWPFSDT sdt) {
      for (String s : sdt.getContent().getText().split("\n")) {
        if (!s.isBlank()) {
          Line l = new Line();
          Line.Chunk c = new Line.Chunk(0, 1);
          c.runs.add(new Line.Run(s.trim(), false, false, 11));
          l.chunks.add(c);
          l.size = 11;
          out.add(l);
        }
      }
    }
  }

  private static void table(XWPFTable t, @Nullable XWPFStyles styles, List<Line> out, Deadline deadline) {
    boolean layout = false;
    for (XWPFTableRow row : t.getRows()) {
      for (XWPFTableCell cell : row.getTableCells()) {
        int paras = 0;
        for (XWPFParagraph p : cell.getParagraphs()) {
          if (!p.getText().isBlank()) {
            paras++;
          }
        }
        layout |= paras >= 3 || !cell.getTables().isEmpty();
      }
    }
    if (layout) {
      for (XWPFTableRow row : t.getRows()) {
        List<XWPFTableCell> cells = new ArrayList<>(row.getTableCells());
        cells.sort((a, b) -> Integer.compare(textLength(b), textLength(a)));
        for (XWPFTableCell cell : cells) {
          for (IBodyElement e : cell.getBodyElements()) {
            element(e, styles, out, deadline);
          }
        }
      }
      return;
    }
    for (XWPFTableRow row : t.getRows()) {
      Line line = new Line();
      int col = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        List<Line> cellLines = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
          paragraph(p, styles, cellLines);
        }
        Line.Chunk chunk = new Line.Chunk(col * 100, col * 100 + 90);
        for (Line cl : cellLines) {
          for (Line.Chunk c : cl.chunks) {
            chunk.append(chunk.runs.isEmpty() ? "" : " ", c.runs);
          }
          line.size = Math.max(line.size, cl.size);
        }
        if (!chunk.runs.isEmpty()) {
          line.chunks.add(chunk);
        }
        col++;
      }
      if (!line.chunks.isEmpty()) {
        out.add(line);
      }
    }
  }

  private static int textLength(XWPFTableCell c) {
    return c.getText().length();
  }

  private static void paragraph(XWPFParagraph p, @Nullable XWPFStyles styles, List<Line> out) {
    String styleId = p.getStyle();
    XWPFStyle style = styleId == null || styles == null ? null : styles.getStyle(styleId);
    int heading = headingLevel(styleId, style);
    boolean title = isTitle(styleId, style);
    boolean styleBold = flag(style, styles, true);
    boolean styleItalic = flag(style, styles, false);
    double styleSize = size(style, styles);
    List<Line> lines = new ArrayList<>();
    Line line = newLine(heading, title);
    Line.Chunk chunk = new Line.Chunk(0, 1);
    int col = 0;
    for (IRunElement ire : p.getIRuns()) {
      if (!(ire instanceof XWPFRun r)) {
        if (ire instanceof XWPFSDT sdt) {
          chunk.runs.add(new Line.Run(sdt.getContent().getText(), styleBold, styleItalic, (float) styleSize));
        }
        continue;
      }
      String text = r.text();
      CTRPr rpr = r.getCTR().getRPr();
      boolean bold = rpr != null && rpr.sizeOfBArray() > 0 ? r.isBold() : styleBold;
      boolean italic = rpr != null && rpr.sizeOfIArray() > 0 ? r.isItalic() : styleItalic;
      Double sz = r.getFontSizeAsDouble();
      float size = (float) (sz != null ? sz : styleSize);
      line.size = Math.max(line.size, size);
      StringBuilder seg = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
          if (seg.length() > 0) {
            chunk.runs.add(new Line.Run(seg.toString(), bold, italic, size));
            seg.setLength(0);
          }
          if (!chunk.text().isEmpty()) {
            line.chunks.add(chunk);
          }
          col++;
          chunk = new Line.Chunk(col * 100, col * 100 + 90);
          if (c != '\t') {
            lines.add(line);
            line = newLine(heading, title);
            line.size = size;
          }
        } else {
          seg.append(c);
        }
      }
      if (seg.length() > 0) {
        chunk.runs.add(new Line.Run(seg.toString(), bold, italic, size));
      }
    }
    if (!chunk.text().isEmpty()) {
      line.chunks.add(chunk);
    }
    lines.add(line);
    BigInteger num = p.getNumID();
    for (Line l : lines) {
      if (l.chunks.isEmpty()) {
        continue;
      }
      if (l.size == 0) {
        l.size = (float) styleSize;
      }
      l.bullet = num != null && heading == 0;
      stripBulletMark(l);
      l.textX = l.x0();
      out.add(l);
    }
  }

  private static Line newLine(int heading, boolean title) {
    Line l = new Line();
    l.styleHeading = heading;
    l.title = title;
    return l;
  }

  private static void stripBulletMark(Line l) {
    Line.Chunk first = l.chunks.get(0);
    String t = first.text();
    if (t.length() > 1 && "\u2022\u25aa\u25cf\u25e6\u2013-*\u27a2\u25ba".indexOf(t.charAt(0)) >= 0 && t.charAt(1) == ' ') {
      Line.Run r = first.runs.get(0);
      first.runs.set(0, new Line.Run(r.text().replaceFirst("^\\s*.\\s*", ""), r.bold(), r.italic(), r.size()));
      l.bullet = true;
    }
  }

  private static int headingLevel(@Nullable String id, @Nullable XWPFStyle style) {
    String name = style != null && style.getName() != null ? style.getName() : id == null ? "" : id;
    String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
    if (n.matches("heading[1-9]")) {
      return n.charAt(7) - '0';
    }
    if (id != null && id.matches("(?i)heading[1-9]")) {
      return id.charAt(7) - '0';
    }
    return 0;
  }

  private static boolean isTitle(@Nullable String id, @Nullable XWPFStyle style) {
    String name = style != null && style.getName() != null ? style.getName() : id == null ? "" : id;
    return name.equalsIgnoreCase("title");
  }

  private static boolean flag(@Nullable XWPFStyle style, @Nullable XWPFStyles styles, boolean bold) {
    for (int depth = 0; style != null && depth < 10; depth++) {
      CTStyle s = style.getCTStyle();
      CTRPr rpr = s.getRPr();
      if (rpr != null && (bold ? rpr.sizeOfBArray() : rpr.sizeOfIArray()) > 0) {
        CTOnOff v = bold ? rpr.getBArray(0) : rpr.getIArray(0);
        Object val = v.isSetVal() ? v.getVal() : null;
        return val == null || "true".equals(String.valueOf(val)) || "on".equals(String.valueOf(val))
            || "1".equals(String.valueOf(val));
      }
      String basis = style.getBasisStyleID();
      style = basis == null || styles == null ? null : styles.getStyle(basis);
    }
    return false;
  }

  private static double size(@Nullable XWPFStyle style, @Nullable XWPFStyles styles) {
    for (int depth = 0; style != null && depth < 10; depth++) {
      CTRPr rpr = style.getCTStyle().getRPr();
      if (rpr != null && rpr.sizeOfSzArray() > 0) {
        Object v = rpr.getSzArray(0).getVal();
        try {
          return Double.parseDouble(String.valueOf(v)) / 2;
        } catch (NumberFormatException e) {
          return 11;
        }
      }
      String basis = style.getBasisStyleID();
      style = basis == null || styles == null ? null : styles.getStyle(basis);
    }
    return 11;
  }
}
