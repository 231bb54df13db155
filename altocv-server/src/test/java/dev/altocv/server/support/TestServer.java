package dev.altocv.server.support;

import dev.altocv.server.App;
import dev.altocv.server.Services;
import dev.altocv.server.ai.ChatEngine;
import dev.altocv.server.config.Settings;
import dev.altocv.server.jobs.Jobs;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real server on 127.0.0.1 over a fresh schema, with a clock the test moves. One per test class. */
public final class TestServer implements AutoCloseable {
  /** The test session secret. */
  public static final String SECRET = "test-secret-test-secret-test-secret-0123";

  public final TestDatabase db;
  public final MutableClock clock = new MutableClock();
  public final Services services;
  public final Javalin app;
  public final int port;

  private TestServer(Map<String, String> env, List<Jobs.Type> jobTypes, boolean startJobs, ChatEngine engine) {
    this.port = freePort();
    this.db = TestDatabase.fresh(12);
    Map<String, String> e = new HashMap<>();
    e.put("ALTOCV_SESSION_SECRET", SECRET);
    e.put("ALTOCV_DEV_LOGIN", "true");
    e.put("ALTOCV_SAMPLE_CV", "false");
    e.putAll(env);
    Settings settings = Settings.fromEnvironment(e, port, Path.of("target/test-data"), p -> SECRET);
    this.services = new Services(settings, db.dataSource(), clock, new Services.Options(
        new Jobs.Config(2, Duration.ofMillis(200), Duration.ofSeconds(1)), jobTypes,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), engine));
    this.app = App.create(services);
    app.start("127.0.0.1", port);
    if (startJobs) {
      services.start();
    }
  }

  /**
   * Starts a server.
   *
   * @param env extra settings
   * @return the server
   */
  public static TestServer start(Map<String, String> env) {
    return new TestServer(env, List.of(), true, null);
  }

  /**
   * Starts a server with extra job types.
   *
   * @param env extra settings
   * @param jobTypes job types
   * @param startJobs whether to start the job queue
   * @return the server
   */
  public static TestServer start(Map<String, String> env, List<Jobs.Type> jobTypes, boolean startJobs) {
    return new TestServer(env, jobTypes, startJobs, null);
  }

  /**
   * Starts a server with an AI engine.
   *
   * @param env extra settings
   * @param engine the engine
   * @return the server
   */
  public static TestServer withEngine(Map<String, String> env, ChatEngine engine) {
    return new TestServer(env, List.of(), true, engine);
  }

  /** @return the base URL */
  public String base() {
    return "http://localhost:" + port;
  }

  /** @return a new client with its own cookies */
  public Http client() {
    return new Http(base());
  }

  /**
   * A signed-in client.
   *
   * @param email the address
   * @return the client
   */
  public Http user(String email) {
    return client().signIn(email);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
    services.close();
    db.close();
  }
}
