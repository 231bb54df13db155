package dev.altocv.render.internal.read;

import dev.altocv.render.ImportException;

/** A time limit checked while reading. */
final class Deadline {
  private final long end;
  private final long limitMillis;

  Deadline(long limitMillis) {
    this.limitMillis = limitMillis;
    this.end = System.nanoTime() + limitMillis * 1_000_000L;
  }

  void check() {
    if (System.nanoTime() > end || Thread.currentThread().isInterrupted()) {
      throw new ImportException(ImportException.Reason.TIMEOUT,
          "reading the file took longer than the limit of " + limitMillis + " ms; it is too complex to import");
    }
  }
}
