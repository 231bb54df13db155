package dev.altocv.server.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The server's JSON: one mapper, and strict reading of request bodies with errors a person can act on. */
public final class Jsons {
  private Jsons() {}

  /**
   * Writes ISO-8601 times; reads strictly (unknown fields, duplicate keys and trailing content are errors) and
   * keeps decimals exactly as written.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

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
    try {
      return MAPPER.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", "));
      throw ApiException.validation("unknown field '" + e.getPropertyName() + "'"
          + (known.isEmpty() ? "" : "; the fields are: " + known), Map.of("field", e.getPropertyName()));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ApiException.validation(String.valueOf(cause.getMessage()));
    } catch (InvalidFormatException e) {
      throw ApiException.validation("field '" + path(e) + "' has the wrong type: " + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      String p = path(e);
      throw ApiException.validation(p.isEmpty() ? "a JSON object is expected"
          : "field '" + p + "' has the wrong type or is missing");
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      String detail = e.getOriginalMessage();
      int cut = detail.indexOf('\n');
      throw ApiException.validation("malformed JSON" + where + ": " + (cut > 0 ? detail.substring(0, cut) : detail));
    }
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
