package dev.altocv.core.job;

/**
 * A posting in a language AltoCV's analyzers do not cover (they cover English): matching it would give
 * meaningless scores, so it is refused.
 */
public final class UnsupportedLanguageException extends JobPostingException {
  private static final long serialVersionUID = 1L;
  private final String language;

  /**
   * @param language the ISO 639-1 code detected ({@code und} when unrecognised)
   * @param name the language's English name
   */
  public UnsupportedLanguageException(String language, String name) {
    super("the posting appears to be in " + name + "; AltoCV's job analysis covers English only, so skills, "
        + "requirements and scores would be meaningless. Use an English version of the posting.");
    this.language = language;
  }

  /**
   * The detected language.
   *
   * @return an ISO 639-1 code such as {@code de}, or {@code und}
   */
  public String language() {
    return language;
  }
}
