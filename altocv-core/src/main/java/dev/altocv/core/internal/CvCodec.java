package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.Violation;
import dev.altocv.core.model.Cv;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Converts the model records to JSON trees and back, by reflection over record components (component name =
 * JSON field name). Unknown fields go to and come from the {@code extra} component.
 */
public final class CvCodec {
  private CvCodec() {}

  /** The two written forms. */
  public enum Form {
    /**
     * The AltoCV document: ids, the {@code altocv} part, and every list and nested object present (empty
     * when there is nothing), so that patches can address them.
     */
    ALTOCV,
    /** JSON Resume: no ids, no {@code altocv} part, empty lists and objects left out. */
    JSON_RESUME
  }

  private static final Map<Class<?>, RecordInfo> INFO = new ConcurrentHashMap<>();

  /**
   * Writes a CV as a tree.
   *
   * @param cv the CV
   * @param form which form
   * @return the tree
   */
  public static ObjectNode toTree(Cv cv, Form form) {
    return (ObjectNode) recordToTree(cv, form);
  }

  /**
   * Reads a CV from a tree, collecting every type problem found.
   *
   * @param root the tree
   * @param violations where problems are added
   * @return the CV, or null when there were problems
   */
  public static @Nullable Cv fromTree(JsonNode root, List<Violation> violations) {
    int before = violations.size();
    if (!root.isObject()) {
      violations.add(new Violation("", "a CV must be a JSON object, not " + describe(root)));
      return null;
    }
    Object cv;
    try {
      cv = decodeRecord(Cv.class, root, "", violations);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation("", e.getMessage()));
      return null;
    }
    return violations.size() == before ? (Cv) cv : null;
  }

  static JsonNode recordToTree(Record r, Form form) {
    RecordInfo info = info(r.getClass());
    ObjectNode out = Json.NODES.objectNode();
    for (Component c : info.components) {
      Object v = c.get(r);
      if (c.name.equals("extra")) {
        continue;
      }
      if (form == Form.JSON_RESUME && (c.name.equals("id") || (r instanceof Cv && c.name.equals("altocv")))) {
        continue;
      }
      JsonNode node = valueToTree(v, c, form);
      if (node == null) {
        continue;
      }
      if (form == Form.JSON_RESUME && (node.isContainerNode() && node.isEmpty())) {
        continue;
      }
      out.set(c.name, node);
    }
    if (info.extra != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> extra = (Map<String, Object>) info.extra.get(r);
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        if (!out.has(e.getKey())) {
          out.set(e.getKey(), Json.fromPlain(e.getValue()));
        }
      }
    }
    return out;
  }

  private static @Nullable JsonNode valueToTree(@Nullable Object v, Component c, Form form) {
    if (v == null) {
      return null;
    }
    switch (c.kind) {
      case STRING:
        return Json.NODES.textNode((String) v);
      case DOUBLE:
        return Json.number((Double) v);
      case ENUM:
        return Json.NODES.textNode(c.enumJson(v));
      case RECORD:
        return recordToTree((Record) v, form);
      case STRING_LIST: {
        ArrayNode a = Json.NODES.arrayNode();
        for (Object s : (List<?>) v) {
          a.add((String) s);
        }
        return a;
      }
      case RECORD_LIST: {
        ArrayNode a = Json.NODES.arrayNode();
        for (Object o : (List<?>) v) {
          a.add(recordToTree((Record) o, form));
        }
        return a;
      }
      default:
        throw new IllegalStateException(c.kind.toString());
    }
  }

  private static Object decodeRecord(Class<?> type, JsonNode node, String pointer, List<Violation> violations) {
    RecordInfo info = info(type);
    Object[] args = new Object[info.components.size()];
    Object defaults = info.defaults;
    for (int i = 0; i < args.length; i++) {
      Component c = info.components.get(i);
      if (c.name.equals("extra")) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!info.names.contains(e.getKey())) {
            extra.put(e.getKey(), Json.toPlain(e.getValue()));
          }
        }
        args[i] = extra;
        continue;
      }
      JsonNode v = node.get(c.name);
      String p = pointer + "/" + Pointers.escape(c.name);
      if (v == null || v.isNull()) {
        args[i] = defaults != null ? c.get(defaults) : c.empty();
        continue;
      }
      args[i] = decodeValue(c, v, p, violations);
      if (args[i] == null) {
        args[i] = defaults != null ? c.get(defaults) : c.empty();
      }
    }
    if (info.extra == null) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!info.names.contains(name)) {
          violations.add(new Violation(pointer + "/" + Pointers.escape(name),
              "unknown field '" + name + "'; allowed here: " + String.join(", ", info.names)));
        }
      }
    }
    try {
      return info.construct(args);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(pointer, e.getMessage()));
      return info.construct(emptyArgs(info, defaults));
    }
  }

  private static Object[] emptyArgs(RecordInfo info, @Nullable Object defaults) {
    Object[] args = new Object[info.components.size()];
    for (int i = 0; i < args.length; i++) {
      Component c = info.components.get(i);
      args[i] = defaults != null ? c.get(defaults) : c.empty();
    }
    return args;
  }

  private static @Nullable Object decodeValue(Component c, JsonNode v, String p, List<Violation> violations) {
    switch (c.kind) {
      case STRING:
        if (!v.isTextual()) {
          violations.add(new Violation(p, "must be text, not " + describe(v)));
          return null;
        }
        return v.textValue();
      case DOUBLE:
        if (!v.isNumber()) {
          violations.add(new Violation(p, "must be a number, not " + describe(v)));
          return null;
        }
        return v.doubleValue();
      case ENUM:
        if (!v.isTextual()) {
          violations.add(new Violation(p, "must be text, not " + describe(v)));
          return null;
        }
        try {
          return c.enumFromJson(v.textValue());
        } catch (IllegalArgumentException e) {
          violations.add(new Violation(p, e.getMessage()));
          return null;
        }
      case RECORD:
        if (!v.isObject()) {
          violations.add(new Violation(p, "must be an object, not " + describe(v)));
          return null;
        }
        return decodeRecord(c.type, v, p, violations);
      case STRING_LIST: {
        if (!v.isArray()) {
          violations.add(new Violation(p, "must be a list of texts, not " + describe(v)));
          return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
          JsonNode s = v.get(i);
          if (!s.isTextual()) {
            violations.add(new Violation(p + "/" + i, "must be text, not " + describe(s)));
          } else {
            out.add(s.textValue());
          }
        }
        return out;
      }
      case RECORD_LIST: {
        if (!v.isArray()) {
          violations.add(new Violation(p, "must be a list of objects, not " + describe(v)));
          return null;
        }
        List<Object> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
          JsonNode o = v.get(i);
          String ip = p + "/" + Pointers.itemSegment(o, i);
          if (!o.isObject()) {
            violations.add(new Violation(ip, "must be an object, not " + describe(o)));
          } else {
            out.add(decodeRecord(c.type, o, ip, violations));
          }
        }
        return out;
      }
      default:
        throw new IllegalStateException(c.kind.toString());
    }
  }

  /**
   * Describes a JSON value's type for messages.
   *
   * @param v the value
   * @return for example "a number" or "the text 'abc'"
   */
  public static String describe(JsonNode v) {
    switch (v.getNodeType()) {
      case STRING:
        String t = v.textValue();
        return "the text '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
      case NUMBER:
        return "the number " + v.asText();
      case BOOLEAN:
        return v.asText();
      case ARRAY:
        return "a list";
      case OBJECT:
        return "an object";
      case NULL:
        return "null";
      default:
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static RecordInfo info(Class<?> type) {
    return INFO.computeIfAbsent(type, RecordInfo::new);
  }

  private enum Kind { STRING, DOUBLE, ENUM, RECORD, STRING_LIST, RECORD_LIST, MAP }

  private static final class Component {
    final String name;
    final Kind kind;
    final Class<?> type;
    final MethodHandle accessor;
    final @Nullable Method enumJson;
    final @Nullable Method enumFromJson;

    Component(RecordComponent rc) {
      name = rc.getName();
      try {
        accessor = MethodHandles.publicLookup().unreflect(rc.getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      Class<?> raw = rc.getType();
      Method json = null;
      Method from = null;
      if (raw == String.class) {
        kind = Kind.STRING;
        type = raw;
      } else if (raw == double.class) {
        kind = Kind.DOUBLE;
        type = raw;
      } else if (raw.isEnum()) {
        kind = Kind.ENUM;
        type = raw;
        try {
          json = raw.getMethod("json");
          from = raw.getMethod("fromJson", String.class);
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(raw + " needs json() and fromJson(String)", e);
        }
      } else if (raw.isRecord()) {
        kind = Kind.RECORD;
        type = raw;
      } else if (raw == List.class) {
        Type arg = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
        Class<?> el = (Class<?>) (arg instanceof ParameterizedType pt ? pt.getRawType() : arg);
        if (el == String.class) {
          kind = Kind.STRING_LIST;
        } else if (el.isRecord()) {
          kind = Kind.RECORD_LIST;
        } else {
          throw new IllegalStateException("unsupported list element " + el);
        }
        type = el;
      } else if (raw == Map.class) {
        kind = Kind.MAP;
        type = raw;
      } else {
        throw new IllegalStateException("unsupported component type " + raw + " of " + name);
      }
      enumJson = json;
      enumFromJson = from;
    }

    @Nullable Object get(Object record) {
      try {
        return accessor.invokeExact(record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    @Nullable Object empty() {
      switch (kind) {
        case STRING_LIST:
        case RECORD_LIST:
          return List.of();
        case MAP:
          return Map.of();
        case DOUBLE:
          return 0.0;
        case RECORD:
          return info(type).emptyInstance();
        default:
          return null;
      }
    }

    String enumJson(Object value) {
      try {
        return (String) enumJson.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    Object enumFromJson(String json) {
      try {
        return enumFromJson.invoke(null, json);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof IllegalArgumentException iae) {
          throw iae;
        }
        throw new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class RecordInfo {
    final List<Component> components = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final @Nullable Component extra;
    final MethodHandle constructor;
    final @Nullable Object defaults;
    final Class<?> type;

    RecordInfo(Class<?> type) {
      this.type = type;
      Component ex = null;
      RecordComponent[] rcs = type.getRecordComponents();
      Class<?>[] params = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        Component c = new Component(rcs[i]);
        components.add(c);
        params[i] = rcs[i].getType();
        if (c.kind == Kind.MAP) {
          ex = c;
        } else {
          names.add(c.name);
        }
      }
      extra = ex;
      try {
        constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, params))
            .asSpreader(Object[].class, params.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      Object d = null;
      try {
        Field f = type.getField("DEFAULT");
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
          d = f.get(null);
        }
      } catch (NoSuchFieldException e) {
        // no defaults: absent fields are empty
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      defaults = d;
    }

    Object construct(Object[] args) {
      try {
        return constructor.invokeExact(args);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new AltoCvException("could not build " + type.getSimpleName(), t);
      }
    }

    Object emptyInstance() {
      if (defaults != null) {
        return defaults;
      }
      Object[] args = new Object[components.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = components.get(i).empty();
      }
      return construct(args);
    }
  }
}
