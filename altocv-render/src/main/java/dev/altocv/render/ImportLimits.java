package dev.altocv.render;

import java.time.Duration;
import java.util.Objects;

/**
 * What an import may cost. A file over a limit is refused with an {@link ImportException}, never half read.
 *
 * @param maxBytes largest file accepted (default 10 MB)
 * @param maxPages most PDF pages read (default 20)
 * @param timeout longest time one import may take (default 10 s)
 * @param maxMemoryBytes most memory PDFBox may use for the document's streams (default 64 MB)
 * @param maxZipEntries most parts a DOCX may have (default 1,000)
 * @param maxUnzippedBytes most bytes a DOCX may unpack to (default 50 MB)
 */
public record ImportLimits(long maxBytes, int maxPages, Duration timeout, long maxMemoryBytes, int maxZipEntries,
    long maxUnzippedBytes) {

  /** The defaults. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(10L << 20, 20, Duration.ofSeconds(10), 64L << 20, 1000, 50L << 20);

  /**
   * Checks that every limit is positive.
   *
   * @throws IllegalArgumentException naming the limit that is not
   */
  public ImportLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxBytes <= 0 || maxPages <= 0 || timeout.isNegative() || timeout.isZero() || maxMemoryBytes <= 0
        || maxZipEntries <= 0 || maxUnzippedBytes <= 0) {
      throw new IllegalArgumentException("import limits must be positive: maxBytes=" + maxBytes + ", maxPages="
          + maxPages + ", timeout=" + timeout + ", maxMemoryBytes=" + maxMemoryBytes + ", maxZipEntries="
          + maxZipEntries + ", maxUnzippedBytes=" + maxUnzippedBytes);
    }
  }

  /**
   * A copy with another size limit.
   *
   * @param bytes the largest file accepted
   * @return the copy
   */
  public ImportLimits withMaxBytes(long bytes) {
    return new ImportLimits(bytes, maxPages, timeout, maxMemoryBytes, maxZipEntries, maxUnzippedBytes);
  }

  /**
   * A copy with another page limit.
   *
   * @param pages the most pages read
   * @return the copy
   */
  public ImportLimits withMaxPages(int pages) {
    return new ImportLimits(maxBytes, pages, timeout, maxMemoryBytes, maxZipEntries, maxUnzippedBytes);
  }

  /**
   * A copy with another time limit.
   *
   * @param limit the longest time an import may take
   * @return the copy
   */
  public ImportLimits withTimeout(Duration limit) {
    return new ImportLimits(maxBytes, maxPages, limit, maxMemoryBytes, maxZipEntries, maxUnzippedBytes);
  }

  /**
   * A copy with other DOCX archive limits.
   *
   * @param entries the most parts
   * @param unzippedBytes the most bytes unpacked
   * @return the copy
   */
  public ImportLimits withZipLimits(int entries, long unzippedBytes) {
    return new ImportLimits(maxBytes, maxPages, timeout, maxMemoryBytes, entries, unzippedBytes);
  }
}
