package dev.altocv.ai.spi;

import java.time.Duration;

/** Expert: waits between retries. Tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /**
   * Waits.
   *
   * @param duration how long
   * @throws InterruptedException when the thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
