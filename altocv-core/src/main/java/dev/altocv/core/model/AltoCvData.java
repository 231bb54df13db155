package dev.altocv.core.model;

import java.util.List;
import java.util.Objects;

/**
 * AltoCV's own parts of a document, stored under the top-level {@code "altocv"} key beside the JSON Resume
 * sections and dropped on JSON Resume export.
 *
 * @param design design settings
 * @param customSections sections the person names themselves
 */
public record AltoCvData(Design design, List<CustomSection> customSections) {

  /** Defaults: default design, no custom sections. */
  public static final AltoCvData DEFAULT = new AltoCvData(Design.DEFAULT, List.of());

  /** Null arguments take the defaults. */
  public AltoCvData {
    design = Objects.requireNonNullElse(design, Design.DEFAULT);
    customSections = Extras.list(customSections);
  }
}
