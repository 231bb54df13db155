package dev.altocv.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) for browser tests. Without
 * Chromium the tests are skipped, except under {@code CI=true}, where a missing browser fails them. One per test
 * class: it is slow to start.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ALTOCV_CHROMIUM", "/usr/bin/chromium"));
  public static final Path DRIVER = Path.of(System.getenv().getOrDefault("ALTOCV_CHROMEDRIVER", "/usr/bin/chromedriver"));

  public final ChromeDriver driver;
  public final String base;
  public final Path downloads;
  private final Path profile;

  /** Skips the calling test class without Chromium (fails under CI=true). */
  public static void assumeInstalled() {
    boolean ok = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!ok && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Chromium is required under CI: install the Debian packages chromium and "
          + "chromium-driver (.ci/run does) or set ALTOCV_CHROMIUM / ALTOCV_CHROMEDRIVER");
    }
    Assumptions.assumeTrue(ok, "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
  }

  public Browser(String base) {
    this(base, 1400, 900);
  }

  public Browser(String base, int width, int height) {
    assumeInstalled();
    this.base = base;
    try {
      this.profile = Files.createTempDirectory("altocv-chromium");
      this.downloads = Files.createTempDirectory("altocv-downloads");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
        "--lang=en-GB");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    o.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public WebElement find(String css) {
    return waitFor(d -> {
      List<WebElement> l = d.findElements(By.cssSelector(css));
      return l.isEmpty() || !l.get(0).isDisplayed() ? null : l.get(0);
    });
  }

  public WebElement testId(String id) {
    return find("[data-testid=\"" + id + "\"]");
  }

  public <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(Duration.ofSeconds(15), condition);
  }

  public <T> T waitFor(Duration d, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Signs in with the development form and lands on the dashboard. */
  public void signIn(String email) {
    open("/signin");
    testId("signin-email").sendKeys(email);
    testId("signin-submit").click();
    waitFor(d -> d.getCurrentUrl().endsWith("/dashboard"));
  }

  /** Browser console messages at SEVERE since the last call (errors and failed requests). */
  public List<String> consoleErrors() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  public void assertNoConsoleErrors() {
    assertThat(consoleErrors()).as("console errors and failed requests").isEmpty();
  }

  /** Runs axe-core on the page: no violation above minor (moderate, serious or critical). */
  public void assertAccessible(String page) {
    Results r = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
        .analyze(driver);
    List<String> bad = new ArrayList<>();
    for (Rule v : r.getViolations()) {
      if (!"minor".equals(v.getImpact())) {
        bad.add(v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
            .map(n -> String.valueOf(n.getTarget())).limit(5).toList());
      }
    }
    assertThat(bad).as("axe-core violations above minor on " + page).isEmpty();
  }

  /** Saves a screenshot under docs/screenshots (when ALTOCV_SCREENSHOTS is set) and target/screenshots. */
  public void screenshot(String name) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Path t = Path.of("target/screenshots");
      Files.createDirectories(t);
      Files.write(t.resolve(name + ".png"), png);
      String docs = System.getenv("ALTOCV_SCREENSHOTS");
      if (docs != null && !docs.isBlank()) {
        Files.createDirectories(Path.of(docs));
        Files.write(Path.of(docs).resolve(name + ".png"), png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var s = Files.walk(profile)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir
    }
  }
}
