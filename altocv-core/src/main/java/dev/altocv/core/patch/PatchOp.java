package dev.altocv.core.patch;

import dev.altocv.core.internal.Json;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One patch operation, as in RFC 6902.
 *
 * @param op the operation
 * @param path the target, a JSON Pointer in AltoCV's syntax (for example {@code /work/[id=w2]/position})
 * @param from the source of {@code move} and {@code copy}; null for the others
 * @param value the value of {@code add}, {@code replace} and {@code test} as a plain Java value (String,
 *     Boolean, Number, List, Map, or null for JSON null); a model record (a {@code Work}, a {@code Skill}...)
 *     is converted to its JSON form. Null for the others.
 */
public record PatchOp(Op op, String path, @Nullable String from, @Nullable Object value) {

  /** The six operations of RFC 6902. */
  public enum Op {
    /** Adds a value; into a list it inserts, and {@code -} appends. */
    ADD,
    /** Removes the value at the path. */
    REMOVE,
    /** Replaces the value at the path, which must exist. */
    REPLACE,
    /** Moves the value at {@code from} to the path. */
    MOVE,
    /** Copies the value at {@code from} to the path; copied list items get new ids. */
    COPY,
    /** Checks that the value at the path equals the given value; the patch fails otherwise. */
    TEST;

    /**
     * The name in JSON.
     *
     * @return for example {@code replace}
     */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks an operation up by its JSON name.
     *
     * @param name for example {@code add}
     * @return the operation
     * @throws IllegalArgumentException naming the six allowed operations
     */
    public static Op fromJson(String name) {
      for (Op o : values()) {
        if (o.json().equals(name)) {
          return o;
        }
      }
      throw new IllegalArgumentException(
          "'op' must be one of add, remove, replace, move, copy, test, not '" + name + "'");
    }
  }

  /**
   * Checks that {@code from} is given exactly for move and copy, and converts the value to plain Java.
   *
   * @throws IllegalArgumentException for a missing or surplus {@code from}
   */
  public PatchOp {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
    boolean needsFrom = op == Op.MOVE || op == Op.COPY;
    if (needsFrom && from == null) {
      throw new IllegalArgumentException(op.json() + " needs 'from'");
    }
    if (!needsFrom) {
      from = null;
    }
    boolean hasValue = op == Op.ADD || op == Op.REPLACE || op == Op.TEST;
    value = hasValue ? Json.toPlain(Json.fromPlain(value)) : null;
  }

  /**
   * An add operation.
   *
   * @param path where
   * @param value what
   * @return the operation
   */
  public static PatchOp add(String path, @Nullable Object value) {
    return new PatchOp(Op.ADD, path, null, value);
  }

  /**
   * A remove operation.
   *
   * @param path what
   * @return the operation
   */
  public static PatchOp remove(String path) {
    return new PatchOp(Op.REMOVE, path, null, null);
  }

  /**
   * A replace operation.
   *
   * @param path what
   * @param value the new value
   * @return the operation
   */
  public static PatchOp replace(String path, @Nullable Object value) {
    return new PatchOp(Op.REPLACE, path, null, value);
  }

  /**
   * A move operation.
   *
   * @param from the source
   * @param path the target
   * @return the operation
   */
  public static PatchOp move(String from, String path) {
    return new PatchOp(Op.MOVE, path, from, null);
  }

  /**
   * A copy operation.
   *
   * @param from the source
   * @param path the target
   * @return the operation
   */
  public static PatchOp copy(String from, String path) {
    return new PatchOp(Op.COPY, path, from, null);
  }

  /**
   * A test operation.
   *
   * @param path what
   * @param value the expected value
   * @return the operation
   */
  public static PatchOp test(String path, @Nullable Object value) {
    return new PatchOp(Op.TEST, path, null, value);
  }

  /** @return a short form for messages, for example {@code replace /work/[id=w2]/position} */
  @Override
  public String toString() {
    return op.json() + (from != null ? " " + from + " ->" : "") + " " + (path.isEmpty() ? "\"\"" : path);
  }
}
