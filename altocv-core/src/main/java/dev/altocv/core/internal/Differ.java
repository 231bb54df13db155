package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patch between two document trees: items with ids are matched by id (moves where the order changed,
 * chosen so the longest run of items keeps its place), text lists by their longest common subsequence
 * (replace where an item was rewritten, each guarded by a {@code test} of the old text), other values member
 * by member.
 */
public final class Differ {
  private Differ() {}

  /**
   * Computes the patch that turns {@code a} into {@code b}.
   *
   * @param a the old document
   * @param b the new document
   * @return the patch; empty when they are equal
   */
  public static Patch diff(JsonNode a, JsonNode b) {
    List<PatchOp> out = new ArrayList<>();
    value("", "", a, b, out);
    return new Patch(out);
  }

  private static void value(String path, String shape, JsonNode a, JsonNode b, List<PatchOp> out) {
    if (Json.jsonEquals(a, b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      object(path, shape, a, b, out);
    } else if (a.isArray() && b.isArray()) {
      if (Pointers.ID_LISTS.containsKey(shape) && allHaveIds(a) && allHaveIds(b)) {
        idList(path, shape, a, b, out);
      } else {
        sequence(path, shape, a, b, out);
      }
    } else {
      out.add(PatchOp.replace(path, Json.toPlain(b)));
    }
  }

  private static void object(String path, String shape, JsonNode a, JsonNode b, List<PatchOp> out) {
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!b.has(k)) {
        out.add(PatchOp.remove(path + "/" + Pointers.escape(k)));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = a.get(e.getKey());
      String p = path + "/" + Pointers.escape(e.getKey());
      if (old == null) {
        out.add(PatchOp.add(p, Json.toPlain(e.getValue())));
      } else {
        value(p, shape + "/" + e.getKey(), old, e.getValue(), out);
      }
    }
  }

  private static boolean allHaveIds(JsonNode list) {
    Set<String> seen = new HashSet<>();
    for (JsonNode item : list) {
      JsonNode id = item.get("id");
      if (!item.isObject() || id == null || !id.isTextual() || !seen.add(id.textValue())) {
        return false;
      }
    }
    return true;
  }

  private static void idList(String path, String shape, JsonNode a, JsonNode b, List<PatchOp> out) {
    Map<String, JsonNode> aItems = new LinkedHashMap<>();
    for (JsonNode item : a) {
      aItems.put(item.get("id").textValue(), item);
    }
    List<String> target = new ArrayList<>();
    Map<String, JsonNode> bItems = new LinkedHashMap<>();
    for (JsonNode item : b) {
      String id = item.get("id").textValue();
      target.add(id);
      bItems.put(id, item);
    }
    List<String> current = new ArrayList<>();
    for (String id : aItems.keySet()) {
      if (bItems.containsKey(id)) {
        current.add(id);
      } else {
        out.add(PatchOp.remove(path + "/[id=" + id + "]"));
      }
    }
    List<String> commonInTarget = new ArrayList<>();
    for (String id : target) {
      if (aItems.containsKey(id)) {
        commonInTarget.add(id);
      }
    }
    Set<String> stay = new HashSet<>(lcs(current, commonInTarget));
    for (int i = 0; i < target.size(); i++) {
      String id = target.get(i);
      if (stay.contains(id)) {
        continue;
      }
      boolean existed = aItems.containsKey(id);
      if (existed) {
        current.remove(id);
      }
      int pos = i == 0 ? 0 : current.indexOf(target.get(i - 1)) + 1;
      current.add(pos, id);
      if (existed) {
        out.add(PatchOp.move(path + "/[id=" + id + "]", path + "/" + pos));
      } else {
        out.add(PatchOp.add(path + "/" + pos, Json.toPlain(bItems.get(id))));
      }
    }
    for (String id : target) {
      JsonNode old = aItems.get(id);
      if (old != null) {
        value(path + "/[id=" + id + "]", shape + "/*", old, bItems.get(id), out);
      }
    }
  }

  private static List<String> lcs(List<String> x, List<String> y) {
    int n = x.size();
    int m = y.size();
    int[][] t = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        t[i][j] = x.get(i).equals(y.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (x.get(i).equals(y.get(j))) {
        out.add(x.get(i));
        i++;
        j++;
      } else if (t[i + 1][j] >= t[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /** Text lists and other lists without ids: edit script over the longest common subsequence. */
  private static void sequence(String path, String shape, JsonNode a, JsonNode b, List<PatchOp> out) {
    int n = a.size();
    int m = b.size();
    int[][] t = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        t[i][j] = Json.jsonEquals(a.get(i), b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    int pos = 0;
    List<JsonNode> dels = new ArrayList<>();
    List<JsonNode> ins = new ArrayList<>();
    while (i < n || j < m) {
      if (i < n && j < m && Json.jsonEquals(a.get(i), b.get(j))) {
        pos = flush(path, shape, pos, dels, ins, out);
        pos++;
        i++;
        j++;
      } else if (j >= m || (i < n && t[i + 1][j] >= t[i][j + 1])) {
        dels.add(a.get(i));
        i++;
      } else {
        ins.add(b.get(j));
        j++;
      }
    }
    flush(path, shape, pos, dels, ins, out);
  }

  private static int flush(String path, String shape, int pos, List<JsonNode> dels, List<JsonNode> ins,
      List<PatchOp> out) {
    int pairs = Math.min(dels.size(), ins.size());
    for (int k = 0; k < pairs; k++) {
      String p = path + "/" + pos;
      JsonNode old = dels.get(k);
      JsonNode now = ins.get(k);
      if (old.isContainerNode() && now.isContainerNode() && old.getNodeType() == now.getNodeType()) {
        value(p, shape + "/*", old, now, out);
      } else {
        out.add(PatchOp.test(p, Json.toPlain(old)));
        out.add(PatchOp.replace(p, Json.toPlain(now)));
      }
      pos++;
    }
    for (int k = pairs; k < dels.size(); k++) {
      String p = path + "/" + pos;
      out.add(PatchOp.test(p, Json.toPlain(dels.get(k))));
      out.add(PatchOp.remove(p));
    }
    for (int k = pairs; k < ins.size(); k++) {
      out.add(PatchOp.add(path + "/" + pos, Json.toPlain(ins.get(k))));
      pos++;
    }
    dels.clear();
    ins.clear();
    return pos;
  }
}
