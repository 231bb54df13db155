package dev.altocv.core.patch;

/** Where a patch came from; kept with each version for history and audit. */
public enum PatchSource {
  /** Typed by the person. */
  USER("user"),
  /** Proposed by the AI and accepted by the person. */
  AI("ai"),
  /** A one-click fix from ATS analysis. */
  ATS_FIX("ats-fix"),
  /** Tailoring to a job posting. */
  TAILOR("tailor"),
  /** An import (PDF, DOCX, JSON Resume). */
  IMPORT("import");

  private final String json;

  PatchSource(String json) {
    this.json = json;
  }

  /**
   * The name in JSON.
   *
   * @return for example {@code ats-fix}
   */
  public String json() {
    return json;
  }

  /**
   * Looks a source up by its JSON name.
   *
   * @param name for example {@code ai}
   * @return the source
   * @throws IllegalArgumentException naming the allowed sources
   */
  public static PatchSource fromJson(String name) {
    for (PatchSource s : values()) {
      if (s.json.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'source' must be one of user, ai, ats-fix, tailor, import, not '" + name + "'");
  }
}
