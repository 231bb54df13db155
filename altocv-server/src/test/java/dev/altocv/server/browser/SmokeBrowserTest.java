package dev.altocv.server.browser;

import dev.altocv.server.support.Browser;
import dev.altocv.server.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class SmokeBrowserTest {
  @Test
  void smoke() throws Exception {
    try (TestServer server = TestServer.start(Map.of("ALTOCV_SAMPLE_CV", "true")); Browser b = new Browser(server.base())) {
      b.open("/");
      b.screenshot("landing");
      System.out.println("landing " + b.consoleErrors());
      b.signIn("ada@example.com");
      b.screenshot("dashboard");
      System.out.println("dash " + b.consoleErrors());
      b.find("[data-testid=cv-open]").click();
      b.waitFor(d -> d.getCurrentUrl().contains("/editor/"));
      Thread.sleep(2500);
      b.screenshot("editor");
      System.out.println("editor " + b.consoleErrors());
      var f = b.driver.findElement(By.cssSelector("[data-path='/basics/name']"));
      f.sendKeys(" Jr");
      Thread.sleep(1500);
      System.out.println("status " + b.testId("save-status").getText() + " painted=" + b.js("return window.__painted"));
      b.screenshot("editor2");
      System.out.println("after " + b.consoleErrors());
    }
  }
}
