package dev.altocv.server.match;

import dev.altocv.core.embed.Embedder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model for semantic matching, loaded once, lazily and off the request path: {@link #startLoading()}
 * loads it on a background thread (the server calls it at start-up); until it is ready, and when it is turned
 * off or fails to load, matching is lexical and says so ({@code semantic: false}).
 */
public final class Embeddings {
  private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);

  private final @Nullable Supplier<Embedder> loader;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile @Nullable Embedder embedder;
  private volatile String state;

  /**
   * @param loader loads the model (for example {@code LocalEmbedder::create}), or null when semantic matching is
   *     off
   */
  public Embeddings(@Nullable Supplier<Embedder> loader) {
    this.loader = loader;
    this.state = loader == null ? "off" : "not loaded";
    if (loader == null) {
      settled.countDown();
    }
  }

  /** Starts loading the model in the background (once; later calls do nothing). */
  public void startLoading() {
    Supplier<Embedder> l = loader;
    if (l == null || !started.compareAndSet(false, true)) {
      return;
    }
    state = "loading";
    Thread t = new Thread(() -> {
      long start = System.nanoTime();
      try {
        Embedder e = l.get();
        embedder = e;
        state = "ready";
        LOG.atInfo().addKeyValue("model", e.modelId()).addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
            .log("embedding model loaded: job matching is semantic");
      } catch (RuntimeException | LinkageError e) {
        state = "failed";
        LOG.atWarn().addKeyValue("error", String.valueOf(e.getMessage()))
            .log("embedding model could not be loaded: job matching stays lexical");
      } finally {
        settled.countDown();
      }
    }, "altocv-embedding-load");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The model, when it is loaded.
   *
   * @return the embedder, or empty while loading, when off or failed
   */
  public Optional<Embedder> get() {
    return Optional.ofNullable(embedder);
  }

  /**
   * Where loading stands.
   *
   * @return off, not loaded, loading, ready or failed
   */
  public String state() {
    return state;
  }

  /**
   * Waits until loading has finished (for tests and benchmarks).
   *
   * @param timeout the longest wait
   * @return true when it finished in time
   */
  public boolean await(Duration timeout) {
    try {
      return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
