package dev.altocv.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.server.support.Browser;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The editor in a real headless Chromium against a real server: typing reaches the preview and a saved version,
 * design repaints without the server, undo and redo, conflicts between windows, offline edits, an expired session,
 * oversized and international text, and the chat without an AI provider. One server and one browser for the class.
 */
class EditorBrowserTest {
  static final String EMAIL = "editor.user@example.com";
  static final String CV = """
      {"basics": {"name": "Ada Lindqvist", "label": "Backend Engineer", "email": "ada@example.com",
                  "summary": "Backend engineer who builds payment systems."},
       "work": [{"name": "Klarfeld", "position": "Senior Backend Engineer", "startDate": "2021-03",
                 "highlights": ["Cut settlement time from 4 hours to 35 minutes", "Led a team of 5 engineers"]}],
       "skills": [{"name": "Backend", "keywords": ["Java", "Kotlin"]}]}""";

  static TestServer server;
  static Browser b;
  static Http api;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start(Map.of());
    b = new Browser(server.base());
    b.signIn(EMAIL);
    api = server.user(EMAIL);
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

  /** Leaves one window, online and signed in, whatever the test did. */
  @AfterEach
  void reset() {
    b.driver.deleteNetworkConditions();
    List<String> handles = List.copyOf(b.driver.getWindowHandles());
    for (int i = 1; i < handles.size(); i++) {
      b.driver.switchTo().window(handles.get(i));
      b.driver.close();
    }
    b.driver.switchTo().window(handles.get(0));
    b.open("/dashboard");
    if (b.driver.getCurrentUrl().contains("/signin")) {
      b.signIn(EMAIL);
    }
    b.consoleErrors();
  }

  /** A fresh CV opened in the editor, ready. */
  static String openNew(String title) {
    api = server.user(EMAIL);
    String id = api.post("/api/v1/cvs", "{\"title\": \"" + title + "\", \"content\": " + CV + "}", "X-CSRF-Token",
        api.csrf()).json().path("id").asText();
    b.open("/editor/" + id);
    waitSaved();
    b.waitFor(d -> !b.find("#page-count").getText().isEmpty());
    return id;
  }

  static void waitSaved() {
    b.waitFor(d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
  }

  static JsonNode content(String id) {
    return api.get("/api/v1/cvs/" + id).json().path("content");
  }

  static WebElement field(String path) {
    return b.find("[data-path=\"" + path + "\"]");
  }

  /** A field's value, shown or not (another tab of the pane may be open). */
  static String value(String path) {
    List<WebElement> l = b.driver.findElements(By.cssSelector("[data-path=\"" + path + "\"]"));
    return l.isEmpty() ? null : l.get(0).getAttribute("value");
  }

  /** The text of the preview element showing a path. */
  static String previewText(String pointer) {
    b.driver.switchTo().frame(b.testId("preview"));
    try {
      List<WebElement> l = b.driver.findElements(By.cssSelector("[data-cv-pointer=\"" + pointer + "\"]"));
      return l.isEmpty() ? "" : l.get(0).getText();
    } finally {
      b.driver.switchTo().defaultContent();
    }
  }

  static String previewVar(String name) {
    b.driver.switchTo().frame(b.testId("preview"));
    try {
      return String.valueOf(b.js("return getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim()",
          name));
    } finally {
      b.driver.switchTo().defaultContent();
    }
  }

  static void offline(boolean off) {
    ChromiumNetworkConditions c = new ChromiumNetworkConditions();
    c.setOffline(off);
    b.driver.setNetworkConditions(c);
  }

  /** Sets a field's value as a paste would (ChromeDriver cannot type characters outside the BMP). */
  static void paste(WebElement f, String text) {
    b.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", f, text);
  }

  @Test
  void aBulletTypedShowsInThePreviewAndInASavedVersion() {
    String id = openNew("Bullets");
    WebElement bullet = field("/work/[id=w1]/highlights/1");
    bullet.sendKeys(Keys.END, " across 3 countries");
    b.waitFor(d -> previewText("/work/[id=w1]/highlights/1").endsWith("across 3 countries") ? true : null);
    waitSaved();
    assertThat(content(id).path("work").get(0).path("highlights").get(1).asText())
        .isEqualTo("Led a team of 5 engineers across 3 countries");
    JsonNode versions = api.get("/api/v1/cvs/" + id + "/versions").json().path("versions");
    long newest = versions.get(0).path("version").asLong();
    assertThat(api.get("/api/v1/cvs/" + id + "/versions/" + newest).json().path("content").path("work").get(0)
        .path("highlights").get(1).asText()).endsWith("across 3 countries");

    // a new bullet, then moved up with the keyboard, then a click in the preview focuses its field
    b.find("[data-list=\"/work\"] .strings-wrap button.add").click();
    WebElement added = field("/work/[id=w1]/highlights/2");
    added.sendKeys("Mentored 3 engineers");
    waitSaved();
    b.find("[data-move=\"/work/[id=w1]/highlights/2\"]").sendKeys(Keys.ARROW_UP);
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").get(1).asText().equals("Mentored 3 engineers")
        ? true : null);
    b.waitFor(d -> previewText("/work/[id=w1]/highlights/1").endsWith("Mentored 3 engineers") ? true : null);
    b.driver.switchTo().frame(b.testId("preview"));
    b.driver.findElement(By.cssSelector("[data-cv-pointer=\"/basics/label\"]")).click();
    b.driver.switchTo().defaultContent();
    b.waitFor(d -> "/basics/label".equals(b.js("return document.activeElement.dataset.path")) ? true : null);

    // removing a bullet by keyboard leaves focus on the bullet that took its place, not on the page
    b.find("[aria-label=\"Remove bullet 1\"]").sendKeys(Keys.ENTER);
    b.waitFor(d -> content(id).path("work").get(0).path("highlights").size() == 2 ? true : null);
    assertThat(b.js("return document.activeElement.dataset.path")).isEqualTo("/work/[id=w1]/highlights/0");
    b.assertNoConsoleErrors();
  }

