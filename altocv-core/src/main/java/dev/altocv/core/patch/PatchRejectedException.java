package dev.altocv.core.patch;

import dev.altocv.core.AltoCvException;
import dev.altocv.core.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A patch that did not apply, or could not be read. The CV it was applied to is unchanged.
 *
 * <p>{@link #operationIndex()} is the 0-based index of the failing operation, or -1 when the patch as a whole
 * failed (it could not be read, or its result breaks the schema: then {@link #violations()} says where).
 */
public final class PatchRejectedException extends AltoCvException {
  private static final long serialVersionUID = 1L;
  private final int operationIndex;
  private final transient @Nullable PatchOp operation;
  private final String reason;
  private final transient List<Violation> violations;

  /**
   * @param operationIndex the failing operation's index, or -1
   * @param operation the failing operation, when known
   * @param reason why, for a person
   * @param violations schema violations of the result, if that is the reason
   */
  public PatchRejectedException(int operationIndex, @Nullable PatchOp operation, String reason,
      List<Violation> violations) {
    super(message(operationIndex, operation, reason, violations));
    this.operationIndex = operationIndex;
    this.operation = operation;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  /**
   * @param operationIndex the failing operation's index, or -1
   * @param operation the failing operation, when known
   * @param reason why, for a person
   */
  public PatchRejectedException(int operationIndex, @Nullable PatchOp operation, String reason) {
    this(operationIndex, operation, reason, List.of());
  }

  private static String message(int index, @Nullable PatchOp op, String reason, List<Violation> violations) {
    String head = index >= 0
        ? "operation " + index + (op != null ? " (" + op + ")" : "") + " was rejected: " + reason
        : reason;
    if (violations.isEmpty()) {
      return head;
    }
    return head + "\n" + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }

  /**
   * Which operation failed.
   *
   * @return its 0-based index, or -1 when the patch as a whole failed
   */
  public int operationIndex() {
    return operationIndex;
  }

  /**
   * The failing operation.
   *
   * @return the operation, or null when the patch as a whole failed
   */
  public @Nullable PatchOp operation() {
    return operation;
  }

  /**
   * Why, without the operation.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * The schema violations of the result, when that is why.
   *
   * @return the violations, possibly empty
   */
  public List<Violation> violations() {
    return violations;
  }
}
