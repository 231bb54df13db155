package dev.altocv.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.MalformedJsonException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The one configured Jackson mapper and conversions between trees and plain Java values. */
public final class Json {
  private Json() {}

  /**
   * The deepest nesting of objects and arrays read or made by a patch. A CV is about six levels deep; the limit
   * leaves room for custom data under {@code meta} while keeping every recursive walk (validation, conversion)
   * far from the thread's stack limit.
   */
  public static final int MAX_DEPTH = 100;

  /** The reading limits every AltoCV mapper uses (nesting as above; Jackson's defaults otherwise). */
  public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
      .build();

  /** Strict: duplicate keys and trailing content are errors; decimals stay exact. */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS)
          .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** The node factory; decimals are kept exactly as written. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /**
   * Parses text into a tree.
   *
   * @param text the JSON text
   * @param what what it is, for the error message ("CV", "patch")
   * @return the tree
   * @throws MalformedJsonException with line and column
   */
  public static JsonNode parse(String text, String what) {
    if (text.isBlank()) {
      throw new MalformedJsonException(what, 0, 0, "the input is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException(what, 0, 0, "the input is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      throw new MalformedJsonException(what, Math.max(line, 0), Math.max(col, 0), describe(e));
    }
  }

  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern JAVA_NAMES = Pattern.compile("\\s*\\([^()]*`[^()]*\\)|`[^`]*`");

  /**
   * What a Jackson reading error says, for a person: its first line, without Java class, feature or constraint
   * names, and with "[Source: ...; line: L, column: C]" shortened to "line L, column C".
   *
   * @param e the error
   * @return the description
   */
  public static String describe(JsonProcessingException e) {
    Throwable limit = e;
    while (limit != null && !(limit instanceof StreamConstraintsException)) {
      limit = limit.getCause();
    }
    if (limit != null) {
      String m = String.valueOf(((StreamConstraintsException) limit).getOriginalMessage());
      if (m.contains("nesting depth")) {
        return "objects and arrays are nested more than " + MAX_DEPTH + " levels deep";
      }
      if (m.contains("Number value length") || m.contains("number")) {
        return "a number is too long";
      }
      if (m.contains("String value length") || m.contains("string")) {
        return "a text value is too long";
      }
      return "the input is too large";
    }
    String detail = String.valueOf(e.getOriginalMessage());
    int cut = detail.indexOf('\n');
    if (cut > 0) {
      detail = detail.substring(0, cut);
    }
    detail = SOURCE.matcher(detail).replaceAll("line $1, column $2");
    detail = JAVA_NAMES.matcher(detail).replaceAll("").trim();
    detail = detail.replaceAll("\\s*;\\s*$", "");
    return detail.isEmpty() ? "not well-formed" : detail;
  }

  /**
   * The length of a tree written as compact JSON, counted up to a limit (strings by their characters, before
   * escaping).
   *
   * @param node the tree
   * @param limit stop counting past this length
   * @return the length, or a number above limit
   */
  public static long size(JsonNode node, long limit) {
    if (node.isTextual()) {
      return node.textValue().length() + 2L;
    }
    if (!node.isContainerNode()) {
      return node.isNumber() ? node.asText().length() : node.isBoolean() ? 5 : 4;
    }
    long n = 2;
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && n <= limit; ) {
        Map.Entry<String, JsonNode> e = it.next();
        n += e.getKey().length() + 4L + size(e.getValue(), limit - n);
      }
    } else {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext() && n <= limit; ) {
        n += 1 + size(it.next(), limit - n);
      }
    }
    return n;
  }

  /**
   * The deepest nesting of objects and arrays in a tree (a scalar is 0 deep, {@code {}} and {@code []} are 1).
   *
   * @param node the tree
   * @param limit stop counting past this depth
   * @return the depth, at most limit + 1
   */
  public static int depth(JsonNode node, int limit) {
    if (!node.isContainerNode()) {
      return 0;
    }
    if (limit <= 0) {
      return 1;
    }
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child, limit - 1));
      if (deepest >= limit) {
        break;
      }
    }
    return 1 + deepest;
  }

  /**
   * Writes a tree as indented JSON text.
   *
   * @param node the tree
   * @return the text
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AltoCvException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree as compact JSON text (one line).
   *
   * @param node the tree
   * @return the text
   */
  public static String writeCompact(JsonNode node) {
    return node.toString();
  }

  /**
   * Converts a tree into plain Java values: null, String, Boolean, Long or BigInteger, BigDecimal,
   * unmodifiable List and Map (insertion-ordered).
   *
   * @param node the tree
   * @return the value
   */
  public static @Nullable Object toPlain(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL:
      case MISSING:
        return null;
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.decimalValue();
      case ARRAY: {
        List<@Nullable Object> list = new ArrayList<>(node.size());
        for (JsonNode n : node) {
          list.add(toPlain(n));
        }
        return Collections.unmodifiableList(list);
      }
      case OBJECT: {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), toPlain(e.getValue()));
        }
        return Collections.unmodifiableMap(map);
      }
      default:
        throw new AltoCvException("unsupported JSON node: " + node.getNodeType());
    }
  }

  /**
   * Converts plain Java values (as {@link #toPlain} makes them, and any Number, Map or List) into a tree.
   *
   * @param value the value
   * @return the tree
   * @throws IllegalArgumentException for a value that has no JSON form
   */
  public static JsonNode fromPlain(@Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof JsonNode n) {
      return n.deepCopy();
    } else if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    } else if (value instanceof BigInteger bi) {
      return NODES.numberNode(bi);
    } else if (value instanceof BigDecimal bd) {
      return NODES.numberNode(bd);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no value for " + d);
      }
      return number(d);
    } else if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException("JSON object keys must be strings, not " + e.getKey());
        }
        o.set(k, fromPlain(e.getValue()));
      }
      return o;
    } else if (value instanceof Iterable<?> it) {
      ArrayNode a = NODES.arrayNode();
      for (Object o : it) {
        a.add(fromPlain(o));
      }
      return a;
    } else if (value instanceof Record r) {
      return CvCodec.recordToTree(r, CvCodec.Form.ALTOCV);
    }
    throw new IllegalArgumentException("a " + value.getClass().getName() + " has no JSON form");
  }

  /**
   * A number node, integral values without a fraction ({@code 13}, not {@code 13.0}).
   *
   * @param d the value
   * @return the node
   */
  public static JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return NODES.numberNode((long) d);
    }
    return NODES.numberNode(BigDecimal.valueOf(d));
  }

  /**
   * JSON equality as RFC 6902 {@code test} defines it: numbers by value, objects regardless of member order.
   *
   * @param a one value
   * @param b the other
   * @return whether they are equal
   */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !jsonEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
