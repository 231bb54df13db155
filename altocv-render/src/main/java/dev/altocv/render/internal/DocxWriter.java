package dev.altocv.render.internal;

import dev.altocv.core.model.Design;
import dev.altocv.render.RenderException;
import dev.altocv.render.internal.View.Entry;
import dev.altocv.render.internal.View.Group;
import dev.altocv.render.internal.View.Header;
import dev.altocv.render.internal.View.Labelled;
import dev.altocv.render.internal.View.Lang;
import dev.altocv.render.internal.View.ProfileItem;
import dev.altocv.render.internal.View.Ref;
import dev.altocv.render.internal.View.Section;
import dev.altocv.render.internal.View.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * A Word document of the CV: the name as Title, sections as Heading 1, entries as Heading 2 with the dates on
 * a right tab stop, bullets as a real Word bulleted list, links as hyperlinks, no tables and no text boxes.
 * Fonts are named, not embedded: Carlito is written as Calibri and Liberation Serif as Times New Roman (their
 * metric twins, present wherever Word is); Lato and Open Sans by name.
 */
public final class DocxWriter {
  private DocxWriter() {}

  private static final double TWIPS_PER_MM = 1440 / 25.4;

  /**
   * Writes the document.
   *
   * @param doc the view
   * @param design the design (fonts, sizes, colours, paper, margins)
   * @return the .docx bytes
   */
  public static byte[] write(View.Document doc, Design design) {
    try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      String body = wordFont(design.typography().fontPairing().bodyFamily());
      String heading = wordFont(design.typography().fontPairing().headingFamily());
      String primary = design.colors().primary().substring(1);
      String text = design.colors().text().substring(1);
      double bodyPt = design.typography().bodySize();
      double headPt = design.typography().headingSize();
      XWPFStyles styles = d.createStyles();
      style(styles, "Normal", "Normal", body, bodyPt, false, false, text, -1, 0, 60);
      style(styles, "Title", "Title", heading, headPt * 1.85, true, false, primary, -1, 0, 40);
      style(styles, "Subtitle", "Subtitle", heading, headPt * 0.92, false, false, text, -1, 0, 60);
      style(styles, "Heading1", "heading 1", heading, headPt, true, false, primary, 0, 240, 80);
      style(styles, "Heading2", "heading 2", body, bodyPt, true, false, text, 1, 120, 20);
      style(styles, "ListBullet", "List Bullet", body, bodyPt, false, false, text, -1, 0, 20);
      BigInteger bullets = bulletNumbering(d);
      page(d, design);
      long tabPos = Math.round((design.paper().widthMm() - 2 * design.spacing().contentPadding()) * TWIPS_PER_MM);

      Header h = doc.header();
      if (h.name() != null) {
        para(d, "Title").createRun().setText(h.name().text());
      }
      if (h.label() != null) {
        para(d, "Subtitle").createRun().setText(h.label().text());
      }
      if (!h.contact().isEmpty()) {
        XWPFParagraph p = para(d, "Normal");
        for (int i = 0; i < h.contact().size(); i++) {
          if (i > 0) {
            p.createRun().setText(ViewBuilder.SEP);
          }
          run(p, h.contact().get(i), false, false);
        }
      }
      if (!h.profiles().isEmpty()) {
        XWPFParagraph p = para(d, "Normal");
        for (int i = 0; i < h.profiles().size(); i++) {
          ProfileItem pi = h.profiles().get(i);
          if (i > 0) {
            p.createRun().setText(ViewBuilder.SEP);
          }
          if (pi.network() != null) {
            p.createRun().setText(pi.network().text() + (pi.value().isEmpty() ? "" : ": "));
          }
          for (Text v : pi.value()) {
            run(p, v, false, false);
          }
          if (pi.value().size() > 1) {
            p.createRun().setText(")");
          }
        }
      }
      for (Section s : doc.sections()) {
        para(d, "Heading1").createRun().setText(s.title().text());
        switch (s.kind()) {
          case PARAGRAPHS -> s.paragraphs().forEach(t -> para(d, "Normal").createRun().setText(t.text()));
          case ENTRIES -> {
            for (Entry e : s.entries()) {
              entry(d, e, tabPos, bullets);
            }
          }
          case GROUPS -> {
            for (Group g : s.groups()) {
              XWPFParagraph p = para(d, "Normal");
              if (g.name() != null) {
                XWPFRun r = p.createRun();
                r.setBold(true);
                r.setText(g.name().text());
              }
              if (g.level() != null) {
                p.createRun().setText((g.name() != null ? " (" : "(") + g.level().text() + ")");
              }
              if ((g.name() != null || g.level() != null) && !g.keywords().isEmpty()) {
                p.createRun().setText(": ");
              }
              p.createRun().setText(join(g.keywords()));
            }
          }
          case LANGUAGES -> {
            for (Lang l : s.languages()) {
              XWPFParagraph p = para(d, "Normal");
              if (l.language() != null) {
                XWPFRun r = p.createRun();
                r.setBold(true);
                r.setText(l.language().text());
              }
              if (l.fluency() != null) {
                p.createRun().setText((l.language() != null ? " (" : "(") + l.fluency().text() + ")");
              }
            }
          }
          case REFERENCES -> {
            for (Ref r : s.references()) {
              if (r.text() != null) {
                para(d, "Normal").createRun().setText(r.text().text());
              }
              if (r.name() != null) {
                para(d, "Normal").createRun().setText("\u2014 " + r.name().text());
              }
            }
          }
          default -> throw new IllegalStateException(s.kind().toString());
        }
      }
      POIXMLProperties.CoreProperties core = d.getProperties().getCoreProperties();
      core.setTitle(doc.title());
      core.setCreator(doc.author().isEmpty() ? "AltoCV" : doc.author());
      core.setSubjectProperty(doc.subject());
      core.setKeywords(String.join(", ", doc.keywords()));
      d.getProperties().getExtendedProperties().setApplication("AltoCV");
      d.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new RenderException("the Word document could not be written: " + e.getMessage(), e);
    }
  }

  private static void entry(XWPFDocument d, Entry e, long tabPos, BigInteger bullets) {
    String dates = e.dates() == null ? "" : TextWriter.dates(e.dates()).replace(" - ", " \u2013 ");
    if (e.title() != null || !dates.isEmpty()) {
      XWPFParagraph p = para(d, "Heading2");
      CTTabStop tab = p.getCTP().addNewPPr().addNewTabs().addNewTab();
      tab.setVal(STTabJc.RIGHT);
      tab.setPos(BigInteger.valueOf(tabPos));
      if (e.title() != null) {
        p.createRun().setText(e.title().text());
      }
      if (!dates.isEmpty()) {
        XWPFRun r = p.createRun();
        r.addTab();
        r.setBold(false);
        r.setText(dates);
      }
    }
    if (!e.subtitle().isEmpty()) {
      XWPFParagraph p = para(d, "Normal");
      p.setSpacingAfter(40);
      for (int i = 0; i < e.subtitle().size(); i++) {
        if (i > 0) {
          XWPFRun sep = p.createRun();
          sep.setItalic(true);
          sep.setText(ViewBuilder.SEP);
        }
        run(p, e.subtitle().get(i), false, true);
      }
    }
    for (Text t : e.paragraphs()) {
      para(d, "Normal").createRun().setText(t.text());
    }
    for (Text b : e.bullets()) {
      XWPFParagraph p = para(d, "ListBullet");
      p.setNumID(bullets);
      p.createRun().setText(b.text());
    }
    for (Labelled l : e.lists()) {
      XWPFParagraph p = para(d, "Normal");
      XWPFRun r = p.createRun();
      r.setBold(true);
      r.setText(l.label() + ": ");
      p.createRun().setText(join(l.items()));
    }
  }

  private static XWPFParagraph para(XWPFDocument d, String style) {
    XWPFParagraph p = d.createParagraph();
    p.setStyle(style);
    if ("Title".equals(style) || "Subtitle".equals(style)) {
      p.setAlignment(ParagraphAlignment.LEFT);
    }
    return p;
  }

  private static void run(XWPFParagraph p, Text t, boolean bold, boolean italic) {
    if (!t.prefix().isEmpty()) {
      XWPFRun r = p.createRun();
      r.setItalic(italic);
      r.setText(t.prefix());
    }
    XWPFRun r = t.href() != null ? p.createHyperlinkRun(t.href()) : p.createRun();
    r.setBold(bold);
    r.setItalic(italic);
    r.setText(t.text());
  }

  private static String join(List<Text> items) {
    StringBuilder b = new StringBuilder();
    for (Text t : items) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(t.text());
    }
    return b.toString();
  }

  /**
   * The font name written into the document for a shipped family.
   *
   * @param family the family
   * @return the name Word should use
   */
  static String wordFont(String family) {
    return switch (family) {
      case "Carlito" -> "Calibri";
      case "Liberation Serif" -> "Times New Roman";
      default -> family;
    };
  }

  private static void style(XWPFStyles styles, String id, String name, String font, double sizePt, boolean bold,
      boolean italic, String color, int outline, int before, int after) {
    CTStyle s = CTStyle.Factory.newInstance();
    s.setStyleId(id);
    s.setType(STStyleType.PARAGRAPH);
    s.addNewName().setVal(name);
    if (!"Normal".equals(id)) {
      s.addNewBasedOn().setVal("Normal");
      s.addNewNext().setVal("Normal");
    }
    s.addNewQFormat();
    CTPPrGeneral ppr = s.addNewPPr();
    ppr.addNewSpacing().setBefore(BigInteger.valueOf(before));
    ppr.getSpacing().setAfter(BigInteger.valueOf(after));
    if (outline >= 0) {
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
      ppr.addNewKeepNext();
    }
    CTRPr rpr = s.addNewRPr();
    CTFonts f = rpr.addNewRFonts();
    f.setAscii(font);
    f.setHAnsi(font);
    f.setCs(font);
    f.setEastAsia(font);
    if (bold) {
      rpr.addNewB();
    }
    if (italic) {
      rpr.addNewI();
    }
    rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(sizePt * 2)));
    rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(sizePt * 2)));
    rpr.addNewColor().setVal(color);
    styles.addStyle(new XWPFStyle(s, styles));
  }

  private static BigInteger bulletNumbering(XWPFDocument d) {
    CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
    abs.setAbstractNumId(BigInteger.ONE);
    CTLvl lvl = abs.addNewLvl();
    lvl.setIlvl(BigInteger.ZERO);
    lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
    lvl.addNewLvlText().setVal("\u2022");
    lvl.addNewStart().setVal(BigInteger.ONE);
    CTPPrGeneral ppr = lvl.addNewPPr();
    ppr.addNewInd().setLeft(BigInteger.valueOf(360));
    ppr.getInd().setHanging(BigInteger.valueOf(240));
    XWPFNumbering numbering = d.createNumbering();
    BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
    return numbering.addNum(absId);
  }

  private static void page(XWPFDocument d, Design design) {
    CTSectPr sect = d.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(Math.round(design.paper().widthMm() * TWIPS_PER_MM)));
    size.setH(BigInteger.valueOf(Math.round(design.paper().heightMm() * TWIPS_PER_MM)));
    CTPageMar mar = sect.addNewPgMar();
    BigInteger m = BigInteger.valueOf(Math.round(design.spacing().contentPadding() * TWIPS_PER_MM));
    mar.setTop(m);
    mar.setBottom(m);
    mar.setLeft(m);
    mar.setRight(m);
  }

}
