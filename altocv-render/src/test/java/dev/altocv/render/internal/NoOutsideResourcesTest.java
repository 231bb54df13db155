package dev.altocv.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Work;
import dev.altocv.render.ExportFormat;
import dev.altocv.render.Render;
import dev.altocv.render.RenderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No resource outside the template's own is ever loaded: a canary HTTP server on 127.0.0.1 must see zero
 * requests, whatever a template or a CV field asks for (http, https, file, data, jar URIs; stylesheets, imports,
 * images, fonts, objects, a DTD).
 */
class NoOutsideResourcesTest {

  private CanaryServer canary;
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    canary = new CanaryServer();
  }

  @AfterEach
  void stop() {
    canary.close();
  }

  @Test
  void aHostileTemplateLoadsNothing() throws Exception {
    Path localCss = dir.resolve("local.css");
    Files.writeString(localCss, "body { font-size: 40pt }");
    Path localImage = dir.resolve("pixel.png");
    Files.write(localImage, java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
    String xhtml = """
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>
        <link rel="stylesheet" href="%1$s"/>
        <link rel="stylesheet" href="%2$s"/>
        <style>
          @import url(%3$s);
          @font-face { font-family: Remote; src: url(%4$s); }
          body { font-family: Remote, Lato; background-image: url(%5$s); }
          .x { list-style-image: url(%6$s); }
        </style></head>
        <body>
          <p class="x">Canary text</p>
          <img src="%7$s"/>
          <img src="%8$s"/>
          <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>
          <object data="%9$s" type="image/svg+xml"></object>
          <embed src="%10$s"/>
          <a href="%11$s">a link is not a load</a>
        </body></html>
        """.formatted(canary.url("/link.css"), localCss.toUri(), canary.url("/import.css"), canary.url("/font.ttf"),
        canary.url("/bg.png"), canary.url("/bullet.png"), canary.url("/img.png"), localImage.toUri(),
        canary.url("/object.svg"), canary.url("/embed.pdf"), canary.url("/clicked"));
    int refusedBefore = PdfWriter.REFUSED.get();

    byte[] pdf = PdfWriter.render(xhtml, List.of("Lato"));

    assertThat(canary.requests).as("requests the canary saw").isEmpty();
    assertThat(PdfWriter.REFUSED.get() - refusedBefore).as("loads attempted and refused").isGreaterThan(5);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Canary text");
      assertThat(imagesIn(doc)).as("no picture (remote, local file or data URI) made it into the PDF").isZero();
      float size = doc.getPage(0).getResources() == null ? 0 : fontSizeOfFirstGlyph(doc);
      assertThat(size).as("the local stylesheet (40pt) was not applied").isLessThan(20);
    }
    // the canary does see a request when one is made: the zero above is not a dead server
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(canary.url("/probe")).toURL()
        .openConnection();
    assertThat(c.getResponseCode()).isEqualTo(200);
    assertThat(canary.requests).containsExactly("GET /probe");
  }

  @Test
  void anExternalDtdIsRefusedWithoutAFetch() {
    String xhtml = "<?xml version=\"1.0\"?><!DOCTYPE html SYSTEM \"" + canary.url("/x.dtd") + "\">"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>";
    assertThatThrownBy(() -> PdfWriter.render(xhtml, List.of("Lato"))).isInstanceOf(RenderException.class)
        .hasMessageContaining("not well-formed");
    String entity = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY e SYSTEM \"" + canary.url("/e") + "\">]>"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&e;</p></body></html>";
    assertThatThrownBy(() -> PdfWriter.render(entity, List.of("Lato"))).isInstanceOf(RenderException.class);
    assertThat(canary.requests).isEmpty();
  }

  @Test
  void cvFieldsThatPointOutsideAreOnlyText() throws Exception {
    String img = "<img src=\"" + canary.url("/field.png") + "\"/>";
    String css = "<style>@import url(" + canary.url("/field.css") + ")</style>";
    Basics b = new Basics("Eve " + img, css, canary.url("/photo.jpg"), "eve@example.com", null, canary.url("/site"),
        "<link rel=\"stylesheet\" href=\"" + canary.url("/l.css") + "\"/> file:///etc/passwd",
        new Location(null, null, "file:///etc/hosts", null, null, Map.of()),
        List.of(new Profile(null, "Web", "eve", canary.url("/profile"), Map.of())), Map.of());
    Cv cv = Cv.builder().basics(b)
        .work(new Work(null, img, null, null, "Engineer", canary.url("/work"), "2020", null, css, List.of(img), Map.of()))
        .build();
    for (ExportFormat f : ExportFormat.values()) {
      assertThat(Render.export(cv, f)).isNotEmpty();
    }
    assertThat(Render.previewHtml(cv)).doesNotContain("<img").doesNotContain("<link rel")
        .contains("&lt;img src=");
    assertThat(canary.requests).isEmpty();
  }

  private static int imagesIn(PDDocument doc) throws IOException {
    int n = 0;
    for (PDPage page : doc.getPages()) {
      PDResources r = page.getResources();
      if (r == null) {
        continue;
      }
      for (COSName name : r.getXObjectNames()) {
        if (r.isImageXObject(name)) {
          n++;
        }
      }
    }
    return n;
  }

  private static float fontSizeOfFirstGlyph(PDDocument doc) throws IOException {
    float[] size = {0};
    PDFTextStripper s = new PDFTextStripper() {
      @Override
      protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
        if (size[0] == 0) {
          size[0] = t.getFontSizeInPt();
        }
      }
    };
    s.getText(doc);
    return size[0];
  }

  /** The canary: a real HTTP server on 127.0.0.1 recording every request. */
  static final class CanaryServer implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;
    final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    CanaryServer() throws IOException {
      server = com.sun.net.httpserver.HttpServer.create(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        byte[] body = "body { font-size: 40pt }".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (java.io.OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
