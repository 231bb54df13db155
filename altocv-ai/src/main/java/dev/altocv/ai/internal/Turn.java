package dev.altocv.ai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.ai.Flag;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.ai.RejectedCall;
import dev.altocv.ai.spi.ToolCall;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The state of one chat turn: the CV with the edits proposed so far (later calls are checked against it), the
 * edits and the refused calls. Nothing here changes the caller's CV.
 */
final class Turn {

  /** What became of one call. */
  record Handled(String content, boolean error, @Nullable Integer editIndex) {}

  private final Guards guards;
  private Cv working;
  private JsonNode tree;
  private final List<ProposedEdit> edits = new ArrayList<>();
  private final List<Set<String>> changed = new ArrayList<>();
  private final List<RejectedCall> rejected = new ArrayList<>();

  Turn(Cv cv, Guards guards) {
    this.guards = guards;
    this.working = cv;
    this.tree = tree(cv);
  }

  private static JsonNode tree(Cv cv) {
    return Json.parse(AltoCv.write(cv), "CV");
  }

  List<ProposedEdit> edits() {
    return edits;
  }

  List<RejectedCall> rejected() {
    return rejected;
  }

  /** Handles one call: an edit, or an error for the model. */
  Handled handle(ToolCall call) {
    try {
      return new Handled(propose(call), false, edits.size() - 1);
    } catch (ToolCallException e) {
      return new Handled(e.getMessage(), true, null);
    }
  }

  /** Records a refused call. */
  void reject(ToolCall call, String error, boolean returnedToModel) {
    rejected.add(new RejectedCall(call.name(), call.arguments(), error, returnedToModel));
  }

  private String propose(ToolCall call) {
    CvTools.Tool tool = CvTools.tool(call.name());
    if (tool == null) {
      throw new ToolCallException("there is no tool named '" + call.name() + "'; the tools are " + CvTools.list());
    }
    JsonNode args;
    try {
      args = Json.MAPPER.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
    } catch (JsonProcessingException e) {
      throw new ToolCallException("the arguments are not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (args == null || !args.isObject()) {
      throw new ToolCallException("the arguments must be a JSON object");
    }
    List<String> problems = ArgumentValidator.validate(tool.schema(), args);
    if (!problems.isEmpty()) {
      throw new ToolCallException("invalid arguments for " + tool.name() + ": " + String.join("; ", problems));
    }
    EditDraft draft = tool.build().apply(args, tree);
    PatchResult result;
    try {
      result = AltoCv.apply(working, draft.patch());
    } catch (PatchRejectedException e) {
      throw new ToolCallException("the edit does not fit the CV: " + e.getMessage().replace("\n", ";"));
    }
    JsonNode after = tree(result.cv());
    Set<String> created = ids(after);
    created.removeAll(ids(tree));
    List<Flag> flags = guards.check(draft);
    Set<String> touched = new HashSet<>();
    for (PatchOp op : draft.patch()) {
      touched.add(op.path());
      if (op.from() != null) {
        touched.add(op.from());
      }
    }
    List<Integer> deps = new ArrayList<>();
    for (int i = 0; i < changed.size(); i++) {
      if (related(changed.get(i), touched)) {
        deps.add(i);
      }
    }
    int index = edits.size();
    edits.add(new ProposedEdit(index, draft.tool(), draft.summary(), draft.reason(), draft.patch(), flags, deps));
    changed.add(scopes(draft, created));
    working = result.cv();
    tree = after;
    StringBuilder sb = new StringBuilder("Proposed as edit ").append(index).append(": ").append(draft.summary());
    if (!created.isEmpty()) {
      sb.append(". New item id: ").append(String.join(", ", created));
    }
    if (flags.isEmpty()) {
      sb.append(". The person will review it.");
    } else {
      sb.append(". Flagged for the person to check: ")
          .append(flags.stream().map(Flag::message).collect(Collectors.joining("; ")))
          .append(". Tell the person what to check; do not repeat the edit.");
    }
    return sb.toString();
  }

  private static Set<String> ids(JsonNode n) {
    Set<String> out = new HashSet<>();
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      JsonNode id = n.get("id");
      if (id != null && id.isTextual()) {
        out.add(id.textValue());
      }
      n.elements().forEachRemaining(c -> collect(c, out));
    } else if (n.isArray()) {
      n.forEach(c -> collect(c, out));
    }
  }

  /** The paths whose meaning an edit changes: later edits under them build on it. */
  private Set<String> scopes(EditDraft draft, Set<String> created) {
    Set<String> out = new HashSet<>();
    for (PatchOp op : draft.patch()) {
      String path = op.path();
      String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
      String last = path.substring(path.lastIndexOf('/') + 1);
      boolean listSlot = last.equals("-") || last.matches("\\d+") || last.startsWith("[id=");
      switch (op.op()) {
        case TEST:
          break;
        case ADD:
          if (op.value() instanceof Map) {
            created.forEach(id -> out.add(parent + "/[id=" + id + "]"));
          } else if (last.equals("-")) {
            out.add(parent + "/" + size(parent));
          } else if (listSlot) {
            out.add(parent);
          } else {
            out.add(path);
          }
          break;
        case REMOVE:
          out.add(last.matches("\\d+") ? parent : path);
          break;
        default:
          out.add(path);
          if (op.from() != null) {
            out.add(op.from().substring(0, Math.max(0, op.from().lastIndexOf('/'))));
          }
      }
    }
    return out;
  }

  private int size(String pointer) {
    JsonNode n = tree;
    for (String seg : pointer.substring(1).split("/")) {
      if (seg.startsWith("[id=")) {
        String id = seg.substring(4, seg.length() - 1);
        JsonNode found = null;
        for (JsonNode item : n) {
          if (id.equals(item.path("id").asText())) {
            found = item;
          }
        }
        n = found == null ? Json.NODES.missingNode() : found;
      } else if (seg.matches("\\d+")) {
        n = n.path(Integer.parseInt(seg));
      } else {
        n = n.path(seg);
      }
    }
    return n.size();
  }

  private static boolean related(Set<String> scopes, Set<String> paths) {
    for (String s : scopes) {
      for (String p : paths) {
        if (prefix(s, p) || prefix(p, s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean prefix(String a, String b) {
    return b.equals(a) || b.startsWith(a + "/");
  }
}
