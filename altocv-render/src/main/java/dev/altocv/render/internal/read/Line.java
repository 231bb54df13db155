package dev.altocv.render.internal.read;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of text as the reader sees it: chunks separated by wide gaps (table cells, right-aligned dates),
 * each chunk a sequence of styled runs. A PDF line is one printed line until wrapped lines are joined; a DOCX
 * line is one paragraph.
 */
final class Line {

  /** A piece of text in one style. */
  record Run(String text, boolean bold, boolean italic, float size) {}

  /** Text between wide gaps. */
  static final class Chunk {
    final List<Run> runs = new ArrayList<>();
    float x0;
    float x1;
    /** Right edge of the last printed line of this chunk (after wrapped lines were joined). */
    float tailX1;
    /** Baseline of the chunk's first glyph. */
    float y;

    Chunk(float x0, float x1) {
      this.x0 = x0;
      this.x1 = x1;
      this.tailX1 = x1;
    }

    String text() {
      StringBuilder b = new StringBuilder();
      for (Run r : runs) {
        b.append(r.text());
      }
      return b.toString().trim();
    }

    void append(String sep, List<Run> more) {
      if (!sep.isEmpty()) {
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        runs.add(new Run(sep, last != null && last.bold(), last != null && last.italic(),
            last == null ? 0 : last.size()));
      }
      runs.addAll(more);
    }

    boolean startsBold() {
      for (Run r : runs) {
        if (!r.text().isBlank()) {
          return r.bold();
        }
      }
      return false;
    }

    boolean endsBold() {
      for (int i = runs.size() - 1; i >= 0; i--) {
        if (!runs.get(i).text().isBlank()) {
          return runs.get(i).bold();
        }
      }
      return false;
    }

    boolean allItalic() {
      boolean any = false;
      for (Run r : runs) {
        if (!r.text().isBlank()) {
          if (!r.italic()) {
            return false;
          }
          any = true;
        }
      }
      return any;
    }

    boolean allBold() {
      boolean any = false;
      for (Run r : runs) {
        if (!r.text().isBlank()) {
          if (!r.bold()) {
            return false;
          }
          any = true;
        }
      }
      return any;
    }
  }

  final List<Chunk> chunks = new ArrayList<>();
  /** Page, from 1. */
  int page;
  /** Baseline, from the top of the page (PDF points). */
  float y;
  /** Dominant font size. */
  float size;
  /** Baseline and page of the last printed line joined into this one. */
  float lastY;
  int lastPage;
  /** Width of the first word (for deciding whether a line break was a wrap). */
  float firstWordWidth;
  /** Left edge of the text after a bullet mark. */
  float textX;
  /** Whether the line started with a bullet mark (removed from the text). */
  boolean bullet;
  /** Heading level from a DOCX style (1 = Heading 1), 0 for none. */
  int styleHeading;
  /** Whether a DOCX style or the PDF layout marks this as the document title. */
  boolean title;
  /** Space above the line, in points (PDF), or -1 when unknown. */
  float gapAbove = -1;
  /** Left and right edges of the region the line is in (for the wrap test). */
  float regionLeft;
  float regionRight;
  /** Which region of the page the line is in: 0 main flow, 1 side column. */
  int region;

  float x0() {
    return chunks.isEmpty() ? 0 : chunks.get(0).x0;
  }

  float x1() {
    return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).x1;
  }

  String text() {
    StringBuilder b = new StringBuilder();
    for (Chunk c : chunks) {
      if (b.length() > 0) {
        b.append("  ");
      }
      b.append(c.text());
    }
    return b.toString();
  }

  boolean bold() {
    return !chunks.isEmpty() && chunks.get(0).allBold();
  }

  boolean italic() {
    for (Chunk c : chunks) {
      if (!c.allItalic()) {
        return false;
      }
    }
    return !chunks.isEmpty();
  }

  @Override
  public String toString() {
    return "p" + page + " y" + Math.round(y) + " s" + size + (bullet ? " \u2022" : "") + " [" + text() + "]";
  }
}
