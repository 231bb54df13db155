package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies RFC 6902 operations with AltoCV's id selectors to a document tree and computes the inverse. Works
 * on a copy: the input tree is never changed, and a rejection leaves nothing behind.
 */
public final class PatchEngine {

  /** The most operations one patch may hold. */
  public static final int MAX_OPERATIONS = 5_000;

  /**
   * The most a patch may grow a CV to, in characters of compact JSON (about 2 MB; a long CV is about 30 KB).
   * Counted as operations add values, so a few {@code copy} operations that double the document each time are
   * refused long before memory runs short.
   */
  public static final long MAX_DOCUMENT_CHARS = 2_000_000;

  /** Id lists in document order, for assigning ids. */
  private static final List<String> TOP_ID_LISTS = List.of("work", "volunteer", "education", "awards",
      "certificates", "publications", "skills", "languages", "interests", "references", "projects");

  /**
   * The outcome of applying a patch to a tree.
   *
   * @param tree the new document (not yet validated against the schema)
   * @param inverse the inverse patch
   */
  public record Applied(ObjectNode tree, Patch inverse) {}

  private JsonNode doc;
  private int opIndex;
  private PatchOp current;
  /** The document's size in characters of compact JSON, plus everything added since (an upper bound). */
  private long size;

  private PatchEngine(ObjectNode doc) {
    this.doc = doc.deepCopy();
  }

  /**
   * Applies a patch.
   *
   * @param document the document (not changed)
   * @param patch the patch
   * @return the new document and the inverse patch
   * @throws PatchRejectedException naming the failing operation
   */
  public static Applied apply(ObjectNode document, Patch patch) {
    if (patch.size() > MAX_OPERATIONS) {
      throw new PatchRejectedException(-1, null,
          "a patch may hold at most " + MAX_OPERATIONS + " operations; this one has " + patch.size());
    }
    PatchEngine engine = new PatchEngine(document);
    engine.size = Json.size(engine.doc, MAX_DOCUMENT_CHARS + 1);
    List<List<PatchOp>> inverses = new ArrayList<>(patch.size());
    for (int i = 0; i < patch.size(); i++) {
      engine.opIndex = i;
      engine.current = patch.operations().get(i);
      inverses.add(engine.applyOne(engine.current));
    }
    if (!engine.doc.isObject()) {
      throw new PatchRejectedException(-1, null, "the patch would make the CV something other than an object");
    }
    List<PatchOp> inverse = new ArrayList<>();
    for (int i = inverses.size() - 1; i >= 0; i--) {
      inverse.addAll(inverses.get(i));
    }
    return new Applied((ObjectNode) engine.doc, new Patch(inverse));
  }

  private PatchRejectedException reject(String reason) {
    return new PatchRejectedException(opIndex, current, reason);
  }

  private List<PatchOp> applyOne(PatchOp op) {
    switch (op.op()) {
      case TEST: {
        Loc t = resolve(op.path(), true);
        JsonNode actual = t.value();
        JsonNode expected = Json.fromPlain(op.value());
        if (!Json.jsonEquals(actual, expected)) {
          throw reject("test failed: the value at " + display(op.path()) + " is " + short_(actual)
              + ", not " + short_(expected) + " (the CV changed since this edit was made)");
        }
        return List.of();
      }
      case REMOVE: {
        if (op.path().isEmpty()) {
          throw reject("the whole CV cannot be removed");
        }
        Loc t = resolve(op.path(), true);
        guardId(t);
        return remove(t);
      }
      case ADD:
        return add(op.path(), Json.fromPlain(op.value()));
      case REPLACE: {
        JsonNode value = Json.fromPlain(op.value());
        guardGrowth(op.path(), value);
        if (op.path().isEmpty()) {
          return replaceRoot(value);
        }
        Loc t = resolve(op.path(), true);
        guardId(t);
        JsonNode old = t.value();
        if (t.isIdItem() && value.isObject() && !value.has("id") && old.has("id")) {
          value = withIdFirst((ObjectNode) value, old.get("id").textValue());
        }
        t.set(value);
        assignIds();
        String stable = t.stable();
        List<PatchOp> inv = new ArrayList<>(2);
        if (!t.isIdItem()) {
          inv.add(PatchOp.test(stable, Json.toPlain(t.value())));
        }
        inv.add(PatchOp.replace(stable, Json.toPlain(old)));
        return inv;
      }
      case MOVE: {
        String from = op.from();
        if (from.equals(op.path())) {
          resolve(from, true);
          return List.of();
        }
        if (op.path().startsWith(from + "/") || from.isEmpty()) {
          throw reject("a value cannot be moved into itself");
        }
        Loc f = resolve(from, true);
        guardId(f);
        JsonNode value = f.value();
        List<PatchOp> invRemove = remove(f);
        size -= Json.size(value, MAX_DOCUMENT_CHARS); // a move does not grow the CV
        List<PatchOp> invAdd = add(op.path(), value);
        List<PatchOp> inv = new ArrayList<>(invAdd);
        inv.addAll(invRemove);
        return inv;
      }
      case COPY: {
        Loc f = resolve(op.from(), true);
        JsonNode value = f.value().deepCopy();
        Set<String> used = new HashSet<>();
        collectIds(doc, used);
        stripUsedIds(value, used);
        return add(op.path(), value);
      }
      default:
        throw new IllegalStateException(op.op().toString());
    }
  }

