package dev.altocv.core;

/** A document that was read but breaks the schema; {@link #report()} says where and why. */
public final class CvInvalidException extends AltoCvException {
  private static final long serialVersionUID = 1L;
  private final transient ValidationReport report;

  /**
   * @param report the violations; must not be empty
   */
  public CvInvalidException(ValidationReport report) {
    super("invalid " + report.kind().label() + ":\n" + report);
    this.report = report;
  }

  /**
   * The violations.
   *
   * @return the report
   */
  public ValidationReport report() {
    return report;
  }
}
