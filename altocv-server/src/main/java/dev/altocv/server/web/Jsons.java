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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    return read(utf8(ctx), type);
  }

  /**
   * The request body as text, refusing bytes that are not UTF-8 (instead of replacing them with U+FFFD).
   *
   * @param ctx the request
   * @return the text
   * @throws ApiException 400 naming the byte offset
   */
  public static String utf8(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return d.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.validation("the request body is not UTF-8 text (a malformed byte sequence near byte "
          + in.position() + ")");
    }
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
    checkEscapes(text);
    return value;
  }

  /**
   * Refuses the escapes PostgreSQL cannot store or would store as "?": {@code \\u0000} (NUL) and a UTF-16
   * surrogate without its pair. The text already parsed, so every backslash starts a valid escape.
   */
  private static void checkEscapes(String text) {
    int pendingHigh = -1; // where an unpaired high surrogate escape began
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '\\') {
        if (pendingHigh >= 0) {
          throw unpaired(text, pendingHigh);
        }
        continue;
      }
      char next = text.charAt(i + 1);
      if (next != 'u') {
        if (pendingHigh >= 0) {
          throw unpaired(text, pendingHigh);
        }
        i++; // skip the escaped character
        continue;
      }
      char unit = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
      if (unit == 0) {
        throw badEscape(text, i, "the NUL character (\\u0000)");
      }
      if (Character.isHighSurrogate(unit)) {
        if (pendingHigh >= 0) {
          throw unpaired(text, pendingHigh);
        }
        pendingHigh = i;
      } else if (Character.isLowSurrogate(unit)) {
        if (pendingHigh < 0) {
          throw unpaired(text, i);
        }
        pendingHigh = -1;
      } else if (pendingHigh >= 0) {
        throw unpaired(text, pendingHigh);
      }
      i += 5;
    }
    if (pendingHigh >= 0) {
      throw unpaired(text, pendingHigh);
    }
  }

  private static ApiException unpaired(String text, int at) {
    return badEscape(text, at, "half of a UTF-16 surrogate pair (\\u" + text.substring(at + 2, at + 6)
        + ") without its other half");
  }

  private static ApiException badEscape(String text, int at, String what) {
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
    return ApiException.validation("text must not contain " + what + ", found at line " + line + ", column " + col);
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
