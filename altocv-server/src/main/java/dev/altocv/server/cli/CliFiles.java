package dev.altocv.server.cli;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reading inputs and writing outputs for the commands: clear errors, and no half-written output file. */
public final class CliFiles {
  private CliFiles() {}

  /** Inputs larger than this are refused before they are read. */
  public static final long MAX_TEXT_INPUT = 10L * 1024 * 1024;

  /**
   * Reads a text file (UTF-8), or standard input for {@code -}.
   *
   * @param file the file
   * @param what what it is, for messages
   * @return the text
   * @throws CliException with exit code 2 when it cannot be read
   */
  public static String readText(Path file, String what) {
    try {
      if (file.toString().equals("-")) {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (Files.isDirectory(file)) {
        throw new CliException(2, "cannot read " + what + " " + file + ": it is a directory");
      }
      long size = Files.size(file);
      if (size > MAX_TEXT_INPUT) {
        throw new CliException(2, "cannot read " + what + " " + file + ": it is " + size / (1024 * 1024)
            + " MB; the limit is " + MAX_TEXT_INPUT / (1024 * 1024) + " MB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": permission denied");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new CliException(1, what + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads a binary file (a PDF, a DOCX), refusing one larger than a limit before reading it.
   *
   * @param file the file
   * @param what what it is, for messages
   * @param maxBytes the largest size accepted
   * @return the bytes
   * @throws CliException with exit code 2 when it cannot be read, 1 when it is too large
   */
  public static byte[] readBytes(Path file, String what, long maxBytes) {
    try {
      if (Files.isDirectory(file)) {
        throw new CliException(2, "cannot read " + what + " " + file + ": it is a directory");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new CliException(1, file + " is " + size / (1024 * 1024) + " MB; the limit is "
            + maxBytes / (1024 * 1024) + " MB");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": permission denied");
    } catch (IOException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads a CV file: JSON Resume or AltoCV.
   *
   * @param file the file
   * @return the CV
   */
  public static Cv readCv(Path file) {
    String text = readText(file, "CV");
    try {
      return AltoCv.read(text);
    } catch (dev.altocv.core.AltoCvException e) {
      throw new CliException(1, file + ": " + e.getMessage());
    }
  }

  /**
   * Writes text to a file atomically (a temporary file beside it, then a rename), or to standard output when
   * no file is given.
   *
   * @param out standard output
   * @param file the output file, or null for standard output
   * @param text the text
   */
  public static void writeText(PrintWriter out, @Nullable Path file, String text) {
    if (file == null || file.toString().equals("-")) {
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
      return;
    }
    writeBytes(file, (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes bytes to a file atomically.
   *
   * @param file the file
   * @param bytes the content
   */
  public static void writeBytes(Path file, byte[] bytes) {
    writeAtomically(file, bytes);
  }

  /**
   * A temporary file is private (rw-------); the output gets the permissions the file it replaces had, or
   * rw-r--r-- for a new file, as a plain write would give it.
   */
  private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
          : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  private static void writeAtomically(Path file, byte[] bytes) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new CliException(2, "cannot write " + file + ": folder " + dir + " does not exist");
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      keepUsualPermissions(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new CliException(2, "cannot write " + file + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
