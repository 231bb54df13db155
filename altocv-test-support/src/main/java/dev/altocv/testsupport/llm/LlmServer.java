package dev.altocv.testsupport.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The common part of the test servers: a JDK HTTP server on 127.0.0.1 with a random port, a queue of scripted
 * replies (then an optional responder function), and the requests it received.
 */
public abstract class LlmServer implements AutoCloseable {
  /** JSON for the wire formats. */
  protected static final ObjectMapper JSON = new ObjectMapper();
  /** The longest a {@link ScriptedReply.Hang} holds a request. */
  private static final long HANG_LIMIT_SECONDS = 60;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Queue<ScriptedReply> queue = new ConcurrentLinkedQueue<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile @Nullable Function<RecordedRequest, ScriptedReply> responder;
  private volatile int turns;

  /** Starts the server. */
  protected LlmServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, getClass().getSimpleName());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * The port.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The base URL to give the SDK client.
   *
   * @return the URL
   */
  public abstract String baseUrl();

  /**
   * Queues a reply; replies are used in order, one per request.
   *
   * @param reply the reply
   * @return this server
   */
  public LlmServer enqueue(ScriptedReply reply) {
    queue.add(reply);
    return this;
  }

  /**
   * Answers requests with this function once the queue is empty (a scripted model that looks at what it was
   * sent).
   *
   * @param f the function
   * @return this server
   */
  public LlmServer respond(Function<RecordedRequest, ScriptedReply> f) {
    responder = f;
    return this;
  }

  /**
   * The requests received so far, in order.
   *
   * @return a copy
   */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Replies still queued.
   *
   * @return the count
   */
  public int pending() {
    return queue.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      RecordedRequest req = new RecordedRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body);
      requests.add(req);
      ScriptedReply head = queue.peek();
      boolean scriptedFailure = head instanceof ScriptedReply.Error || head instanceof ScriptedReply.Hang
          || head instanceof ScriptedReply.Raw;
      ObjectNode auto = scriptedFailure ? null : automatic(req);
      if (auto != null) {
        send(ex, 200, "application/json", JSON.writeValueAsString(auto), Map.of(), -1);
        return;
      }
      ScriptedReply reply = queue.poll();
      if (reply == null && responder != null) {
        reply = responder.apply(req);
      }
      if (reply == null) {
        reply = ScriptedReply.error(500, "the test server has no reply scripted for request "
            + requests.size() + " (" + req.path() + ")");
      }
      if (reply instanceof ScriptedReply.Hang) {
        try {
          closed.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (reply instanceof ScriptedTurn t && !t.delay().isZero()) {
        try {
          if (closed.await(t.delay().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (reply instanceof ScriptedReply.Raw raw) {
        send(ex, raw.status(), raw.contentType(), raw.body(), Map.of(), -1);
      } else if (reply instanceof ScriptedReply.Error err) {
        send(ex, err.status(), "application/json", errorBody(err), err.headers(), -1);
      } else if (reply instanceof ScriptedTurn turn) {
        int n = ++turns;
        boolean stream = req.body().isEmpty() ? false : req.json().path("stream").asBoolean(false);
        if (stream) {
          List<String> events = events(turn, req, n);
          StringBuilder all = new StringBuilder();
          int cut = -1;
          for (int i = 0; i < events.size(); i++) {
            if (i == turn.cutAfterEvents()) {
              cut = all.length();
            }
            all.append(events.get(i));
          }
          send(ex, 200, "text/event-stream", all.toString(), Map.of(), cut);
        } else {
          send(ex, 200, "application/json", JSON.writeValueAsString(message(turn, req, n)), Map.of(), -1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away (a time-out, a cut): nothing to do
    }
  }

  /**
   * Sends a body; with {@code cutAt >= 0}, declares the whole length but sends only the first {@code cutAt}
   * characters, then closes the connection: the client sees the body end early.
   */
  private static void send(HttpExchange ex, int status, String type, String body, Map<String, String> headers,
      int cutAt) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type + ("text/event-stream".equals(type) ? "; charset=utf-8" : ""));
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (cutAt >= 0) {
      byte[] part = body.substring(0, cutAt).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, bytes.length);
      OutputStream out = ex.getResponseBody();
      out.write(part);
      out.flush();
      throw new IOException("cut"); // leaves the fixed-length body short; the connection is dropped
    }
    if ("text/event-stream".equals(type)) {
      ex.sendResponseHeaders(status, 0); // chunked: each event is flushed as it is written
      OutputStream out = ex.getResponseBody();
      for (String event : body.split("(?<=\n\n)")) {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      return;
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
  }

  /**
   * An answer that needs no script (embeddings), or null. Used unless the next queued reply is an error, a
   * hang or a recorded response.
   *
   * @param request the request
   * @return the JSON body, or null
   */
  protected @Nullable ObjectNode automatic(RecordedRequest request) {
    return null;
  }

  /**
   * The stream events of a turn, each ending with a blank line.
   *
   * @param turn the turn
   * @param request the request
   * @param n the turn's number on this server, from 1
   * @return the events
   */
  protected abstract List<String> events(ScriptedTurn turn, RecordedRequest request, int n);

  /**
   * The non-streamed answer of a turn.
   *
   * @param turn the turn
   * @param request the request
   * @param n the turn's number
   * @return the JSON body
   */
  protected abstract ObjectNode message(ScriptedTurn turn, RecordedRequest request, int n);

  /**
   * The provider's error body.
   *
   * @param error the error
   * @return the JSON text
   */
  protected abstract String errorBody(ScriptedReply.Error error);

  /** Stops the server, releasing requests held by {@link ScriptedReply.Hang}. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
