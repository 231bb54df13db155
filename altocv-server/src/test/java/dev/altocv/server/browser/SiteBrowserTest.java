package dev.altocv.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.server.support.Browser;
import dev.altocv.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The site in a real headless Chromium: every page passes axe-core with no serious or critical violation and logs
 * no console error or failed request; the path from the landing page to the editor works by keyboard alone; the
 * dashboard creates, renames, copies and deletes (with undo); pages are usable 360 pixels wide. Screenshots of each
 * page go to target/screenshots (and to docs/screenshots with ALTOCV_SCREENSHOTS=docs/screenshots).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteBrowserTest {
  static TestServer server;
  static Browser b;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start(Map.of("ALTOCV_SAMPLE_CV", "true"));
    b = new Browser(server.base());
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static void check(String name) {
    b.assertAccessible(name);
    b.assertNoConsoleErrors();
    b.screenshot(name);
  }

  static void tab(int times) {
    for (int i = 0; i < times; i++) {
      b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
  }

  /** Tabs forward until the focused element matches, pressing at most 60 times. */
  static WebElement tabTo(String css) {
    for (int i = 0; i < 60; i++) {
      WebElement a = b.driver.switchTo().activeElement();
      if (Boolean.TRUE.equals(b.js("return arguments[0].matches(arguments[1])", a, css))) {
        return a;
      }
      a.sendKeys(Keys.TAB);
    }
    throw new AssertionError("could not reach " + css + " with the Tab key");
  }

  @Test
  @Order(1)
  void publicPagesAreAccessible() {
    for (String[] p : List.of(new String[] {"/", "landing"}, new String[] {"/pricing", "pricing"},
        new String[] {"/privacy", "privacy"}, new String[] {"/terms", "terms"}, new String[] {"/signin", "signin"})) {
      b.open(p[0]);
      b.find("main h1");
      b.waitFor(d -> Boolean.TRUE.equals(b.js("return [...document.images].every(i => i.complete)")) ? true : null);
      check(p[1]);
    }
    b.open("/");
    assertThat(b.driver.findElements(By.cssSelector(".gallery img"))).hasSize(6);
  }

  @Test
  @Order(2)
  void fromTheLandingPageToTheEditorByKeyboardAlone() {
    b.open("/");
    b.driver.findElement(By.tagName("body")).click();
    tabTo("a.button.big[href='/signin']").sendKeys(Keys.ENTER);
    b.waitFor(d -> d.getCurrentUrl().endsWith("/signin") ? true : null);
    tabTo("[data-testid=signin-email]").sendKeys("keyboard@example.com", Keys.ENTER);
    b.waitFor(d -> d.getCurrentUrl().endsWith("/dashboard") ? true : null);
    check("dashboard");
    tabTo("[data-testid=new-cv-title]").sendKeys("Keyboard CV");
    tab(1);
    // the template radios: arrow keys choose
    b.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    tabTo("[data-testid=new-cv-submit]").sendKeys(Keys.ENTER);
    b.waitFor(d -> d.getCurrentUrl().contains("/editor/") ? true : null);
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    assertThat(String.valueOf(b.js("return window.__altocv.store.local.altocv.design.templateId"))).isEqualTo("classic");
    tabTo("[data-path='/basics/name']").sendKeys("Kai Keyboard");
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state"))
        && "Kai Keyboard".equals(b.js("return window.__altocv.store.base.basics.name")) ? true : null);
    WebElement focused = b.driver.switchTo().activeElement();
    assertThat(String.valueOf(b.js("return getComputedStyle(arguments[0]).outlineStyle", focused))).isNotEqualTo("none");
    // ... and exported as a PDF, still by keyboard
    for (int i = 0; i < 30 && !Boolean.TRUE.equals(b.js("return document.activeElement.id === 'export-jump'")); i++) {
      b.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    }
    b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(b.js("return document.activeElement.id")).isEqualTo("export-format");
    tabTo("[data-testid=export-run]").sendKeys(Keys.ENTER);
    b.waitFor(java.time.Duration.ofSeconds(30), d -> d.findElements(By.cssSelector("[data-testid=export-download]"))
        .isEmpty() ? null : true);
    b.assertNoConsoleErrors();
  }

  @Test
  @Order(3)
  void theEditorAndItsTabsAreAccessible() {
    b.open("/dashboard");
    b.find("[data-testid=cv-open]").click();
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    b.waitFor(d -> !b.find("#page-count").getText().isEmpty());
    check("editor");
    for (String t : List.of("chat", "ats", "match", "history")) {
      b.testId("tab-" + t).click();
      b.find("#tab-" + t);
      if (t.equals("history")) {
        b.find("#history-list li");
      }
      check("editor-" + t);
    }
  }

  @Test
  @Order(4)
  void theDashboardRenamesCopiesAndDeletesWithUndo() throws Exception {
    b.open("/dashboard");
    int before = b.driver.findElements(By.cssSelector(".cv-card")).size();
    WebElement card = b.find(".cv-card");
    String title = card.getAttribute("data-title");
    card.findElement(By.cssSelector("[data-action=rename]")).click();
    WebElement input = b.find("#rename-title");
    input.clear();
    input.sendKeys("Renamed CV", Keys.ENTER);
    b.waitFor(d -> b.find("#cards").getText().contains("Renamed CV") ? true : null);
    int credits = Integer.parseInt(b.find("[data-credits]").getText().replace(" credits", ""));
    b.find(".cv-card[data-title='Renamed CV'] [data-action=duplicate]").click();
    b.waitFor(d -> d.findElements(By.cssSelector(".cv-card")).size() == before + 1 ? true : null);
    assertThat(b.find("#cards").getText()).contains("Copy of Renamed CV");
    b.waitFor(d -> b.find("[data-credits]").getText().equals((credits - 5) + " credits") ? true : null);
    b.find(".cv-card[data-title='Copy of Renamed CV'] [data-action=delete]").click();
    b.waitFor(d -> d.findElements(By.cssSelector(".cv-card")).size() == before ? true : null);
    assertThat(b.find("#toast").getText()).contains("Moved \"Copy of Renamed CV\" to the trash");
    b.find("#toast button").click();
    b.waitFor(d -> d.findElements(By.cssSelector(".cv-card")).size() == before + 1 ? true : null);
    assertThat(title).isNotBlank();

    // a JSON Resume file becomes a CV
    Path json = Files.createTempFile("resume", ".json");
    Files.writeString(json, "{\"basics\": {\"name\": \"Jo From File\"}, \"work\": [{\"name\": \"Acme\", \"position\": \"Dev\"}]}");
    b.testId("json-file").sendKeys(json.toString());
    b.find("#json-create").click();
    b.waitFor(d -> d.getCurrentUrl().contains("/editor/") ? true : null);
    b.waitFor(d -> "Jo From File".equals(b.find("[data-path='/basics/name']").getAttribute("value")) ? true : null);
    // a file that is not JSON is refused with a message
    b.open("/dashboard");
    Path bad = Files.createTempFile("broken", ".json");
    Files.writeString(bad, "{not json");
    b.testId("json-file").sendKeys(bad.toString());
    b.find("#json-create").click();
    assertThat(b.find("#toast").getText()).contains("is not valid JSON");
    b.assertNoConsoleErrors();
  }

  @Test
  @Order(5)
  void settingsAreAccessible() {
    b.open("/settings");
    b.find("#credits table");
    assertThat(b.find("#credits").getText()).contains("create CV");
    check("settings");
  }

  @Test
  @Order(6)
  void pagesAreUsable360PixelsWide() {
    b.driver.manage().window().setSize(new Dimension(360, 780));
    try {
      for (String p : List.of("/", "/pricing", "/dashboard", "/settings")) {
        b.open(p);
        b.find("main h1");
        assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue()).as(p).isLessThanOrEqualTo(360);
      }
      b.open("/dashboard");
      b.screenshot("dashboard-360");
      b.find("[data-testid=cv-open]").click();
      b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
      assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
      // one pane at a time, chosen by tabs
      assertThat(b.find("#pane-left").isDisplayed()).isTrue();
      assertThat(b.driver.findElement(By.id("pane-preview")).isDisplayed()).isFalse();
      b.find("[data-pane-tab=pane-preview]").click();
      b.waitFor(d -> d.findElement(By.id("pane-preview")).isDisplayed() ? true : null);
      b.waitFor(d -> !b.find("#page-count").getText().isEmpty());
      b.screenshot("editor-360-preview");
      b.find("[data-pane-tab=pane-design]").click();
      assertThat(b.testId("design-primary-color").isDisplayed()).isTrue();
      b.assertAccessible("editor at 360 px");
      b.assertNoConsoleErrors();
    } finally {
      b.driver.manage().window().setSize(new Dimension(1400, 900));
    }
  }
}
