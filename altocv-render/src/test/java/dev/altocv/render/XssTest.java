package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An XSS payload corpus in every text field of a CV: escaped in the preview and HTML export (no element, no
 * attribute, no script of the payload's), shown as literal text in the PDF, DOCX and TXT, and never a link.
 */
class XssTest {

  static final List<String> PAYLOADS = List.of(
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "'><svg/onload=alert(1)>",
      "javascript:alert(1)",
      "</style><script>alert(1)</script>",
      "</title><script>alert(1)</script>",
      "<!--<script>-->alert(1)",
      "<![CDATA[<script>alert(1)</script>]]>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "{{constructor.constructor('alert(1)')()}}",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");

  private static final Set<String> NOT_TEXT = Set.of("startDate", "endDate", "date", "releaseDate", "id", "paper",
      "templateId", "fontPairing", "density", "primary", "accent", "text", "background", "countryCode");

  @TestFactory
  Stream<DynamicTest> payloadsInEveryFieldAreOnlyText() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String payload = PAYLOADS.get(i);
      tests.add(DynamicTest.dynamicTest("payload " + i + ": " + payload, () -> check(payload)));
    }
    return tests.stream();
  }

  private static void check(String payload) throws Exception {
    Cv cv = poisoned(payload);
    // each payload through one template, in turn: the corpus covers every template
    List<TemplateInfo> all = Render.templates();
    for (TemplateInfo t : List.of(all.get(Math.floorMod(payload.hashCode(), all.size())))) {
      Cv c = SampleCvs.withTemplate(cv, t);
      for (String html : List.of(Render.previewHtml(c), Render.html(c))) {
        assertNoMarkupFromPayload(html);
      }
      byte[] pdf = Render.pdf(c);
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        String printable = payload.replaceAll("\\s+", " ");
        assertThat(text).as("the payload is printed as text").contains(printable.substring(0, Math.min(20, printable.length())));
        for (PDPage page : doc.getPages()) {
          for (PDAnnotation a : page.getAnnotations()) {
            if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
              assertThat(uri.getURI()).matches("(https?://|mailto:|tel:).*").doesNotContain("javascript");
            }
          }
        }
        assertThat(doc.getDocumentCatalog().getNames() == null
            || doc.getDocumentCatalog().getNames().getJavaScript() == null).as("no document JavaScript").isTrue();
      }
      try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(Render.docx(c)));
          XWPFWordExtractor x = new XWPFWordExtractor(d)) {
        assertThat(x.getText()).contains(payload.trim().replaceAll("\\s+", " ").substring(0, 10));
        d.getParagraphs().forEach(p -> p.getRuns().forEach(r -> {
          if (r instanceof org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun h && h.getHyperlink(d) != null) {
            assertThat(h.getHyperlink(d).getURL()).doesNotContain("javascript").doesNotStartWith("data:");
          }
        }));
      }
      assertThat(Render.text(c)).contains(payload.trim().replaceAll("\\s+", " "));
    }
  }

  private static final Pattern TAG = Pattern.compile("<([a-zA-Z!/][^>]*)>");
  private static final Set<String> OUR_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "div", "span",
      "a", "h1", "h2", "p", "ul", "li", "script", "!DOCTYPE");

  private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z:-]+)=\"([^\"<>]*)\"");
  private static final Set<String> OUR_ATTRIBUTES = Set.of("class", "data-cv-pointer", "data-cv-section", "href",
      "lang", "data-template", "data-paper", "name", "content", "charset", "aria-hidden", "style");

  /**
   * Every tag in the page is one the writer makes, with only the writer's attributes (values quoted, nothing
   * left over), hrefs only http(s), mailto and tel, styles only a width; at most one script (the bridge).
   */
  static void assertNoMarkupFromPayload(String html) {
    String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>")
        .replaceAll("(?s)<script>.*?</script>", "<script></script>");
    Matcher m = TAG.matcher(body);
    while (m.find()) {
      String tag = m.group(1);
      if (tag.startsWith("!DOCTYPE")) {
        continue;
      }
      String name = tag.startsWith("/") ? tag.substring(1).split("[\\s>/]")[0] : tag.split("[\\s>/]")[0];
      assertThat(OUR_TAGS).as("tag <%s>", tag).contains(name);
      Matcher a = ATTRIBUTE.matcher(tag);
      StringBuilder rest = new StringBuilder();
      int last = 0;
      while (a.find()) {
        rest.append(tag, last, a.start());
        last = a.end();
        assertThat(OUR_ATTRIBUTES).as("attribute %s in <%s>", a.group(1), tag).contains(a.group(1));
        if (a.group(1).equals("href")) {
          assertThat(a.group(2)).matches("(https?://|mailto:|tel:).*");
        }
        if (a.group(1).equals("style")) {
          assertThat(a.group(2)).matches("width: [0-9.]+em");
        }
      }
      rest.append(tag.substring(last));
      assertThat(rest.toString().replace("/", "").trim()).as("what is left of <%s>", tag).isEqualTo(name);
    }
    assertThat(body.split("<script>", -1).length - 1).as("scripts").isLessThanOrEqualTo(1);
  }

  /** The every-section CV with the payload put in every text field (dates and settings excepted). */
  static Cv poisoned(String payload) {
    JsonNode tree = Json.parse(AltoCv.write(SampleCvs.everySection()), "cv");
    replace(tree, payload, "");
    return AltoCv.read(Json.write(tree));
  }

  private static void replace(JsonNode node, String payload, String key) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      List<String> names = new ArrayList<>();
      it.forEachRemaining(e -> names.add(e.getKey()));
      for (String n : names) {
        JsonNode v = node.get(n);
        if (v.isTextual() && !NOT_TEXT.contains(n)) {
          ((ObjectNode) node).set(n, TextNode.valueOf(n.equals("email") ? payload : v.asText() + " " + payload));
        } else if (!n.equals("design")) {
          replace(v, payload, n);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(payload));
        } else {
          replace(node.get(i), payload, key);
        }
      }
    }
  }
}
