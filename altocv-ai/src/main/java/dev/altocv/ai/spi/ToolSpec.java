package dev.altocv.ai.spi;

import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name the name, for example {@code rewrite_highlight}
 * @param description what it does, for the model
 * @param parametersSchema the JSON Schema of its arguments (a JSON object, as text)
 */
public record ToolSpec(String name, String description, String parametersSchema) {
  /** Checks the values. */
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parametersSchema, "parametersSchema");
  }
}
