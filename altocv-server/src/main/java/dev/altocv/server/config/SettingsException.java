package dev.altocv.server.config;

import dev.altocv.core.AltoCvException;

/** A setting with a bad value; the message starts with the setting's name. */
public final class SettingsException extends AltoCvException {
  private static final long serialVersionUID = 1L;
  private final String setting;

  /**
   * @param setting the environment variable or option
   * @param problem what is wrong with its value
   */
  public SettingsException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
  }

  /**
   * The setting at fault.
   *
   * @return its name
   */
  public String setting() {
    return setting;
  }
}
