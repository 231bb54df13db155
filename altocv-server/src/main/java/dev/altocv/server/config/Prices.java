package dev.altocv.server.config;

/**
 * What each action costs in credits, and what a user is given.
 *
 * @param signupCredits credits a new user gets
 * @param createCv creating or duplicating a CV
 * @param chatMessage one AI chat message
 * @param atsAnalysis one ATS analysis
 * @param atsFix one one-click ATS fix
 * @param export one PDF or DOCX export
 * @param importFile one PDF or DOCX import
 * @param tailor tailoring a CV to a posting
 * @param proMonthlyCredits the monthly allowance PRO users are topped up to
 */
public record Prices(int signupCredits, int createCv, int chatMessage, int atsAnalysis, int atsFix, int export,
    int importFile, int tailor, int proMonthlyCredits) {

  /** The documented defaults. */
  public static final Prices DEFAULTS = new Prices(50, 5, 1, 10, 1, 2, 3, 5, 500);
}
