package dev.altocv.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.Flag;
import dev.altocv.ai.FlagKind;
import dev.altocv.ai.Proposal;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.ai.RejectedCall;
import dev.altocv.ai.Task;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.internal.Json;
import dev.altocv.core.patch.Patch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads and writes proposals as JSON. */
public final class ProposalJson {
  private ProposalJson() {}

  /** The value of the {@code format} field. */
  public static final String FORMAT = "altocv-proposal/1";

  /**
   * Writes a proposal.
   *
   * @param p the proposal
   * @return indented JSON
   */
  public static String write(Proposal p) {
    return Json.write(tree(p));
  }

  /**
   * A proposal as a tree.
   *
   * @param p the proposal
   * @return the tree
   */
  public static ObjectNode tree(Proposal p) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format", FORMAT);
    if (p.baseVersion() != null) {
      root.put("baseVersion", p.baseVersion());
    }
    root.put("task", p.task().json());
    root.put("model", p.model());
    root.put("message", p.message());
    ArrayNode edits = root.putArray("edits");
    for (ProposedEdit e : p.edits()) {
      ObjectNode n = edits.addObject();
      n.put("index", e.index());
      n.put("tool", e.tool());
      n.put("summary", e.summary());
      n.put("reason", e.reason());
      n.put("flagged", e.flagged());
      ArrayNode flags = n.putArray("flags");
      for (Flag f : e.flags()) {
        ObjectNode fn = flags.addObject();
        fn.put("kind", f.kind().json());
        fn.put("message", f.message());
        ArrayNode values = fn.putArray("values");
        f.values().forEach(values::add);
      }
      ArrayNode deps = n.putArray("dependsOn");
      e.dependsOn().forEach(deps::add);
      n.set("operations", Json.parse(e.patch().toJson(), "patch"));
    }
    ArrayNode rejected = root.putArray("rejectedCalls");
    for (RejectedCall r : p.rejectedCalls()) {
      ObjectNode n = rejected.addObject();
      n.put("tool", r.tool());
      n.put("arguments", r.arguments());
      n.put("error", r.error());
      n.put("returnedToModel", r.returnedToModel());
    }
    return root;
  }

  /**
   * Reads a proposal.
   *
   * @param json the text
   * @return the proposal
   */
  public static Proposal read(String json) {
    JsonNode root = Json.parse(json, "proposal");
    try {
      if (!root.isObject()) {
        throw new IllegalArgumentException("a proposal must be a JSON object");
      }
      known(root, "", Set.of("format", "baseVersion", "task", "model", "message", "edits", "rejectedCalls"));
      String format = text(root, "format", "");
      if (!FORMAT.equals(format)) {
        throw new IllegalArgumentException("/format must be \"" + FORMAT + "\", not \"" + format + "\"");
      }
      Long base = root.hasNonNull("baseVersion") ? whole(root.get("baseVersion"), "/baseVersion") : null;
      Task task = Task.fromJson(text(root, "task", ""));
      List<ProposedEdit> edits = new ArrayList<>();
      JsonNode en = list(root, "edits", "");
      for (int i = 0; i < en.size(); i++) {
        JsonNode e = en.get(i);
        String at = "/edits/" + i;
        if (!e.isObject()) {
          throw new IllegalArgumentException(at + " must be an object (an edit)");
        }
        known(e, at, Set.of("index", "tool", "summary", "reason", "flagged", "flags", "dependsOn", "operations"));
        List<Flag> flags = new ArrayList<>();
        for (JsonNode f : list(e, "flags", at)) {
          List<String> values = new ArrayList<>();
          f.path("values").forEach(v -> values.add(v.asText()));
          flags.add(new Flag(FlagKind.fromJson(text(f, "kind", at + "/flags")), text(f, "message", at + "/flags"),
              values));
        }
        List<Integer> deps = new ArrayList<>();
        for (JsonNode d : list(e, "dependsOn", at)) {
          deps.add((int) whole(d, at + "/dependsOn"));
        }
        JsonNode ops = e.get("operations");
        if (ops == null || !ops.isArray()) {
          throw new IllegalArgumentException(at + "/operations must be a list of patch operations");
        }
        Patch patch;
        try {
          patch = Patch.fromJson(ops.toString());
        } catch (AltoCvException ex) {
          throw new IllegalArgumentException(at + "/operations: " + ex.getMessage());
        }
        int index = e.has("index") ? (int) whole(e.get("index"), at + "/index") : i;
        edits.add(new ProposedEdit(index, text(e, "tool", at), text(e, "summary", at),
            text(e, "reason", at), patch, flags, deps));
      }
      List<RejectedCall> rejected = new ArrayList<>();
      JsonNode rn = list(root, "rejectedCalls", "");
      for (int i = 0; i < rn.size(); i++) {
        JsonNode r = rn.get(i);
        String at = "/rejectedCalls/" + i;
        rejected.add(new RejectedCall(text(r, "tool", at), text(r, "arguments", at), text(r, "error", at),
            r.path("returnedToModel").asBoolean(false)));
      }
      return new Proposal(base, task, text(root, "model", ""), text(root, "message", ""), edits, rejected);
    } catch (IllegalArgumentException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, "not a valid proposal: " + e.getMessage());
    }
  }

  /** A list field: absent is empty; anything but a list is refused. */
  private static JsonNode list(JsonNode parent, String field, String at) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException(at + "/" + field + " must be a list");
    }
    return n;
  }

  /** A whole number, not text or a fraction. */
  private static long whole(JsonNode n, String at) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException(at + " must be a whole number");
    }
    return n.longValue();
  }

  private static void known(JsonNode n, String at, Set<String> names) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!names.contains(f)) {
        throw new IllegalArgumentException(at + "/" + f + " is not a field of a proposal");
      }
    }
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(at + "/" + field + " must be text");
    }
    return v.textValue();
  }
}
