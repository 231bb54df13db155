package dev.altocv.ai;

import java.util.Objects;

/**
 * A tool call of the model that could not become an edit: an unknown tool, arguments that break the tool's
 * schema, an id that is not in the CV, text that does not match.
 *
 * @param tool the tool name as the model wrote it
 * @param arguments the arguments as the model wrote them
 * @param error why it was refused
 * @param returnedToModel whether the error was sent back to the model so it could correct the call (that
 *     happens once per turn; later invalid calls are only reported)
 */
public record RejectedCall(String tool, String arguments, String error, boolean returnedToModel) {
  /** Checks the values. */
  public RejectedCall {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(error, "error");
  }
}
