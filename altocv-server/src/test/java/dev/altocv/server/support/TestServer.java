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
import java.util.function.UnaryOperator;

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
    this(env, jobTypes, startJobs, o -> o.withChatEngine(engine));
  }

  private TestServer(Map<String, String> env, List<Jobs.Type> jobTypes, boolean startJobs,
      UnaryOperator<Services.Options> options) {
    this.port = freePort();
    this.db = TestDatabase.fresh(12);
    Map<String, String> e = new HashMap<>();
    e.put("ALTOCV_SESSION_SECRET", SECRET);
    e.put("ALTOCV_DEV_LOGIN", "true");
    e.put("ALTOCV_SAMPLE_CV", "false");
    e.put("ALTOCV_SEMANTIC_MATCH", "false");
    e.putAll(env);
    Settings settings = Settings.fromEnvironment(e, port, Path.of("target/test-data"), p -> SECRET);
    this.services = new Services(settings, db.dataSource(), clock, options.apply(new Services.Options(
        new Jobs.Config(2, Duration.ofMillis(200), Duration.ofSeconds(1)), jobTypes,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null)));
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
    return new TestServer(env, List.of(), true, (ChatEngine) null);
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
    return new TestServer(env, jobTypes, startJobs, (ChatEngine) null);
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

  /**
   * Starts a server with changed options (an AI engine from the environment, a fetch policy...).
   *
   * @param env extra settings
   * @param options changes the options
   * @return the server
   */
  public static TestServer withOptions(Map<String, String> env, UnaryOperator<Services.Options> options) {
    return new TestServer(env, List.of(), true, options);
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
