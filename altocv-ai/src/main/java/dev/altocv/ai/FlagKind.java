package dev.altocv.ai;

import java.util.Locale;

/**
 * Why a proposed edit needs the person's attention before it is applied. Flagged edits are left out of
 * {@link Proposal#acceptUnflagged} and shown with their flags.
 */
public enum FlagKind {
  /**
   * The edit changes an identity field (name, contact details, employer, job title, dates, degree,
   * institution) or adds or removes a job, and the person's own message did not ask for it.
   */
  IDENTITY_CHANGE,
  /** The new text has a number that appears neither in the CV nor in the person's messages. */
  UNVERIFIED_FIGURE,
  /** An added skill that nothing in the CV or the person's messages supports. */
  UNSUPPORTED_SKILL,
  /** The edit removes content (a job, a bullet, a skill) though the person did not ask to remove anything. */
  UNREQUESTED_REMOVAL,
  /** The new text has an e-mail address, URL or phone number that is neither in the CV nor in the messages. */
  UNVERIFIED_CONTACT,
  /** The new text copies a long passage of the job posting word for word. */
  COPIED_FROM_POSTING;

  /**
   * The name in JSON.
   *
   * @return for example {@code unverified-figure}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Looks a kind up by its JSON name.
   *
   * @param name for example {@code identity-change}
   * @return the kind
   * @throws IllegalArgumentException naming the kinds
   */
  public static FlagKind fromJson(String name) {
    for (FlagKind k : values()) {
      if (k.json().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown flag '" + name + "'; flags: identity-change, unverified-figure, "
        + "unsupported-skill, unrequested-removal, unverified-contact, copied-from-posting");
  }
}