  @Test
  void designChangesRepaintWithoutTheServerAndAreSaved() {
    String id = openNew("Design");
    offline(true);
    WebElement colour = b.testId("design-primary-color");
    b.js("arguments[0].value = '#0b3d2e'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", colour);
    // repainted while the server cannot be reached: no request was waited on
    b.waitFor(Duration.ofSeconds(3), d -> "#0B3D2E".equals(previewVar("--cv-primary")) ? true : null);
    WebElement heading = b.testId("design-headingSize");
    String before = previewVar("--cv-heading-size");
    heading.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    b.waitFor(Duration.ofSeconds(3), d -> !before.equals(previewVar("--cv-heading-size")) ? true : null);
    b.waitFor(d -> "offline".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    b.driver.deleteNetworkConditions();
    waitSaved();
    JsonNode design = content(id).path("altocv").path("design");
    assertThat(design.path("colors").path("primary").asText()).isEqualTo("#0B3D2E");
    assertThat(design.path("typography").path("headingSize").asDouble()).isEqualTo(
        Double.parseDouble(before.replace("pt", "")) + 1.0);
    // low contrast is called out
    b.js("var c = document.querySelector('[data-testid=design-text-color]'); c.value = '#eeeeee';"
        + "c.dispatchEvent(new Event('input', {bubbles: true}))");
    assertThat(b.find("#contrast-warning").getText()).contains("below WCAG AA").contains("text on the background");
    waitSaved();
    b.consoleErrors();
  }

  @Test
  void undoAndRedoWithTheKeyboard() {
    String id = openNew("Undo");
    WebElement label = field("/basics/label");
    label.sendKeys(Keys.END, " and SRE");
    waitSaved();
    assertThat(content(id).path("basics").path("label").asText()).isEqualTo("Backend Engineer and SRE");
    label.sendKeys(Keys.chord(Keys.CONTROL, "z"));
    b.waitFor(d -> "Backend Engineer".equals(field("/basics/label").getAttribute("value")) ? true : null);
    assertThat(content(id).path("basics").path("label").asText()).isEqualTo("Backend Engineer");
    b.waitFor(d -> "Backend Engineer".equals(previewText("/basics/label")) ? true : null);
    field("/basics/label").sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "z"));
    b.waitFor(d -> "Backend Engineer and SRE".equals(field("/basics/label").getAttribute("value")) ? true : null);
    assertThat(content(id).path("basics").path("label").asText()).isEqualTo("Backend Engineer and SRE");
    b.testId("undo").click();
    b.waitFor(d -> "Backend Engineer".equals(field("/basics/label").getAttribute("value")) ? true : null);
    b.assertNoConsoleErrors();
  }

  @Test
  void theHistoryShowsChangesAndRestoresAVersion() {
    String id = openNew("History");
    field("/basics/label").sendKeys(Keys.END, " and architect");
    waitSaved();
    b.testId("tab-history").click();
    b.waitFor(d -> d.findElements(By.cssSelector("#history-list li")).size() == 2 ? true : null);
    b.find("#history-list li button.link").click();
    b.waitFor(d -> b.find("#history-diff").getText().contains("and architect") ? true : null);
    assertThat(b.find("#history-diff").getText()).contains("Basics › label");
    List<WebElement> restore = b.driver.findElements(By.xpath("//ol[@id='history-list']/li//button[text()='Restore']"));
    restore.get(restore.size() - 1).click();
    b.waitFor(d -> "Backend Engineer".equals(content(id).path("basics").path("label").asText()) ? true : null);
    b.waitFor(d -> "Backend Engineer".equals(value("/basics/label")) ? true : null);
    b.assertNoConsoleErrors();
  }

  @Test
  void takingTheOtherVersionNeverDropsEditsTheClipboardRefused() {
    String id = openNew("Conflict clipboard");
    String first = b.driver.getWindowHandle();
    b.driver.switchTo().newWindow(WindowType.TAB);
    b.open("/editor/" + id);
    waitSaved();
    String second = b.driver.getWindowHandle();
    b.js("window.__altocv.store.channel.close(); window.__altocv.store.channel = null;"
        // as on a plain-http site, or when the permission is refused
        + "Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });");
    b.driver.switchTo().window(first);
    field("/basics/name").sendKeys(Keys.END, " Smith");
    waitSaved();
    b.driver.switchTo().window(second);
    field("/basics/summary").sendKeys(Keys.END, " Loves Kotlin.");
    WebElement dialog = b.testId("conflict-dialog");
    b.waitFor(d -> dialog.isDisplayed() ? true : null);
    b.testId("conflict-take-theirs").click();
    // not copied: the dialog stays, says so, and hands the edits to the person selected
    assertThat(dialog.isDisplayed()).isTrue();
    assertThat(b.find("#conflict-hint").getText()).contains("could not be copied");
    assertThat(b.js("return document.activeElement.id")).isEqualTo("conflict-mine-text");
    assertThat(b.js("const a = document.activeElement; return a.value.substring(a.selectionStart, a.selectionEnd);"))
        .asString().contains("Loves Kotlin.");
    b.testId("conflict-take-theirs").click();
    b.waitFor(d -> dialog.isDisplayed() ? null : true);
    assertThat(value("/basics/name")).isEqualTo("Ada Lindqvist Smith");
    assertThat(b.js("return document.getElementById('toast').textContent")).asString()
        .contains("left for you to copy");
  }

  @Test
  void withoutAnAiProviderTheChatSaysWhatToSet() {
    openNew("No AI");
    b.testId("tab-chat").click();
    assertThat(b.find("#chat-state").getText()).contains("not configured").contains("ALTOCV_AI_PROVIDER");
    assertThat(b.testId("chat-send").isEnabled()).isFalse();
    b.assertNoConsoleErrors();
  }

  @Test
  void aConflictBetweenTwoWindowsLosesNothing() {
    String id = openNew("Conflict");
    String first = b.driver.getWindowHandle();
    // window B stands for another device: no message between tabs reaches it
    b.driver.switchTo().newWindow(WindowType.TAB);
    b.open("/editor/" + id);
    waitSaved();
    String second = b.driver.getWindowHandle();
    b.js("window.__altocv.store.channel.close(); window.__altocv.store.channel = null;");
    b.driver.switchTo().window(first);
    field("/basics/name").sendKeys(Keys.END, " Smith");
    waitSaved();
    b.driver.switchTo().window(second);
    field("/basics/summary").sendKeys(Keys.END, " Loves Kotlin.");
    WebElement dialog = b.testId("conflict-dialog");
    assertThat(b.testId("save-status").getAttribute("data-state")).isEqualTo("conflict");
    assertThat(dialog.getText()).contains("changed somewhere else").contains("Ada Lindqvist Smith");
    assertThat(b.find("#conflict-mine-text").getAttribute("value")).contains("Loves Kotlin.");
    b.screenshot("editor-conflict");
    b.testId("conflict-keep-mine").click();
    waitSaved();
    JsonNode c = content(id);
    assertThat(c.path("basics").path("name").asText()).isEqualTo("Ada Lindqvist Smith");
    assertThat(c.path("basics").path("summary").asText()).endsWith("Loves Kotlin.");
    assertThat(field("/basics/name").getAttribute("value")).isEqualTo("Ada Lindqvist Smith");

    // a tab of the same browser is told at once: window A takes the next save of window B without a conflict
    b.js("window.__altocv.store.channel = new BroadcastChannel('altocv:' + arguments[0]);"
        + "window.__altocv.store.channel.onmessage = () => {};", id);
    field("/basics/label").sendKeys(Keys.END, " II");
    waitSaved();
    b.driver.switchTo().window(first);
    b.waitFor(d -> "Backend Engineer II".equals(value("/basics/label")) ? true : null);
    assertThat(value("/basics/summary")).endsWith("Loves Kotlin.");
    assertThat(b.find("#banner").getText()).contains("another tab");
  }

  @Test
  void editsMadeOfflineAreQueuedAndSyncedWhenTheNetworkReturns() {
    String id = openNew("Offline");
    offline(true);
    field("/basics/label").sendKeys(Keys.END, ", payments");
    field("/work/[id=w1]/highlights/0").sendKeys(Keys.END, " (offline)");
    b.waitFor(d -> "offline".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    assertThat(b.testId("save-status").getText()).contains("waiting");
    b.waitFor(d -> b.find("#preview-state").getText().contains("out of date") ? true : null);
    b.screenshot("editor-offline");
    assertThat(String.valueOf(b.js("return localStorage.getItem('altocv:pending:' + arguments[0])", id)))
        .contains(", payments").contains("(offline)");
    assertThat(content(id).path("basics").path("label").asText()).isEqualTo("Backend Engineer");
    b.driver.deleteNetworkConditions();
    b.waitFor(Duration.ofSeconds(40), d -> "saved".equals(b.testId("save-status").getAttribute("data-state")) ? true : null);
    JsonNode c = content(id);
    assertThat(c.path("basics").path("label").asText()).isEqualTo("Backend Engineer, payments");
    assertThat(c.path("work").get(0).path("highlights").get(0).asText()).endsWith("(offline)");
    assertThat(b.js("return localStorage.getItem('altocv:pending:' + arguments[0])", id)).isNull();
  }

  @Test
  void anExpiredSessionKeepsTheUnsavedEditUntilSignedInAgain() {
    String id = openNew("Session");
    Http other = server.user(EMAIL);
    assertThat(other.postEmpty("/api/v1/session/revoke-all", "X-CSRF-Token", other.csrf()).status()).isEqualTo(200);
    field("/basics/label").sendKeys(Keys.END, " (typed after expiry)");
    b.waitFor(d -> b.find("#banner").getText().contains("Your session has ended") ? true : null);
    assertThat(b.testId("save-status").getText()).isEqualTo("Signed out");
    String editor = b.driver.getWindowHandle();
    b.testId("signin-again").click();
    b.waitFor(d -> d.getWindowHandles().size() == 2 ? true : null);
    for (String h : b.driver.getWindowHandles()) {
      if (!h.equals(editor)) {
        b.driver.switchTo().window(h);
      }
    }
    assertThat(b.find(".notice").getText()).contains("Your session ended");
    b.testId("signin-email").sendKeys(EMAIL);
    b.testId("signin-submit").click();
    b.waitFor(d -> d.getCurrentUrl().endsWith("/dashboard"));
    b.driver.close();
    b.driver.switchTo().window(editor);
    // coming back to the tab resumes saving by itself; the banner's button does the same by hand
    b.driver.findElements(By.cssSelector("#banner button")).stream().filter(WebElement::isDisplayed).findFirst()
        .ifPresent(WebElement::click);
    waitSaved();
    api = server.user(EMAIL);
    assertThat(content(id).path("basics").path("label").asText()).isEqualTo("Backend Engineer (typed after expiry)");
  }

  @Test
  void oversizedEmojiAndRightToLeftTextAreHandled() {
    String id = openNew("Text");
    WebElement summary = field("/basics/summary");
    paste(summary, "x".repeat(50_000));
    WebElement error = b.find("#" + summary.getAttribute("aria-describedby"));
    assertThat(error.getText()).contains("at most 20,000 characters").contains("50,000");
    assertThat(b.testId("save-status").getAttribute("data-state")).isEqualTo("error");
    assertThat(content(id).path("basics").path("summary").asText()).isEqualTo("Backend engineer who builds payment systems.");
    // a reload keeps the text (nothing is lost) and still says why it is not saved
    b.driver.navigate().refresh();
    b.waitFor(d -> field("/basics/summary").getAttribute("value").length() == 50_000 ? true : null);
    assertThat(b.find("#" + field("/basics/summary").getAttribute("aria-describedby")).getText()).contains("20,000");
    paste(field("/basics/summary"), "Ships fast 🚀 and reads שלום עולם and مرحبا بالعالم.");
    waitSaved();
    assertThat(content(id).path("basics").path("summary").asText()).isEqualTo("Ships fast 🚀 and reads שלום עולם and مرحبا بالعالم.");
    paste(field("/basics/name"), "Zoë 李 Ünal 👩‍💻");
    waitSaved();
    b.waitFor(d -> "Zoë 李 Ünal 👩‍💻".equals(previewText("/basics/name")) ? true : null);
    assertThat(field("/basics/summary").getAttribute("dir")).isEqualTo("auto");
    assertThat(content(id).path("basics").path("name").asText()).isEqualTo("Zoë 李 Ünal 👩‍💻");
    // a malformed date is held back with a message
    field("/work/[id=w1]/startDate").sendKeys(Keys.END, "-4x");
    assertThat(b.find("#" + field("/work/[id=w1]/startDate").getAttribute("aria-describedby")).getText())
        .contains("2021-06");
    assertThat(content(id).path("work").get(0).path("startDate").asText()).isEqualTo("2021-03");
  }
}