  private List<PatchOp> replaceRoot(JsonNode value) {
    if (!value.isObject()) {
      throw reject("the whole CV can only be replaced by an object, not " + CvCodec.describe(value));
    }
    JsonNode old = doc;
    doc = value;
    assignIds();
    return List.of(PatchOp.replace("", Json.toPlain(old)));
  }

  private List<PatchOp> remove(Loc t) {
    JsonNode old = t.value();
    String restoreAt = t.parentStable + "/" + (t.parent.isArray() ? String.valueOf(t.index) : Pointers.escape(t.key));
    t.remove();
    return List.of(PatchOp.add(restoreAt, Json.toPlain(old)));
  }

  /**
   * Refuses a value that would nest the CV more than {@link Json#MAX_DEPTH} levels deep or grow it past
   * {@link #MAX_DOCUMENT_CHARS}.
   */
  private void guardGrowth(String path, JsonNode value) {
    int at = path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '/').count();
    if (at + Json.depth(value, Json.MAX_DEPTH) > Json.MAX_DEPTH) {
      throw reject("the value would nest the CV more than " + Json.MAX_DEPTH + " levels deep");
    }
    size += Json.size(value, MAX_DOCUMENT_CHARS - size + 1);
    if (size > MAX_DOCUMENT_CHARS) {
      throw reject("the CV would grow past " + MAX_DOCUMENT_CHARS / 1_000_000 + " million characters of JSON");
    }
  }

  private List<PatchOp> add(String path, JsonNode value) {
    guardGrowth(path, value);
    if (path.isEmpty()) {
      return replaceRoot(value);
    }
    Loc t = resolve(path, false);
    JsonNode old = null;
    if (t.parent.isObject()) {
      if (t.key.equals("id") && t.inIdItem) {
        throw reject("ids are assigned by AltoCV and cannot be changed");
      }
      old = t.parent.get(t.key);
      ((ObjectNode) t.parent).set(t.key, value);
    } else {
      ((ArrayNode) t.parent).insert(t.index, value);
    }
    assignIds();
    String stable = t.stable();
    List<PatchOp> inv = new ArrayList<>(2);
    if (!t.isIdItem()) {
      inv.add(PatchOp.test(stable, Json.toPlain(t.value())));
    }
    inv.add(old == null ? PatchOp.remove(stable) : PatchOp.replace(stable, Json.toPlain(old)));
    return inv;
  }

  private void guardId(Loc t) {
    if (t.parent != null && t.parent.isObject() && "id".equals(t.key) && t.inIdItem) {
      throw reject("ids are assigned by AltoCV and cannot be changed");
    }
  }

  /** A location: a member of an object or a position in a list. */
  private final class Loc {
    JsonNode parent;
    String key;
    int index = -1;
    String parentStable;
    String parentShape;
    boolean inIdItem;

    JsonNode value() {
      return parent.isArray() ? parent.get(index) : parent.get(key);
    }

    void set(JsonNode v) {
      if (parent.isArray()) {
        ((ArrayNode) parent).set(index, v);
      } else {
        ((ObjectNode) parent).set(key, v);
      }
    }

    void remove() {
      if (parent.isArray()) {
        ((ArrayNode) parent).remove(index);
      } else {
        ((ObjectNode) parent).remove(key);
      }
    }

    boolean isIdItem() {
      return parent.isArray() && Pointers.ID_LISTS.containsKey(parentShape) && value() != null
          && value().isObject() && value().has("id");
    }

    String stable() {
      if (parent.isArray()) {
        return parentStable + "/" + Pointers.itemSegment(parent.get(index), index);
      }
      return parentStable + "/" + Pointers.escape(key);
    }
  }

  private Loc resolve(String path, boolean mustExist) {
    List<Pointers.Segment> segs;
    try {
      segs = Pointers.parse(path);
    } catch (IllegalArgumentException e) {
      throw reject(e.getMessage());
    }
    if (segs.isEmpty()) {
      throw reject("this operation needs a path inside the CV, not the whole CV");
    }
    JsonNode node = doc;
    StringBuilder stable = new StringBuilder();
    StringBuilder given = new StringBuilder();
    boolean inIdItem = false;
    for (int i = 0; i < segs.size() - 1; i++) {
      Pointers.Segment s = segs.get(i);
      JsonNode next;
      String stableSeg;
      boolean nextIsIdItem = false;
      if (node.isObject()) {
        next = node.get(s.name());
        stableSeg = Pointers.escape(s.name());
        if (next == null) {
          throw reject(display(given + "/" + s.raw()) + " does not exist");
        }
      } else if (node.isArray()) {
        int idx = indexIn((ArrayNode) node, s, given.toString(), false);
        next = node.get(idx);
        stableSeg = Pointers.itemSegment(next, idx);
        nextIsIdItem = Pointers.ID_LISTS.containsKey(Pointers.shape(segs, i)) && next.isObject();
      } else {
        throw reject(display(given.toString()) + " is " + CvCodec.describe(node) + "; it has no '" + s.raw() + "'");
      }
      given.append('/').append(s.raw());
      stable.append('/').append(stableSeg);
      node = next;
      inIdItem = nextIsIdItem;
    }
    Pointers.Segment last = segs.get(segs.size() - 1);
    Loc loc = new Loc();
    loc.parent = node;
    loc.parentStable = stable.toString();
    loc.parentShape = Pointers.shape(segs, segs.size() - 1);
    loc.inIdItem = inIdItem;
    if (node.isObject()) {
      loc.key = last.name();
      if (mustExist && !node.has(loc.key)) {
        throw reject(display(path) + " does not exist");
      }
    } else if (node.isArray()) {
      if (!mustExist && last.append()) {
        loc.index = node.size();
      } else {
        loc.index = indexIn((ArrayNode) node, last, given.toString(), !mustExist);
      }
    } else {
      throw reject(display(given.toString()) + " is " + CvCodec.describe(node) + "; it has no '" + last.raw() + "'");
    }
    return loc;
  }

  private int indexIn(ArrayNode array, Pointers.Segment s, String listPath, boolean insert) {
    String list = display(listPath);
    if (s.isId()) {
      for (int j = 0; j < array.size(); j++) {
        JsonNode item = array.get(j);
        JsonNode id = item.get("id");
        if (item.isObject() && id != null && s.id().equals(id.asText())) {
          return j;
        }
      }
      throw reject("no item with id " + s.id() + " in " + list);
    }
    if (s.append()) {
      throw reject("'-' (the end of " + list + ") names no existing item");
    }
    if (!s.isIndex()) {
      throw reject("'" + s.raw() + "' is not an index or [id=...] in the list " + list);
    }
    int max = insert ? array.size() : array.size() - 1;
    if (s.index() > max) {
      throw reject("index " + s.index() + " is out of range: " + list + " has " + array.size()
          + (array.size() == 1 ? " item" : " items"));
    }
    return s.index();
  }

  private static String display(String path) {
    return path.isEmpty() ? "the CV" : path;
  }

  private static String short_(JsonNode v) {
    if (v.isTextual() && v.textValue().length() > 80) {
      return Json.NODES.textNode(v.textValue().substring(0, 77) + "...").toString();
    }
    String s = v.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  // ---- ids

  private static void collectIds(JsonNode doc, Set<String> used) {
    forEachIdList(doc, (list, prefix) -> {
      for (JsonNode item : list) {
        JsonNode id = item.get("id");
        if (item.isObject() && id != null && id.isTextual()) {
          used.add(id.textValue());
        }
      }
    });
  }

  private static void stripUsedIds(JsonNode value, Set<String> used) {
    if (value.isObject()) {
      JsonNode id = value.get("id");
      if (id != null && id.isTextual() && used.contains(id.textValue())) {
        ((ObjectNode) value).remove("id");
      }
      for (JsonNode child : value) {
        stripUsedIds(child, used);
      }
    } else if (value.isArray()) {
      for (JsonNode child : value) {
        stripUsedIds(child, used);
      }
    }
  }

  private interface ListVisitor {
    void visit(ArrayNode list, String prefix);
  }

  private static void forEachIdList(JsonNode doc, ListVisitor v) {
    JsonNode basics = doc.get("basics");
    if (basics != null && basics.isObject() && basics.get("profiles") instanceof ArrayNode a) {
      v.visit(a, "pf");
    }
    for (String name : TOP_ID_LISTS) {
      if (doc.get(name) instanceof ArrayNode a) {
        v.visit(a, Pointers.ID_LISTS.get("/" + name));
      }
    }
    JsonNode alto = doc.get("altocv");
    if (alto != null && alto.isObject() && alto.get("customSections") instanceof ArrayNode sections) {
      v.visit(sections, "cs");
      for (JsonNode s : sections) {
        if (s.isObject() && s.get("items") instanceof ArrayNode items) {
          v.visit(items, "ci");
        }
      }
    }
  }

  /** Checks ids are unique and gives items without one the prefix and the smallest unused number. */
  private void assignIds() {
    Set<String> used = new HashSet<>();
    forEachIdList(doc, (list, prefix) -> {
      for (JsonNode item : list) {
        JsonNode id = item.get("id");
        if (item.isObject() && id != null && id.isTextual() && !used.add(id.textValue())) {
          throw reject("id '" + id.textValue() + "' is used by two items; ids must be unique");
        }
      }
    });
    forEachIdList(doc, (list, prefix) -> {
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        if (item.isObject() && !item.has("id")) {
          int n = 1;
          while (used.contains(prefix + n)) {
            n++;
          }
          used.add(prefix + n);
          list.set(i, withIdFirst((ObjectNode) item, prefix + n));
        }
      }
    });
  }

  private static ObjectNode withIdFirst(ObjectNode item, String id) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("id", id);
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("id")) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
