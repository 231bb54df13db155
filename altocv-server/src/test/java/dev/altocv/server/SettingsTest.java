package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.server.config.DatabaseUrls;
import dev.altocv.server.config.Settings;
import dev.altocv.server.config.SettingsException;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private static Settings read(Map<String, String> env) {
    return Settings.fromEnvironment(env, null, Path.of("data"), p -> SECRET);
  }

  private static void refused(Map<String, String> env, String setting, String message) {
    assertThatThrownBy(() -> read(env)).isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(setting).hasMessageContaining(message)
        .satisfies(e -> assertThat(((SettingsException) e).setting()).isEqualTo(setting));
  }

  @Test
  void theEmbeddedDefaultsNeedNoSettings() {
    Settings s = read(Map.of());
    assertThat(s.port()).isEqualTo(7070);
    assertThat(s.embeddedDatabase()).isTrue();
    assertThat(s.devLogin()).isTrue();
    assertThat(s.bind()).isEqualTo("127.0.0.1");
    assertThat(s.publicUrl().toString()).isEqualTo("http://localhost:7070");
    assertThat(s.prices().createCv()).isEqualTo(5);
    assertThat(s.prices().signupCredits()).isEqualTo(50);
    assertThat(s.autosaveIdle()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.oidcEnabled()).isFalse();
  }

  @Test
  void badValuesNameTheSetting() {
    refused(Map.of("ALTOCV_PORT", "seventy"), "ALTOCV_PORT", "whole number");
    refused(Map.of("ALTOCV_PORT", "70000"), "ALTOCV_PORT", "from 1 to 65535");
    refused(Map.of("ALTOCV_PUBLIC_URL", "ftp://x"), "ALTOCV_PUBLIC_URL", "http or https URL");
    refused(Map.of("ALTOCV_SESSION_IDLE_TIMEOUT", "7 days"), "ALTOCV_SESSION_IDLE_TIMEOUT", "like 90s");
    refused(Map.of("ALTOCV_RATE_AI", "lots"), "ALTOCV_RATE_AI", "like 30/m");
    refused(Map.of("ALTOCV_PRICE_CV", "-1"), "ALTOCV_PRICE_CV", "from 0");
    refused(Map.of("ALTOCV_DEV_LOGIN", "maybe"), "ALTOCV_DEV_LOGIN", "true or false");
    refused(Map.of("ALTOCV_LOG_FORMAT", "xml"), "ALTOCV_LOG_FORMAT", "json, text");
    refused(Map.of("ALTOCV_SESSION_SECRET", "short"), "ALTOCV_SESSION_SECRET", "at least 32");
    refused(Map.of("ALTOCV_OIDC_CLIENT_ID", "id"), "ALTOCV_OIDC_CLIENT_SECRET", "together");
    refused(Map.of("ALTOCV_PORTT", "1"), "ALTOCV_PORTT", "not a setting");
    assertThat(read(Map.of("ALTOCV_AI_PROVIDER", "openai")).port()).as("the AI module's own settings pass")
        .isEqualTo(7070);
    refused(Map.of("DATABASE_URL", "mysql://db/x"), "DATABASE_URL", "postgres://");
  }

  @Test
  void developmentSignInOnlyOnLocalhost() {
    refused(Map.of("ALTOCV_PUBLIC_URL", "https://cv.example.com"), "ALTOCV_DEV_LOGIN", "localhost");
    Settings s = read(Map.of("ALTOCV_PUBLIC_URL", "https://cv.example.com", "ALTOCV_DEV_LOGIN", "false"));
    assertThat(s.https()).isTrue();
    assertThat(read(Map.of("ALTOCV_PUBLIC_URL", "http://127.0.0.1:9000")).devLogin()).isTrue();
    // names that only look local
    refused(Map.of("ALTOCV_PUBLIC_URL", "https://127.attacker.example"), "ALTOCV_DEV_LOGIN", "localhost");
    refused(Map.of("ALTOCV_PUBLIC_URL", "http://127.0.0.1.nip.io"), "ALTOCV_DEV_LOGIN", "localhost");
    assertThat(read(Map.of("ALTOCV_PUBLIC_URL", "http://[::1]:7070")).devLogin()).isTrue();
    assertThat(read(Map.of("ALTOCV_PUBLIC_URL", "http://app.localhost:7070")).devLogin()).isTrue();
    // and it never listens beyond the loopback interface
    refused(Map.of("ALTOCV_BIND", "0.0.0.0"), "ALTOCV_BIND", "loopback");
    assertThat(read(Map.of("ALTOCV_BIND", "0.0.0.0", "ALTOCV_DEV_LOGIN", "false")).bind()).isEqualTo("0.0.0.0");
  }

  @Test
  void aDatabaseUrlNeedsASessionSecretAndTurnsDevSignInOff() {
    Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", "postgres://app:p%40ss@db.internal:5433/altocv"));
    refused(env, "ALTOCV_SESSION_SECRET", "required");
    env.put("ALTOCV_SESSION_SECRET", SECRET);
    Settings s = read(env);
    assertThat(s.databaseUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/altocv?user=app&password=p%40ss");
    assertThat(s.devLogin()).isFalse();
    assertThat(s.bind()).isEqualTo("0.0.0.0");
    assertThat(s.describe().get("database")).doesNotContain("p%40ss").contains("***");
    assertThat(DatabaseUrls.toJdbc("jdbc:postgresql://h/db?user=u")).isEqualTo("jdbc:postgresql://h/db?user=u");
  }

  @Test
  void serveHelpListsEverySetting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"serve", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    for (String name : Settings.names()) {
      assertThat(help).contains(name);
    }
    assertThat(help).contains("--port").contains("--data");
  }

  @Test
  void theReadmeDocumentsEverySettingWithItsDefault() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    for (Settings.Definition d : Settings.DEFINITIONS) {
      assertThat(readme).contains("| `" + d.name() + "` | " + d.defaultValue() + " |");
    }
  }

  @Test
  void serveReadsTheEnvironmentItIsGiven() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"serve"}, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("ALTOCV_PORT", "seventy"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad setting: ALTOCV_PORT must be a whole number");
  }

  @Test
  void serveRefusesAnIncompleteAiConfigurationNamingTheVariable(@org.junit.jupiter.api.io.TempDir Path data) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"serve", "--data", data.toString()}, new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("ALTOCV_AI_PROVIDER", "openai-compatible", "ALTOCV_AI_MODEL", "llama3.1"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad AI setting").contains("ALTOCV_AI_BASE_URL");
  }

  @Test
  void serveRefusesABadSettingWithExitTwo() {
    // the real environment has no bad setting, so check the command's path with a bad option value instead
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"serve", "--port", "-5"}, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port");
  }

  @Test
  void underHttpsCookiesAreSecureAndHstsIsSent() {
    try (TestServer server = TestServer.start(Map.of("ALTOCV_PUBLIC_URL", "https://cv.example.com",
        "ALTOCV_DEV_LOGIN", "false"))) {
      Http.Res r = server.client().get("/signin");
      assertThat(r.header("Strict-Transport-Security")).contains("max-age=");
      assertThat(server.services.auth.cookieName()).isEqualTo("__Host-altocv_session");
      assertThat(server.client().form("/auth/dev", Map.of("email", "a@example.com")).status()).isEqualTo(404);
    }
  }
}
