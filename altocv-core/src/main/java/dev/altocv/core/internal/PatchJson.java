package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads and writes patches and envelopes. */
public final class PatchJson {
  private PatchJson() {}

  private static final Set<String> ENVELOPE_FIELDS = Set.of("baseVersion", "source", "description", "operations");

  /**
   * Reads an envelope or a bare operation array.
   *
   * @param text the JSON text
   * @return the envelope
   */
  public static PatchEnvelope read(String text) {
    return read(Json.parse(text, "patch"));
  }

  /**
   * Reads an envelope or a bare operation array from a tree.
   *
   * @param root the tree
   * @return the envelope
   */
  public static PatchEnvelope read(JsonNode root) {
    if (root.isArray()) {
      return PatchEnvelope.of(operations(root));
    }
    if (!root.isObject()) {
      throw new PatchRejectedException(-1, null,
          "a patch must be a JSON array of operations or an envelope object, not " + CvCodec.describe(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ENVELOPE_FIELDS.contains(f)) {
        throw new PatchRejectedException(-1, null, "unknown envelope field '" + f
            + "'; an envelope has baseVersion, source, description and operations");
      }
    }
    JsonNode ops = root.get("operations");
    if (ops == null || !ops.isArray()) {
      throw new PatchRejectedException(-1, null, "the envelope needs 'operations', a list of operations");
    }
    Long base = null;
    JsonNode b = root.get("baseVersion");
    if (b != null && !b.isNull()) {
      if (!b.isIntegralNumber() || b.longValue() < 0) {
        throw new PatchRejectedException(-1, null, "'baseVersion' must be a whole number >= 0, not "
            + CvCodec.describe(b));
      }
      base = b.longValue();
    }
    PatchSource source = PatchSource.USER;
    JsonNode s = root.get("source");
    if (s != null && !s.isNull()) {
      if (!s.isTextual()) {
        throw new PatchRejectedException(-1, null, "'source' must be text, not " + CvCodec.describe(s));
      }
      try {
        source = PatchSource.fromJson(s.textValue());
      } catch (IllegalArgumentException e) {
        throw new PatchRejectedException(-1, null, e.getMessage());
      }
    }
    String description = null;
    JsonNode d = root.get("description");
    if (d != null && !d.isNull()) {
      if (!d.isTextual()) {
        throw new PatchRejectedException(-1, null, "'description' must be text, not " + CvCodec.describe(d));
      }
      description = d.textValue();
    }
    return new PatchEnvelope(base, source, description, operations(ops));
  }

  private static Patch operations(JsonNode array) {
    List<PatchOp> ops = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      ops.add(operation(i, array.get(i)));
    }
    return new Patch(ops);
  }

  private static PatchOp operation(int index, JsonNode node) {
    if (!node.isObject()) {
      throw new PatchRejectedException(index, null, "an operation must be an object, not " + CvCodec.describe(node));
    }
    JsonNode op = node.get("op");
    if (op == null || !op.isTextual()) {
      throw new PatchRejectedException(index, null, "'op' is missing; it must be one of add, remove, replace, "
          + "move, copy, test");
    }
    PatchOp.Op kind;
    try {
      kind = PatchOp.Op.fromJson(op.textValue());
    } catch (IllegalArgumentException e) {
      throw new PatchRejectedException(index, null, e.getMessage());
    }
    JsonNode path = node.get("path");
    if (path == null || !path.isTextual()) {
      throw new PatchRejectedException(index, null, "'path' is missing or not text");
    }
    String from = null;
    if (kind == PatchOp.Op.MOVE || kind == PatchOp.Op.COPY) {
      JsonNode f = node.get("from");
      if (f == null || !f.isTextual()) {
        throw new PatchRejectedException(index, null, kind.json() + " needs 'from', the path to take the value from");
      }
      from = f.textValue();
    }
    Object value = null;
    if (kind == PatchOp.Op.ADD || kind == PatchOp.Op.REPLACE || kind == PatchOp.Op.TEST) {
      JsonNode v = node.get("value");
      if (v == null) {
        throw new PatchRejectedException(index, null, kind.json() + " needs 'value'");
      }
      value = Json.toPlain(v);
    }
    try {
      Pointers.parse(path.textValue());
      if (from != null) {
        Pointers.parse(from);
      }
    } catch (IllegalArgumentException e) {
      throw new PatchRejectedException(index, null, e.getMessage());
    }
    return new PatchOp(kind, path.textValue(), from, value);
  }

  /**
   * One operation as a tree.
   *
   * @param op the operation
   * @return the tree
   */
  public static ObjectNode tree(PatchOp op) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("op", op.op().json());
    if (op.from() != null) {
      o.put("from", op.from());
    }
    o.put("path", op.path());
    if (op.op() == PatchOp.Op.ADD || op.op() == PatchOp.Op.REPLACE || op.op() == PatchOp.Op.TEST) {
      o.set("value", Json.fromPlain(op.value()));
    }
    return o;
  }

  /**
   * A patch as a tree.
   *
   * @param patch the patch
   * @return the array
   */
  public static ArrayNode tree(Patch patch) {
    ArrayNode a = Json.NODES.arrayNode();
    for (PatchOp op : patch) {
      a.add(tree(op));
    }
    return a;
  }

  /**
   * Writes a patch: a JSON array with one compact operation per line.
   *
   * @param patch the patch
   * @return the text
   */
  public static String write(Patch patch) {
    if (patch.isEmpty()) {
      return "[]";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < patch.size(); i++) {
      sb.append("  ").append(Json.writeCompact(tree(patch.operations().get(i))));
      sb.append(i + 1 < patch.size() ? ",\n" : "\n");
    }
    return sb.append(']').toString();
  }

  /**
   * Writes an envelope.
   *
   * @param envelope the envelope
   * @return the text
   */
  public static String write(PatchEnvelope envelope) {
    ObjectNode o = Json.NODES.objectNode();
    if (envelope.baseVersion() != null) {
      o.put("baseVersion", envelope.baseVersion());
    }
    o.put("source", envelope.source().json());
    if (envelope.description() != null) {
      o.put("description", envelope.description());
    }
    o.set("operations", tree(envelope.operations()));
    return Json.write(o);
  }
}
