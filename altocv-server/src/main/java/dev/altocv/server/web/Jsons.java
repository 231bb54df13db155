package dev.altocv.server.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.altocv.core.internal.Json;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The server's JSON: one mapper, and strict reading of request bodies with errors a person can act on. */
public final class Jsons {
  private Jsons() {}

  /**
   * Writes ISO-8601 times; reads strictly (unknown fields, duplicate keys and trailing content are errors) and
   * keeps decimals exactly as written.
   */
  public static final ObjectMapper MAPPER = strict(JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(Json.LIMITS).build())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build());

  /** No scalar turns into another kind: 123 or true is not text, 1 is not a boolean or a choice, "5" is not 5. */
  private static ObjectMapper strict(ObjectMapper m) {
    Map<LogicalType, CoercionInputShape> own = Map.of(LogicalType.Textual, CoercionInputShape.String,
        LogicalType.Enum, CoercionInputShape.String, LogicalType.Boolean, CoercionInputShape.Boolean,
        LogicalType.Integer, CoercionInputShape.Integer, LogicalType.Float, CoercionInputShape.Float);
    for (Map.Entry<LogicalType, CoercionInputShape> e : own.entrySet()) {
      for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Boolean,
          CoercionInputShape.Integer, CoercionInputShape.Float)) {
        boolean allowed = shape == e.getValue()
            || (e.getKey() == LogicalType.Float && shape == CoercionInputShape.Integer);
        m.coercionConfigFor(e.getKey()).setCoercion(shape, allowed ? CoercionAction.TryConvert
            : CoercionAction.Fail);
      }
    }
    return m;
  }

  /** A JSON escape of U+0000 that is not itself escaped (an even run of backslashes before it, or none). */
  private static final Pattern NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000");

  /**
   * Writes a value as compact JSON.
   *
   * @param value the value
   * @return the text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  /**
   * Reads a JSON request body into a record, after checking the content type.
   *
   * @param ctx the request
   * @param type the record type
   * @param <T> the type
   * @return the value
   * @throws ApiException 415 for another content type, 400 for malformed JSON, unknown or missing fields
   */
  public static <T> T body(Context ctx, Class<T> type) {
    requireJson(ctx, "application/json");
    return read(ctx.body(), type);
  }

  /**
   * Reads JSON text into a type.
   *
   * @param text the text
   * @param type the type
   * @param <T> the type
   * @return the value
   * @throws ApiException 400 with what is wrong and where
   */
  public static <T> T read(String text, Class<T> type) {
    if (text.isBlank()) {
      throw ApiException.validation("the request body is empty; a JSON object is expected");
    }
    T value;
    try {
      value = MAPPER.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
      throw ApiException.validation("unknown field '" + e.getPropertyName() + "'"
          + (known.isEmpty() ? "" : "; the fields are: " + known), Map.of("field", e.getPropertyName()));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ApiException.validation(String.valueOf(cause.getMessage()));
    } catch (MismatchedInputException e) {
      String p = path(e);
      if (p.isEmpty()) {
        throw ApiException.validation("a JSON " + kind(e.getTargetType()) + " is expected");
      }
      throw ApiException.validation("field '" + p + "' must be " + article(kind(e.getTargetType())),
          Map.of("field", p));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column "
          + loc.getColumnNr();
      throw ApiException.validation("malformed JSON" + where + ": " + Json.describe(e));
    }
    if (value == null) {
      throw ApiException.validation("the request body is null; a JSON " + kind(type) + " is expected");
    }
    Matcher nul = NUL.matcher(text);
    if (nul.find()) {
      int at = nul.end() - 6;
      int line = 1;
      int col = 1;
      for (int i = 0; i < at; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      throw ApiException.validation("text must not contain the NUL character (\\u0000), found at line " + line
          + ", column " + col);
    }
    return value;
  }

  /** What a Java type is called in JSON. */
  private static String kind(@Nullable Class<?> t) {
    if (t == null) {
      return "value";
    }
    if (t == String.class || t == char.class || t == Character.class || t.isEnum()) {
      return "text";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "boolean (true or false)";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
        || t == Short.class || t == java.math.BigInteger.class) {
      return "whole number";
    }
    if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
      return "number";
    }
    if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
      return "list";
    }
    return "object";
  }

  private static String article(String kind) {
    return (kind.startsWith("o") ? "an " : "a ") + kind;
  }

  /**
   * Parses JSON text into a tree.
   *
   * @param text the text
   * @return the tree
   */
  public static JsonNode tree(String text) {
    return read(text, JsonNode.class);
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /**
   * Checks the request's content type.
   *
   * @param ctx the request
   * @param allowed the media types accepted
   * @return the matched media type
   * @throws ApiException 415 naming the allowed types
   */
  public static String requireJson(Context ctx, String... allowed) {
    String ct = ctx.contentType();
    String media = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(media)) {
        return a;
      }
    }
    throw new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type must be " + String.join(" or ", allowed) + (ct == null ? " (none was given)" : ", not " + ct),
        Map.of("allowed", java.util.List.of(allowed)));
  }
}
