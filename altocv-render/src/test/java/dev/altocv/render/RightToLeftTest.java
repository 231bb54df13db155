package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.model.Cv;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Hebrew and Arabic: shaped and ordered in the PDF (openhtmltopdf's ICU support), read back by the importer.
 * Lines that hold one right-to-left field come back exactly; see the README for lines that combine several.
 */
class RightToLeftTest {

  @Test
  void hebrewAndArabicArePrintedInReadingOrderAndReadBack() throws IOException {
    Cv cv = SampleCvs.rightToLeft();
    byte[] pdf = Render.pdf(cv);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("דוד כהן", "מהנדס תוכנה בכיר", "הובלתי צוות של חמישה מפתחים",
          "مهندس برمجيات ذو خبرة طويلة في أنظمة الدفع والخدمات السحابية");
      boolean dejaVu = false;
      for (PDPage page : doc.getPages()) {
        for (COSName n : page.getResources().getFontNames()) {
          dejaVu |= page.getResources().getFont(n).getName().endsWith("+DejaVuSans");
        }
      }
      assertThat(dejaVu).as("Hebrew and Arabic glyphs come from DejaVu Sans").isTrue();
    }
    ImportResult r = Importer.withDefaults().read(pdf, "rtl.pdf");
    Cv back = r.cv();
    assertThat(back.basics().name()).isEqualTo("דוד כהן");
    assertThat(back.basics().label()).isEqualTo("מהנדס תוכנה בכיר");
    assertThat(back.basics().email()).isEqualTo("david.cohen@example.co.il");
    assertThat(back.basics().summary()).isEqualTo("مهندس برمجيات ذو خبرة طويلة في أنظمة الدفع والخدمات السحابية.");
    assertThat(back.work().get(0).position()).isEqualTo("ראש צוות פיתוח");
    assertThat(back.work().get(0).highlights()).containsExactly("הובלתי צוות של חמישה מפתחים",
        "שיפרתי את זמני התגובה של המערכת");
    assertThat(back.work().get(0).startDate()).isEqualTo("2020-02");
    assertThat(back.work().get(1).position()).isEqualTo("Backend Engineer");
    assertThat(back.work().get(1).name()).isEqualTo("Wix");
    assertThat(back.education().get(0).institution()).isEqualTo("האוניברסיטה העברית");
    assertThat(back.skills().get(0).name()).isEqualTo("שפות תכנות");
    assertThat(back.skills().get(0).keywords()).containsExactly("Java", "Kotlin", "SQL");
  }
}
