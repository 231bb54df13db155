package dev.altocv.server.cli;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
   * Reads a text file (UTF-8, a byte order mark skipped), or standard input for {@code -}.
   *
   * @param file the file
   * @param what what it is, for messages
   * @return the text
   * @throws CliException with exit code 2 when it cannot be read, 1 when it is too large or not UTF-8
   */
  public static String readText(Path file, String what) {
    byte[] bytes;
    String name = file.toString().equals("-") ? "standard input" : file.toString();
    try {
      if (file.toString().equals("-")) {
        bytes = System.in.readNBytes((int) MAX_TEXT_INPUT + 1); // one byte over the limit tells it was too large
      } else {
        if (Files.isDirectory(file)) {
          throw new CliException(2, "cannot read " + what + " " + file + ": it is a directory");
        }
        long size = Files.size(file);
        if (size > MAX_TEXT_INPUT) {
          throw tooLarge(what, name, size, MAX_TEXT_INPUT);
        }
        bytes = Files.readAllBytes(file);
      }
    } catch (NoSuchFileException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": permission denied");
    } catch (IOException e) {
      throw new CliException(2, "cannot read " + what + " " + name + ": " + reason(e));
    }
    if (bytes.length > MAX_TEXT_INPUT) {
      throw tooLarge(what, name, bytes.length, MAX_TEXT_INPUT);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new CliException(1, what + " " + name + " is not UTF-8 text (a malformed byte sequence near byte "
          + in.position() + "); save it as UTF-8");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static CliException tooLarge(String what, String name, long size, long max) {
    return new CliException(1, what + " " + name + " is " + megabytes(size) + "; the limit is " + megabytes(max));
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return (mb == Math.floor(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
        + " MB";
  }

  /** Why an I/O operation failed, in words, without the temporary file names it may mention. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Checks an output file before anything is read or written: it is none of the inputs, its folder exists and is
   * writable, and it is not a folder. Commands with two outputs check both first, so a failure leaves neither.
   *
   * @param output the output file, or null (standard output)
   * @param inputs the files the command reads (null or {@code -} entries are skipped)
   * @throws CliException with exit code 2
   */
  public static void checkOutput(@Nullable Path output, @Nullable Path... inputs) {
    if (output == null || output.toString().equals("-")) {
      return;
    }
    refuseOverwritingInput(output, inputs);
    Path abs = output.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new CliException(2, "cannot write " + output + ": it is a directory");
    }
    if (Files.exists(abs)) {
      if (!Files.isWritable(abs)) {
        throw new CliException(2, "cannot write " + output + ": permission denied");
      }
      return;
    }
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CliException(2, "cannot write " + output + ": folder " + dir + " does not exist");
    }
    if (dir != null && !Files.isWritable(dir)) {
      throw new CliException(2, "cannot write " + output + ": permission denied (folder " + dir + ")");
    }
  }

  /** Refuses an output path that is one of the inputs: writing it would destroy the input. */
  private static void refuseOverwritingInput(Path output, @Nullable Path... inputs) {
    for (Path in : inputs) {
      if (in == null || in.toString().equals("-")) {
        continue;
      }
      boolean same;
      try {
        same = Files.exists(output) && Files.exists(in) ? Files.isSameFile(output, in)
            : output.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
      } catch (IOException e) {
        same = false;
      }
      if (same) {
        throw new CliException(2, "the output " + output + " is the input " + in + ": write to another file");
      }
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
        throw tooLarge(what, file.toString(), size, maxBytes);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": permission denied");
    } catch (IOException e) {
      throw new CliException(2, "cannot read " + what + " " + file + ": " + reason(e));
    }
  }

  /**
   * Reads a CV file: JSON Resume or AltoCV.
   *
   * @param file the file
   * @return the CV
   */
  public static Cv readCv(Path file) {
    return parseCv(file, readText(file, "CV"));
  }

  /**
   * Parses CV text already read from a file (JSON Resume or AltoCV), for a command that also needs the text.
   *
   * @param file where it was read, for messages
   * @param text the text
   * @return the CV
   */
  public static Cv parseCv(Path file, String text) {
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
    Path tmp = null;
    try {
      if (Files.isDirectory(abs)) {
        throw new CliException(2, "cannot write " + file + ": it is a directory");
      }
      if (Files.isSymbolicLink(abs) && Files.exists(abs)) {
        abs = abs.toRealPath(); // replace the file the link points to, and keep the link
      }
      if (Files.exists(abs) && !Files.isRegularFile(abs)) {
        // a device or a pipe (/dev/stdout, a FIFO): written as it is, never replaced by a regular file
        try (var out = Files.newOutputStream(abs)) {
          out.write(bytes);
        }
        return;
      }
      Path dir = abs.getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        throw new CliException(2, "cannot write " + file + ": folder " + dir + " does not exist");
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      keepUsualPermissions(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new CliException(2, "cannot write " + file + ": " + reason(e));
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
