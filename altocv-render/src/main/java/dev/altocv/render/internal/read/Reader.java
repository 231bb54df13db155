package dev.altocv.render.internal.read;

import dev.altocv.core.model.Cv;
import dev.altocv.render.ImportException;
import dev.altocv.render.ImportException.Reason;
import dev.altocv.render.ImportLimits;
import dev.altocv.render.ImportResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The import pipeline: checks, format detection, limits, and the reading itself on a worker thread. */
public final class Reader {
  private Reader() {}

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "altocv-import");
    t.setDaemon(true);
    return t;
  });

  /** Fewer visible characters than this: the file has no text to speak of. */
  static final int MIN_CHARACTERS = 20;

  /**
   * Reads a file within limits.
   *
   * @param data the bytes
   * @param name the file name, for messages
   * @param limits the limits
   * @return what was read
   */
  public static ImportResult read(byte[] data, String name, ImportLimits limits) {
    if (data.length == 0) {
      throw new ImportException(Reason.EMPTY, name + " is empty (0 bytes)");
    }
    if (data.length > limits.maxBytes()) {
      throw new ImportException(Reason.TOO_LARGE, name + " is " + mb(data.length) + "; the limit is "
          + mb(limits.maxBytes()) + ". A CV is rarely over 2 MB: export it again without large pictures.");
    }
    Kind kind = kind(data);
    if (kind == Kind.OLE2) {
      throw ole2(data, name);
    }
    if (kind == Kind.OTHER) {
      throw new ImportException(Reason.UNSUPPORTED, name + " is neither a PDF nor a Word document (.docx)"
          + (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? ": it does not start like a PDF" : ""));
    }
    long timeout = limits.timeout().toMillis();
    Deadline deadline = new Deadline(timeout);
    Future<ImportResult> f = WORKERS.submit(() -> kind == Kind.PDF ? pdf(data, name, limits, deadline)
        : docx(data, name, limits, deadline));
    try {
      return f.get(timeout + 250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ImportException(Reason.TIMEOUT, "reading " + name + " took longer than the limit of " + timeout
          + " ms; it is too complex to import");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new ImportException(Reason.TIMEOUT, "the import of " + name + " was interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof ImportException ie) {
        throw new ImportException(ie.reason(), ie.getMessage().startsWith(name) ? ie.getMessage()
            : name + ": " + ie.getMessage(), ie);
      }
      if (c instanceof OutOfMemoryError) {
        throw new ImportException(Reason.TOO_COMPLEX, name + " needs more memory to read than this import may use");
      }
      throw new ImportException(Reason.CORRUPT, name + " could not be read: " + c, c);
    }
  }

  private enum Kind { PDF, ZIP, OLE2, OTHER }

  private static Kind kind(byte[] d) {
    int limit = Math.min(d.length - 4, 1024);
    for (int i = 0; i < limit; i++) {
      if (d[i] == '%' && d[i + 1] == 'P' && d[i + 2] == 'D' && d[i + 3] == 'F') {
        return Kind.PDF;
      }
    }
    if (d.length >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4) {
      return Kind.ZIP;
    }
    if (d.length >= 8 && (d[0] & 0xff) == 0xd0 && (d[1] & 0xff) == 0xcf && (d[2] & 0xff) == 0x11
        && (d[3] & 0xff) == 0xe0) {
      return Kind.OLE2;
    }
    return Kind.OTHER;
  }

  private static ImportException ole2(byte[] data, String name) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(data))) {
      if (fs.getRoot().hasEntry("EncryptedPackage")) {
        return new ImportException(Reason.ENCRYPTED, name + " is protected by a password; open it in Word, "
            + "remove the password (File > Info > Protect Document) and import it again");
      }
    } catch (IOException | RuntimeException e) {
      return new ImportException(Reason.CORRUPT, name + " is a damaged Office file");
    }
    return new ImportException(Reason.UNSUPPORTED, name + " is an old Word document (.doc); save it as .docx "
        + "or PDF and import that");
  }

  private static ImportResult pdf(byte[] data, String name, ImportLimits limits, Deadline deadline) {
    PDDocument doc;
    try {
      doc = Loader.loadPDF(new RandomAccessReadBuffer(data), "",
          MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache);
    } catch (InvalidPasswordException e) {
      throw new ImportException(Reason.ENCRYPTED, name + " is protected by a password; save a copy without the "
          + "password and import that", e);
    } catch (IOException e) {
      throw memoryOr(e, name, new ImportException(Reason.CORRUPT, name + " is not a readable PDF (" + e.getMessage()
          + ")", e), limits);
    }
    try (doc) {
      int pages = doc.getNumberOfPages();
      if (pages == 0) {
        throw new ImportException(Reason.EMPTY, name + " has no pages");
      }
      if (pages > limits.maxPages()) {
        throw new ImportException(Reason.TOO_MANY_PAGES, name + " has " + pages + " pages; the limit is "
            + limits.maxPages() + ". A CV has one to three.");
      }
      deadline.check();
      PdfText.Result text;
      try {
        text = PdfText.read(doc, deadline);
      } catch (IOException e) {
        throw memoryOr(e, name, new ImportException(Reason.CORRUPT, name + " is damaged: its text could not be read ("
            + e.getMessage() + ")", e), limits);
      }
      int chars = countChars(text.lines());
      if (chars < MIN_CHARACTERS) {
        if (text.unmapped() > MIN_CHARACTERS) {
          throw new ImportException(Reason.NO_TEXT, name + ": the text of this PDF cannot be read (its fonts "
              + "do not say which letters their glyphs are); export the CV again from the program that made it");
        }
        if (chars > 0) {
          throw new ImportException(Reason.NO_TEXT, name + " has almost no text (" + chars + " letters and digits); "
              + "there is not enough of a CV in it to import. Write the CV in AltoCV, or import the full CV");
        }
        throw new ImportException(Reason.NO_TEXT, "this PDF is a picture; it has no text to read (it was "
            + "probably scanned or exported as an image). Export the CV from the program that made it as a PDF "
            + "with text, or as a DOCX");
      }
      if (text.unmapped() > chars) {
        throw new ImportException(Reason.NO_TEXT, name + ": most of the text of this PDF cannot be read (its "
            + "fonts do not say which letters their glyphs are); export the CV again from the program that made it");
      }
      return result(text.lines(), "pdf", pages, deadline);
    } catch (IOException e) {
      throw new ImportException(Reason.CORRUPT, name + " could not be closed cleanly: " + e.getMessage(), e);
    }
  }

  private static ImportException memoryOr(IOException e, String name, ImportException otherwise, ImportLimits limits) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("memory")) {
      return new ImportException(Reason.TOO_COMPLEX, name + " needs more than " + mb(limits.maxMemoryBytes())
          + " of memory to read; it is too complex to import", e);
    }
    return otherwise;
  }

  private static ImportResult docx(byte[] data, String name, ImportLimits limits, Deadline deadline) {
    ZipGuard.check(data, limits.maxZipEntries(), limits.maxUnzippedBytes());
    deadline.check();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
      List<Line> lines = DocxText.read(doc, deadline);
      if (countChars(lines) < MIN_CHARACTERS) {
        throw new ImportException(Reason.NO_TEXT, name + " has no text to read (a CV made of pictures cannot be "
            + "imported)");
      }
      return result(lines, "docx", 0, deadline);
    } catch (EncryptedDocumentException e) {
      throw new ImportException(Reason.ENCRYPTED, name + " is protected by a password", e);
    } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException
        | org.apache.poi.UnsupportedFileFormatException e) {
      throw docxProblem(name, e);
    }
  }

  /**
   * What is wrong with a DOCX that Apache POI refused, in words (POI's messages name its classes and settings).
   *
   * @param name the file's name
   * @param e what POI threw
   * @return the error to report
   */
  public static ImportException docxProblem(String name, Exception e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(' ').append(t.getMessage());
    }
    String m = all.toString().toLowerCase(java.util.Locale.ROOT);
    if (m.contains("zip bomb")) {
      return new ImportException(Reason.ZIP_BOMB, name + ": a part of it inflates far more than a Word document's "
          + "do; this looks like a zip bomb. It was not read.", e);
    }
    String why;
    if (m.contains("doctype")) {
      why = "it declares a DOCTYPE, which Word never writes (refused: such documents can reach outside files)";
    } else if (m.contains("content type")) {
      why = "it is a zip archive without the parts of a Word document ([Content_Types].xml)";
    } else if (m.contains("no valid entries") || m.contains("not a valid") || m.contains("zip")) {
      why = "its zip archive is damaged or is not a Word document";
    } else {
      why = "its content is damaged";
    }
    return new ImportException(Reason.CORRUPT, name + " is not a readable Word document (.docx): " + why, e);
  }


  private static ImportResult result(List<Line> lines, String format, int pages, Deadline deadline) {
    deadline.check();
    CvReader r = new CvReader(lines);
    Cv cv = r.read();
    return new ImportResult(cv, r.confidence, r.unplaced, r.warnings, format, pages);
  }

  private static int countChars(List<Line> lines) {
    int n = 0;
    for (Line l : lines) {
      for (int i = 0; i < l.text().length(); i++) {
        if (!Character.isWhitespace(l.text().charAt(i))) {
          n++;
        }
      }
    }
    return n;
  }

  private static String mb(long bytes) {
    return bytes >= 1 << 20 ? bytes / (1 << 20) + " MB" : bytes / 1024 + " KB";
  }
}
