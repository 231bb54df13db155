package dev.altocv.server.cli;

import dev.altocv.core.AltoCvException;
import dev.altocv.core.job.JobPosting;
import java.nio.file.Path;
import java.util.Locale;

/** Reading job postings for the commands: plain text, or HTML (by extension or by its tags). */
final class JobFiles {
  private JobFiles() {}

  /**
   * Reads and parses a posting.
   *
   * @param file the file
   * @return the posting
   * @throws CliException 2 when unreadable, 1 when empty or not in a language AltoCV covers
   */
  static JobPosting read(Path file) {
    String text = CliFiles.readText(file, "job posting");
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      return name.endsWith(".html") || name.endsWith(".htm") ? JobPosting.parseHtml(text) : JobPosting.parse(text);
    } catch (AltoCvException e) {
      throw new CliException(1, file + ": " + e.getMessage());
    }
  }
}
