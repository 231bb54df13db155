package dev.altocv.benchmarks;

import dev.altocv.server.App;
import dev.altocv.server.Services;
import dev.altocv.server.config.Settings;
import dev.altocv.server.db.Database;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor measured in a real headless Chromium (Debian's chromium and chromium-driver) against the server on
 * 127.0.0.1: editor load to interactive, design change to paint, keystroke to preview update, and the bytes of
 * JavaScript and CSS. Times come from the page's Performance API: a change is stamped with its input event's
 * time and the preview frame reports when the next frame after applying it has been painted (a
 * requestAnimationFrame callback, then a task).
 *
 * <pre>benchmarks/run --main EditorTiming [--db JDBC_URL] [--loads 20] [--changes 60] [--keys 60]</pre>
 */
public final class EditorTiming {
  private EditorTiming() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String db = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    int loads = Integer.parseInt(a.getOrDefault("loads", "20"));
    int changes = Integer.parseInt(a.getOrDefault("changes", "60"));
    int keys = Integer.parseInt(a.getOrDefault("keys", "60"));
    if (!db.contains("127.0.0.1") && !db.contains("localhost")) {
      throw new IllegalArgumentException("the timing run only targets a database on this machine");
    }
    String schema = "editor_timing_" + System.nanoTime();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> env = Map.of("ALTOCV_SESSION_SECRET", "timing-secret-timing-secret-timing-0123",
        "ALTOCV_DEV_LOGIN", "true", "ALTOCV_SAMPLE_CV", "true", "ALTOCV_LOG_FORMAT", "text");
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.altocv"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Settings settings = Settings.fromEnvironment(env, port, Path.of("target/timing-data"), p -> "unused");
    Database database = Database.connect(db, 8, schema);
    Services services = new Services(settings, database.dataSource(), Clock.systemUTC(),
        Services.Options.defaults(settings));
    Javalin app = App.create(services).start("127.0.0.1", port);
    Path profile = Files.createTempDirectory("altocv-timing");
    ChromeDriver driver = null;
    try {
      ChromeOptions o = new ChromeOptions();
      o.setBinary("/usr/bin/chromium");
      o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
          "--user-data-dir=" + profile, "--window-size=1400,900");
      driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
          new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), o);
      String base = "http://localhost:" + port;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base + "/signin");
      driver.findElement(By.cssSelector("[data-testid=signin-email]")).sendKeys("timing@example.com", Keys.ENTER);
      wait.until(d -> d.getCurrentUrl().endsWith("/dashboard"));
      String editor = driver.findElement(By.cssSelector("[data-testid=cv-open]")).getAttribute("href");

      List<Double> interactive = new ArrayList<>();
      List<Double> previewReady = new ArrayList<>();
      for (int i = 0; i < loads + 3; i++) {
        driver.get(editor);
        ChromeDriver d = driver;
        wait.until(x -> !d.findElement(By.id("page-count")).getText().isEmpty());
        Object[] t = ((List<?>) driver.executeScript("return [performance.getEntriesByName('altocv:interactive')[0].startTime,"
            + " window.__altocvPreviewAt || 0]")).toArray();
        // the preview's first layout report is noted by a listener installed at load: read it from the entries
        double ready = ((Number) driver.executeAsyncScript("var done = arguments[0];"
            + "var e = performance.getEntriesByType('resource').filter(r => r.name.includes('/preview'));"
            + "done(e.length ? e[e.length - 1].responseEnd : 0)")).doubleValue();
        if (i >= 3) {
          interactive.add(((Number) t[0]).doubleValue());
          previewReady.add(ready);
        }
      }

      WebElement colour = driver.findElement(By.cssSelector("[data-testid=design-primary-color]"));
      List<Double> design = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        String c = String.format(Locale.ROOT, "#%02x%02x%02x", 20 + i, 60 + (i * 3) % 150, 90);
        driver.executeScript("window.__painted.length = 0; arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", colour, c);
        ChromeDriver d = driver;
        wait.until(x -> ((Number) d.executeScript("return window.__painted.filter(p => p.kind === 'design').length"))
            .intValue() > 0);
        design.add(((Number) driver.executeScript("return window.__painted.find(p => p.kind === 'design').ms"))
            .doubleValue());
        Thread.sleep(30);
      }

      List<Double> verbatim = measureKeys(driver, wait, "/basics/label", keys, "text");
      List<Double> rendered = measureKeys(driver, wait, "/work/[id=w1]/startDate", Math.min(keys, 20), "render");

      System.out.println("| measurement | runs | median | p95 | max |");
      System.out.println("|---|---|---|---|---|");
      row("editor load to interactive (navigation start to the end of main.js)", interactive);
      row("editor load to preview received (navigation start to the preview page's responseEnd)", previewReady);
      row("design change to paint (colour input event to the frame painted in the preview)", design);
      row("keystroke to preview, field shown verbatim (no request)", verbatim);
      row("keystroke to preview, field the server formats (35 ms debounce + re-render + swap)", rendered);
      assets();
    } finally {
      if (driver != null) {
        driver.quit();
      }
      app.stop();
      services.close();
      database.close();
      try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /** Types into a field one key at a time; each keystroke's time to its first paint of the given kind. */
  static List<Double> measureKeys(ChromeDriver driver, WebDriverWait wait, String path, int n, String kind)
      throws InterruptedException {
    WebElement f = driver.findElement(By.cssSelector("[data-path=\"" + path + "\"]"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", f);
    List<Double> out = new ArrayList<>();
    boolean date = path.endsWith("Date");
    for (int i = 0; i < n; i++) {
      driver.executeScript("window.__painted.length = 0");
      if (date) {
        // alternate between two valid dates so every keystroke changes what the preview shows
        f.sendKeys(Keys.END, Keys.BACK_SPACE);
        f.sendKeys(i % 2 == 0 ? "4" : "3");
      } else {
        f.sendKeys(i % 10 == 9 ? Keys.BACK_SPACE : "x");
      }
      wait.until(x -> ((Number) driver.executeScript("return window.__painted.filter(p => p.kind === arguments[0])"
          + ".length", kind)).intValue() > 0);
      out.add(((Number) driver.executeScript("return window.__painted.filter(p => p.kind === arguments[0])"
          + ".map(p => p.ms).pop()", kind)).doubleValue());
      Thread.sleep(date ? 250 : 120);
    }
    return out;
  }

  static void row(String name, List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", name, s.size(), s.get(s.size() / 2),
        s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
  }

  static void assets() throws IOException {
    String[] js = {"js/editor/main.js", "js/editor/store.js", "js/editor/model.js", "js/editor/forms.js",
        "js/editor/preview.js", "js/editor/design.js", "js/editor/assistant.js", "js/editor/panels.js", "js/api.js",
        "js/preview-bridge.js"};
    long raw = 0;
    long gz = 0;
    for (String f : js) {
      byte[] b = resource(f);
      raw += b.length;
      gz += gzip(b);
    }
    byte[] css = resource("app.css");
    System.out.println();
    System.out.printf(Locale.ROOT, "| editor JavaScript (%d modules, preview bridge included) | %,d bytes | %,d bytes gzipped |%n",
        js.length, raw, gz);
    System.out.printf(Locale.ROOT, "| app.css (every page) | %,d bytes | %,d bytes gzipped |%n", css.length, gzip(css));
    byte[] site = resource("js/site.js");
    byte[] api = resource("js/api.js");
    System.out.printf(Locale.ROOT, "| dashboard JavaScript (site.js + api.js) | %,d bytes | %,d bytes gzipped |%n",
        site.length + api.length, gzip(site) + gzip(api));
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = EditorTiming.class.getResourceAsStream("/static/" + name)) {
      if (in == null) {
        throw new IOException("no resource static/" + name);
      }
      return in.readAllBytes();
    }
  }

  static int gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.size();
  }
}
