package dev.altocv.core.patch;

import dev.altocv.core.internal.PatchJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A list of operations applied in order, all or nothing. On the wire it is a bare RFC 6902 array; the
 * {@link PatchEnvelope} adds the version it was made against, its source and a description.
 *
 * @param operations the operations
 */
public record Patch(List<PatchOp> operations) implements Iterable<PatchOp> {

  /** The patch that changes nothing. */
  public static final Patch EMPTY = new Patch(List.of());

  /** Copies the list. */
  public Patch {
    operations = List.copyOf(operations);
  }

  /**
   * A patch of the given operations.
   *
   * @param operations the operations
   * @return the patch
   */
  public static Patch of(PatchOp... operations) {
    return new Patch(List.of(operations));
  }

  /**
   * Reads a patch: a bare RFC 6902 array, or an envelope whose {@code operations} are taken (its metadata is
   * ignored; use {@link PatchEnvelope#fromJson} to keep it).
   *
   * @param json the text
   * @return the patch
   * @throws dev.altocv.core.MalformedJsonException when the text is not JSON
   * @throws PatchRejectedException when an operation is malformed, naming which and why
   */
  public static Patch fromJson(String json) {
    return PatchEnvelope.fromJson(json).operations();
  }

  /**
   * Writes the patch as an RFC 6902 array, one operation per line.
   *
   * @return the JSON text
   */
  public String toJson() {
    return PatchJson.write(this);
  }

  /**
   * Whether the patch has no operations.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /**
   * The number of operations.
   *
   * @return the size
   */
  public int size() {
    return operations.size();
  }

  /**
   * This patch followed by another.
   *
   * @param next the patch to apply after this one
   * @return the combined patch
   */
  public Patch then(Patch next) {
    List<PatchOp> all = new ArrayList<>(operations);
    all.addAll(next.operations);
    return new Patch(all);
  }

  /**
   * The operations other than {@code test}: what the patch changes.
   *
   * @return the changing operations
   */
  public List<PatchOp> changes() {
    return operations.stream().filter(o -> o.op() != PatchOp.Op.TEST).toList();
  }

  @Override
  public Iterator<PatchOp> iterator() {
    return operations.iterator();
  }

  /** @return the JSON form */
  @Override
  public String toString() {
    return toJson();
  }

}
