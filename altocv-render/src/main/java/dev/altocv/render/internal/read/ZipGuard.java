package dev.altocv.render.internal.read;

import dev.altocv.render.ImportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a DOCX (a zip archive) before any XML parser sees it: at most so many entries, so many bytes
 * uncompressed in all and per entry, and no entry that inflates beyond a ratio. The sizes are measured by
 * inflating, not taken from the archive's headers, which a zip bomb lies in.
 */
final class ZipGuard {
  private ZipGuard() {}

  static void check(byte[] data, int maxEntries, long maxTotal) {
    long total = 0;
    int entries = 0;
    byte[] buf = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries++;
        if (entries > maxEntries) {
          throw new ImportException(ImportException.Reason.ZIP_BOMB, "the DOCX has more than " + maxEntries
              + " parts; a Word document of a CV has a few dozen. It was not read.");
        }
        long entry = 0;
        int n;
        try (InputStream in = new LimitedStream(zip)) {
          while ((n = in.read(buf)) > 0) {
            entry += n;
            total += n;
            if (total > maxTotal) {
              throw new ImportException(ImportException.Reason.ZIP_BOMB, "the DOCX unpacks to more than "
                  + maxTotal / (1024 * 1024) + " MB (it is " + data.length / 1024
                  + " KB packed); this looks like a zip bomb. It was not read.");
            }
          }
        }
        if (entry > 64 * 1024 && e.getCompressedSize() > 0 && entry / Math.max(1, e.getCompressedSize()) > 100) {
          throw new ImportException(ImportException.Reason.ZIP_BOMB, "a part of the DOCX (" + e.getName()
              + ") inflates " + entry / e.getCompressedSize() + " times; this looks like a zip bomb. It was not read.");
        }
      }
    } catch (ZipException ex) {
      throw new ImportException(ImportException.Reason.CORRUPT,
          "the file is not a readable DOCX (the zip archive is damaged: " + ex.getMessage() + ")");
    } catch (IOException ex) {
      throw new ImportException(ImportException.Reason.CORRUPT, "the file is not a readable DOCX: " + ex.getMessage());
    }
    if (entries == 0) {
      throw new ImportException(ImportException.Reason.CORRUPT, "the file is not a readable DOCX (the archive is empty)");
    }
  }

  /** Reads one zip entry without closing the archive. */
  private static final class LimitedStream extends InputStream {
    private final ZipInputStream zip;

    LimitedStream(ZipInputStream zip) {
      this.zip = zip;
    }

    @Override
    public int read() throws IOException {
      return zip.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return zip.read(b, off, len);
    }

    @Override
    public void close() {
      // the archive stays open for the next entry
    }
  }
}
