package dev.altocv.render.internal.read;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * The text layer of a PDF as lines in reading order. PDFBox gives each glyph with its position, font and size;
 * glyphs on one baseline make a line, wide gaps split a line into chunks (cells, right-aligned dates), a
 * whitespace river down a page splits it into columns, and wrapped lines are joined back into paragraphs.
 * Only the visible text is read: no metadata, no attachments, no hidden layers.
 */
final class PdfText {
  private PdfText() {}

  /** One glyph (or a ligature's letters). */
  record Glyph(int page, float x0, float x1, float y, float size, boolean bold, boolean italic, String text) {
    boolean space() {
      return text.isBlank();
    }
  }

  /** What was read: the lines and how many glyphs had no Unicode mapping. */
  record Result(List<Line> lines, int glyphs, int unmapped) {}

  private static final Pattern BOLD = Pattern.compile("(?i).*(bold|black|heavy|semibold|demibold|extrabold|ultrabold|-bd\\b|,bd\\b).*");
  private static final Pattern ITALIC = Pattern.compile("(?i).*(italic|oblique|-it\\b|,it\\b).*");
  private static final String BULLETS = "\u2022\u25e6\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25ba\u25b8\u2023\u2043\u2713\u2714\u27a2\u27a4\u2219\u00b7*-\u2013\uf0b7\uf0a7";
  private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page\\s*)?\\d{1,3}(\\s*(/|of)\\s*\\d{1,3})?");

  static Result read(PDDocument doc, Deadline deadline) throws IOException {
    Collector c = new Collector(deadline);
    c.setSortByPosition(false);
    c.setSuppressDuplicateOverlappingText(true);
    c.getText(doc);
    List<Line> all = new ArrayList<>();
    List<Line> side = new ArrayList<>();
    boolean sideFirst = false;
    int pages = doc.getNumberOfPages();
    float nameSize = 0;
    for (int p = 1; p <= pages; p++) {
      deadline.check();
      List<Glyph> pageGlyphs = new ArrayList<>();
      for (Glyph g : c.glyphs) {
        if (g.page() == p) {
          pageGlyphs.add(g);
        }
      }
      List<Line> lines = lines(pageGlyphs);
      dropPageNumbers(lines, doc.getPage(p - 1).getMediaBox().getHeight());
      Columns cols = columns(lines);
      all.addAll(cols.main);
      side.addAll(cols.side);
      if (p == 1) {
        float mainMax = 0;
        for (Line l : cols.main) {
          mainMax = Math.max(mainMax, l.size);
        }
        float sideMax = 0;
        for (Line l : cols.side) {
          sideMax = Math.max(sideMax, l.size);
        }
        sideFirst = sideMax > mainMax + 0.5f;
        nameSize = Math.max(mainMax, sideMax);
      }
    }
    List<Line> everything = new ArrayList<>(all);
    everything.addAll(side);
    float ratio = lineRatio(everything);
    List<Line> ordered = new ArrayList<>();
    if (sideFirst) {
      ordered.addAll(join(side, ratio));
      ordered.addAll(join(all, ratio));
    } else {
      ordered.addAll(join(all, ratio));
      ordered.addAll(join(side, ratio));
    }
    return new Result(ordered, c.count, c.unmapped);
  }

  /** Collects glyphs with their style; text order does not matter, positions do. */
  private static final class Collector extends PDFTextStripper {
    final List<Glyph> glyphs = new ArrayList<>();
    final Deadline deadline;
    final Map<TextPosition, Boolean> fakeBold = new IdentityHashMap<>();
    final Map<PDFont, boolean[]> styles = new IdentityHashMap<>();
    int count;
    int unmapped;

    Collector(Deadline deadline) {
      this.deadline = deadline;
    }

    @Override
    protected void processTextPosition(TextPosition t) {
      if ((++count & 255) == 0) {
        deadline.check();
      }
      RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
      if (mode == RenderingMode.FILL_STROKE || mode == RenderingMode.FILL_STROKE_CLIP) {
        fakeBold.put(t, Boolean.TRUE);
      }
      if (mode == RenderingMode.NEITHER) {
        return; // invisible text (e.g. an OCR layer under a picture is still read; truly hidden text is not)
      }
      super.processTextPosition(t);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      int page = getCurrentPageNo();
      for (TextPosition t : positions) {
        if (t.getDir() != 0) {
          continue; // rotated text: margins notes, watermarks
        }
        String u = t.getUnicode();
        if (u == null || u.isEmpty() || u.chars().allMatch(ch -> ch == 0xfffd)) {
          unmapped++;
          continue;
        }
        u = normalize(u);
        if (u.isEmpty()) {
          continue;
        }
        boolean[] st = styles.computeIfAbsent(t.getFont(), Collector::styleOf);
        boolean bold = st[0] || fakeBold.containsKey(t);
        Matrix m = t.getTextMatrix();
        boolean sheared = Math.abs(m.getValue(1, 0)) > 0.1f * Math.abs(m.getValue(0, 0));
        boolean italic = st[1] || sheared;
        // the rendering matrix's scale is the size as printed (openhtmltopdf puts a truncated size in Tf and the
        // rest in the matrix, so getFontSizeInPt says 10 for 10.5pt text)
        float size = Math.abs(t.getYScale());
        if (size <= 0.5f) {
          size = t.getFontSizeInPt();
        }
        float x0 = t.getXDirAdj();
        glyphs.add(new Glyph(page, x0, x0 + t.getWidthDirAdj(), t.getYDirAdj(), round(size), bold, italic, u));
      }
    }

    private static boolean[] styleOf(PDFont font) {
      String name = font.getName() == null ? "" : font.getName();
      int plus = name.indexOf('+');
      if (plus == 6) {
        name = name.substring(7);
      }
      boolean bold = BOLD.matcher(name).matches();
      boolean italic = ITALIC.matcher(name).matches();
      PDFontDescriptor fd = font.getFontDescriptor();
      if (fd != null) {
        bold |= fd.isForceBold() || fd.getFontWeight() >= 600;
        italic |= fd.isItalic() && !name.toLowerCase(Locale.ROOT).contains("regular");
      }
      return new boolean[] {bold, italic};
    }
  }

  static float round(float f) {
    return Math.round(f * 4) / 4f;
  }

  /** Ligatures to letters, presentation forms to base letters, no-break space to space. */
  static String normalize(String u) {
    StringBuilder b = new StringBuilder(u.length());
    for (int i = 0; i < u.length(); i++) {
      char ch = u.charAt(i);
      if (ch == '\u00ad' || ch == '\u200b' || ch == '\ufeff') {
        continue;
      }
      if (ch == '\u00a0' || ch == '\u2007' || ch == '\u202f' || ch == '\t') {
        b.append(' ');
      } else if ((ch >= '\ufb00' && ch <= '\ufb06') || (ch >= '\ufb50' && ch <= '\ufdff') || (ch >= '\ufe70' && ch <= '\ufeff')) {
        b.append(Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC));
      } else {
        b.append(ch);
      }
    }
    return Normalizer.normalize(b, Normalizer.Form.NFC);
  }

  /** Glyphs of one page into lines: same baseline, then chunks at wide gaps. */
  static List<Line> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x0));
    List<List<Glyph>> rows = new ArrayList<>();
    List<Glyph> row = null;
    float rowY = 0;
    float rowSize = 0;
    for (Glyph g : sorted) {
      if (row == null || Math.abs(g.y() - rowY) > 0.35f * Math.min(Math.max(rowSize, 1), Math.max(g.size(), 1))) {
        row = new ArrayList<>();
        rows.add(row);
        rowY = g.y();
        rowSize = g.size();
      }
      row.add(g);
    }
    List<Line> out = new ArrayList<>();
    for (List<Glyph> r : rows) {
      r.sort(Comparator.comparingDouble(Glyph::x0));
      Line line = build(r);
      if (line != null) {
        out.add(line);
      }
    }
    return out;
  }

  private static Line build(List<Glyph> r) {
    Line line = new Line();
    line.page = r.get(0).page();
    line.y = r.get(0).y();
    line.lastY = line.y;
    line.lastPage = line.page;
    Map<Float, Integer> sizes = new java.util.HashMap<>();
    Line.Chunk chunk = null;
    StringBuilder text = new StringBuilder();
    boolean bold = false;
    boolean italic = false;
    float size = 0;
    boolean pendingSpace = false;
    float prevX1 = 0;
    for (Glyph g : r) {
      if (g.space()) {
        pendingSpace = chunk != null;
        continue;
      }
      sizes.merge(g.size(), g.text().length(), Integer::sum);
      float gap = chunk == null ? 0 : g.x0() - prevX1;
      if (chunk == null || gap > chunkGap(Math.max(size, g.size()))) {
        if (chunk != null) {
          flush(chunk, text, bold, italic, size);
          line.chunks.add(chunk);
        }
        chunk = new Line.Chunk(g.x0(), g.x1());
        chunk.y = g.y();
        text.setLength(0);
        bold = g.bold();
        italic = g.italic();
        size = g.size();
        pendingSpace = false;
      } else {
        boolean space = pendingSpace || gap > 0.13f * g.size();
        if (g.bold() != bold || g.italic() != italic || Math.abs(g.size() - size) > 0.3f) {
          if (space) {
            text.append(' ');
            space = false;
          }
          flush(chunk, text, bold, italic, size);
          text.setLength(0);
          bold = g.bold();
          italic = g.italic();
          size = g.size();
        }
        if (space && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
        pendingSpace = false;
      }
      text.append(g.text());
      chunk.x1 = Math.max(chunk.x1, g.x1());
      chunk.tailX1 = chunk.x1;
      prevX1 = g.x1();
    }
    if (chunk == null) {
      return null;
    }
    flush(chunk, text, bold, italic, size);
    line.chunks.add(chunk);
    int best = -1;
    for (Map.Entry<Float, Integer> e : sizes.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        line.size = e.getKey();
      }
    }
    line.textX = line.x0();
    markBullet(line, r);
    line.firstWordWidth = firstWordWidth(r, line.bullet);
    return line;
  }

  private static void flush(Line.Chunk chunk, StringBuilder text, boolean bold, boolean italic, float size) {
    if (text.length() > 0) {
      chunk.runs.add(new Line.Run(logicalOrder(text.toString()), bold, italic, size));
    }
  }

  /**
   * Glyphs come in visual order, left to right; Hebrew and Arabic are read right to left. The Unicode bidi
   * algorithm applied to the visual text reverses the right-to-left runs back into reading order (brackets
   * mirrored back), as PDFBox's own text stripper does.
   */
  static String logicalOrder(String visual) {
    if (!rtl(visual)) {
      return visual;
    }
    java.text.Bidi bidi = new java.text.Bidi(visual, java.text.Bidi.DIRECTION_LEFT_TO_RIGHT);
    int runs = bidi.getRunCount();
    byte[] levels = new byte[runs];
    Integer[] order = new Integer[runs];
    for (int i = 0; i < runs; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      order[i] = i;
    }
    java.text.Bidi.reorderVisually(levels, 0, order, 0, runs);
    StringBuilder out = new StringBuilder(visual.length());
    for (int k = 0; k < runs; k++) {
      int i = order[k];
      String run = visual.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
      if ((bidi.getRunLevel(i) & 1) == 1) {
        for (int j = run.length() - 1; j >= 0; j--) {
          out.append(mirror(run.charAt(j)));
        }
      } else {
        out.append(run);
      }
    }
    return out.toString();
  }

  private static boolean rtl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
        return true;
      }
    }
    return false;
  }

  private static char mirror(char c) {
    return switch (c) {
      case '(' -> ')';
      case ')' -> '(';
      case '[' -> ']';
      case ']' -> '[';
      case '{' -> '}';
      case '}' -> '{';
      case '<' -> '>';
      case '>' -> '<';
      default -> c;
    };
  }

  static float chunkGap(float size) {
    return Math.max(0.95f * size, 6f);
  }

  /** A line starting with a bullet mark loses the mark and remembers where its text starts. */
  private static void markBullet(Line line, List<Glyph> r) {
    Line.Chunk first = line.chunks.get(0);
    String t = first.text();
    if (t.isEmpty() || BULLETS.indexOf(t.charAt(0)) < 0) {
      return;
    }
    char mark = t.charAt(0);
    boolean ascii = mark == '-' || mark == '*' || mark == '\u2013' || mark == '\u00b7';
    if (t.length() < 2 || (ascii && t.charAt(1) != ' ')) {
      if (!(line.chunks.size() > 1 && t.length() == 1)) {
        return;
      }
    }
    // remove the mark from the first run
    Line.Run run0 = first.runs.get(0);
    String rest = run0.text().replaceFirst("^\\s*.\\s*", "");
    first.runs.set(0, new Line.Run(rest, run0.bold(), run0.italic(), run0.size()));
    if (t.length() == 1 && line.chunks.size() > 1) {
      line.chunks.remove(0);
    }
    line.bullet = true;
    for (Glyph g : r) {
      if (!g.space() && g.x0() > r.get(0).x0() + 0.1f) {
        line.textX = g.x0();
        break;
      }
    }
    line.chunks.get(0).x0 = line.textX;
  }

  private static float firstWordWidth(List<Glyph> r, boolean bullet) {
    int i = 0;
    if (bullet) {
      i = 1;
      while (i < r.size() && r.get(i).space()) {
        i++;
      }
    }
    if (i >= r.size()) {
      return 0;
    }
    float start = r.get(i).x0();
    float end = r.get(i).x1();
    for (int j = i + 1; j < r.size(); j++) {
      Glyph g = r.get(j);
      if (g.space() || g.x0() - end > 0.13f * g.size()) {
        break;
      }
      end = g.x1();
    }
    return end - start;
  }

  private static void dropPageNumbers(List<Line> lines, float pageHeight) {
    lines.removeIf(l -> l.chunks.size() == 1 && PAGE_NUMBER.matcher(l.text()).matches()
        && (l.y > pageHeight * 0.9f || l.y < pageHeight * 0.08f));
  }

  /** The lines of a page split into the main flow and a side column, each in reading order. */
  record Columns(List<Line> main, List<Line> side) {}

  /**
   * Finds a column split: an x position that no line crosses for a long run of lines, with text on both sides
   * that is not aligned row by row (rows aligned across the gap are a table or right-aligned dates, read as
   * lines).
   */
  static Columns columns(List<Line> lines) {
    List<Line> none = List.of();
    if (lines.size() < 6) {
      setRegion(lines, 0);
      return new Columns(lines, none);
    }
    float minX = Float.MAX_VALUE;
    float maxX = 0;
    for (Line l : lines) {
      minX = Math.min(minX, l.x0());
      maxX = Math.max(maxX, l.x1());
    }
    int bestStart = -1;
    int bestLen = 0;
    float bestX = 0;
    for (float x = minX + 30; x < maxX - 30; x += 2) {
      int runStart = 0;
      for (int i = 0; i <= lines.size(); i++) {
        boolean crosses = i < lines.size() && crosses(lines.get(i), x);
        if (crosses || i == lines.size()) {
          int len = i - runStart;
          if (len > bestLen && valid(lines.subList(runStart, i), x)) {
            bestLen = len;
            bestStart = runStart;
            bestX = x;
          }
          runStart = i + 1;
        }
      }
    }
    if (bestStart < 0 || bestLen < Math.max(6, lines.size() * 0.3)) {
      setRegion(lines, 0);
      return new Columns(lines, none);
    }
    List<Line> left = new ArrayList<>();
    List<Line> right = new ArrayList<>();
    float leftMin = Float.MAX_VALUE;
    float leftMax = 0;
    float rightMin = Float.MAX_VALUE;
    float rightMax = 0;
    for (Line l : lines.subList(bestStart, bestStart + bestLen)) {
      Line a = copyEmpty(l);
      Line b = copyEmpty(l);
      for (Line.Chunk c : l.chunks) {
        (c.x1 <= bestX ? a : b).chunks.add(c);
      }
      if (!a.chunks.isEmpty()) {
        a.y = a.chunks.get(0).y;
        a.lastY = a.y;
        if (l.bullet && a.chunks.get(0) == l.chunks.get(0)) {
          a.bullet = true;
          a.textX = l.textX;
          a.firstWordWidth = l.firstWordWidth;
        } else {
          a.textX = a.x0();
        }
        left.add(a);
        leftMin = Math.min(leftMin, a.x0());
        leftMax = Math.max(leftMax, a.x1());
      }
      if (!b.chunks.isEmpty()) {
        b.y = b.chunks.get(0).y;
        b.lastY = b.y;
        b.textX = b.x0();
        if (l.chunks.get(0) == b.chunks.get(0)) {
          b.bullet = l.bullet;
          b.textX = l.textX;
          b.firstWordWidth = l.firstWordWidth;
        }
        right.add(b);
        rightMin = Math.min(rightMin, b.x0());
        rightMax = Math.max(rightMax, b.x1());
      }
    }
    boolean leftMain = (leftMax - leftMin) >= (rightMax - rightMin);
    List<Line> main = new ArrayList<>(lines.subList(0, bestStart));
    setRegion(main, 0);
    List<Line> mainCol = leftMain ? left : right;
    List<Line> sideCol = leftMain ? right : left;
    setRegion(mainCol, 0);
    setRegion(sideCol, 1);
    // the left column's box ends somewhere in the gap, not at its longest line
    float gapMiddle = (leftMax + rightMin) / 2 - 3;
    for (Line l : leftMain ? mainCol : sideCol) {
      l.regionRight = Math.max(l.regionRight, gapMiddle);
    }
    main.addAll(mainCol);
    List<Line> after = new ArrayList<>(lines.subList(bestStart + bestLen, lines.size()));
    setRegion(after, 0);
    main.addAll(after);
    return new Columns(main, sideCol);
  }

  private static Line copyEmpty(Line l) {
    Line c = new Line();
    c.page = l.page;
    c.y = l.y;
    c.lastY = l.lastY;
    c.lastPage = l.lastPage;
    c.size = l.size;
    c.firstWordWidth = l.firstWordWidth;
    return c;
  }

  private static void setRegion(List<Line> lines, int region) {
    float right = 0;
    float left = Float.MAX_VALUE;
    for (Line l : lines) {
      right = Math.max(right, l.x1());
      left = Math.min(left, l.x0());
    }
    for (Line l : lines) {
      l.region = region;
      l.regionRight = right;
      l.regionLeft = left;
    }
  }

  private static boolean crosses(Line l, float x) {
    for (Line.Chunk c : l.chunks) {
      if (c.x0 - 1 < x && c.x1 + 1 > x) {
        return true;
      }
    }
    return false;
  }

  private static boolean valid(List<Line> run, float x) {
    if (run.size() < 6) {
      return false;
    }
    int leftOnly = 0;
    int rightOnly = 0;
    int both = 0;
    float leftEdge = 0;
    float rightEdge = Float.MAX_VALUE;
    Map<Integer, Integer> leftStarts = new java.util.HashMap<>();
    Map<Integer, Integer> rightStarts = new java.util.HashMap<>();
    for (Line l : run) {
      boolean hasLeft = false;
      boolean hasRight = false;
      for (Line.Chunk c : l.chunks) {
        if (c.x1 <= x) {
          if (!hasLeft) {
            leftStarts.merge(Math.round(c.x0 / 3), 1, Integer::sum);
          }
          hasLeft = true;
          leftEdge = Math.max(leftEdge, c.x1);
        } else {
          if (!hasRight) {
            rightStarts.merge(Math.round(c.x0 / 3), 1, Integer::sum);
          }
          hasRight = true;
          rightEdge = Math.min(rightEdge, c.x0);
        }
      }
      leftOnly += hasLeft && !hasRight ? 1 : 0;
      rightOnly += hasRight && !hasLeft ? 1 : 0;
      both += hasLeft && hasRight ? 1 : 0;
    }
    if (leftOnly < 3 || rightOnly < 3 || rightEdge - leftEdge < 6) {
      return false;
    }
    int left = leftOnly + both;
    int right = rightOnly + both;
    // each column is left-aligned: most of its lines start at one x
    if (maxCount(leftStarts) < 0.5 * left || maxCount(rightStarts) < 0.5 * right) {
      return false;
    }
    return both < 0.5 * Math.min(left, right);
  }

  private static int maxCount(Map<Integer, Integer> counts) {
    int best = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      int n = e.getValue() + counts.getOrDefault(e.getKey() - 1, 0) + counts.getOrDefault(e.getKey() + 1, 0);
      best = Math.max(best, n);
    }
    return best;
  }

  /** Joins wrapped lines into paragraphs and wrapped table cells into their cell. */
  static List<Line> join(List<Line> lines, float ratio) {
    List<Line> out = new ArrayList<>();
    for (Line n : lines) {
      Line l = out.isEmpty() ? null : out.get(out.size() - 1);
      if (l != null && l.region == n.region && !n.bullet && n.chunks.size() == 1 && continues(l, n, ratio)) {
        continue;
      }
      out.add(n);
    }
    return out;
  }

  /** Appends n to l when n is a wrapped continuation of l (of its paragraph or of one of its cells). */
  private static boolean continues(Line l, Line n, float ratio) {
    boolean samePage = l.lastPage == n.page;
    float dist = n.y - l.lastY;
    float size = Math.max(l.size, n.size);
    if (samePage && (dist <= 0 || dist > size * ratio + Math.min(1.5f, 0.1f * size))) {
      return false;
    }
    if (!samePage && n.page != l.lastPage + 1) {
      return false;
    }
    if (Math.abs(n.size - l.size) > 0.3f) {
      return false;
    }
    Line.Chunk nc = n.chunks.get(0);
    if (l.chunks.size() == 1 && centeredPair(l, n)) {
      Line.Chunk lc = l.chunks.get(0);
      if (lc.endsBold() != nc.startsBold() || lastItalic(lc) != firstItalic(nc)) {
        return false;
      }
      lc.append(joiner(lc.text(), nc.text()), nc.runs);
      lc.x0 = Math.min(lc.x0, nc.x0);
      lc.x1 = Math.max(lc.x1, nc.x1);
      lc.tailX1 = nc.x1;
      l.lastY = n.y;
      l.lastPage = n.page;
      return true;
    }
    for (int k = 0; k < l.chunks.size(); k++) {
      Line.Chunk lc = l.chunks.get(k);
      float left = k == 0 ? l.textX : lc.x0;
      if (Math.abs(nc.x0 - left) > 1.5f) {
        continue;
      }
      if (lc.endsBold() != nc.startsBold() || lastItalic(lc) != firstItalic(nc)) {
        return false;
      }
      boolean last = k == l.chunks.size() - 1;
      if (last) {
        float right = l.regionRight;
        float spaceW = 0.28f * l.size;
        // the line breaker measures a word with its trailing space
        if (lc.tailX1 + 2 * spaceW + n.firstWordWidth < right - 1.5f) {
          return false;
        }
      } else if (nc.x1 > l.chunks.get(k + 1).x0) {
        return false;
      }
      String sep = joiner(lc.text(), nc.text());
      lc.append(sep, nc.runs);
      lc.x1 = Math.max(lc.x1, nc.x1);
      lc.tailX1 = nc.x1;
      l.lastY = n.y;
      l.lastPage = n.page;
      return true;
    }
    return false;
  }

  /**
   * Two centred lines on one axis where the first is full: its width plus the next line's first word would
   * not fit the region.
   */
  private static boolean centeredPair(Line l, Line n) {
    float lc = (l.x0() + l.x1()) / 2;
    float nc = (n.x0() + n.x1()) / 2;
    float left = l.regionLeft;
    float right = l.regionRight;
    boolean centered = Math.abs(lc - (left + right) / 2) < 3 && Math.abs(nc - lc) < 3
        && l.x0() > left + 6;
    return centered && (l.x1() - l.x0()) + 2 * 0.28f * l.size + n.firstWordWidth > right - left - 1.5f;
  }

  private static boolean lastItalic(Line.Chunk c) {
    for (int i = c.runs.size() - 1; i >= 0; i--) {
      if (!c.runs.get(i).text().isBlank()) {
        return c.runs.get(i).italic();
      }
    }
    return false;
  }

  private static boolean firstItalic(Line.Chunk c) {
    for (Line.Run r : c.runs) {
      if (!r.text().isBlank()) {
        return r.italic();
      }
    }
    return false;
  }

  /** A hyphen at a word break joins without a space; anything else with one. */
  static String joiner(String prev, String next) {
    if (prev.endsWith(" ")) {
      return "";
    }
    int n = prev.length();
    if (n >= 2 && (prev.charAt(n - 1) == '-' || prev.charAt(n - 1) == '/') && Character.isLetterOrDigit(prev.charAt(n - 2))
        && !next.isEmpty() && Character.isLetterOrDigit(next.charAt(0))) {
      return "";
    }
    if (n >= 1 && isCjk(prev.charAt(n - 1)) && !next.isEmpty() && isCjk(next.charAt(0))) {
      return "";
    }
    return " ";
  }

  static boolean isCjk(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  /** The usual baseline distance between two lines of one paragraph, as a multiple of the font size. */
  private static float lineRatio(List<Line> lines) {
    Map<Integer, Integer> votes = new java.util.HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      Line a = lines.get(i - 1);
      Line b = lines.get(i);
      if (a.page == b.page && a.region == b.region && Math.abs(a.size - b.size) < 0.3f && a.size > 0) {
        int key = Math.round((b.y - a.y) / a.size * 50 - 0.5f);
        if (key > 40 && key < 125) {
          votes.merge(key, 1, Integer::sum);
        }
      }
    }
    int max = 0;
    for (int v : votes.values()) {
      max = Math.max(max, v);
    }
    // the smallest distance seen twice: wrapped lines of one paragraph sit closest together
    int best = 60;
    for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(votes).entrySet()) {
      if (e.getValue() >= Math.min(2, max)) {
        best = e.getKey();
        break;
      }
    }
    return best / 50f;
  }
}
