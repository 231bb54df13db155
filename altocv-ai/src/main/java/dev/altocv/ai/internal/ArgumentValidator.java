package dev.altocv.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.altocv.core.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Checks arguments against a JSON Schema and says what is wrong in words the model (and a person) can use. */
final class ArgumentValidator {
  private ArgumentValidator() {}

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .errorMessageKeyword("message")
          .pathType(PathType.JSON_POINTER)
          .locale(Locale.ENGLISH)
          .formatAssertionsEnabled(false)
          .build()));

  private static final ConcurrentHashMap<String, Schema> CACHE = new ConcurrentHashMap<>();

  /**
   * The problems of the arguments, empty when they are valid.
   *
   * @param schema the schema
   * @param args the arguments
   * @return one line per problem
   */
  static List<String> validate(JsonNode schema, JsonNode args) {
    String key = Json.writeCompact(schema);
    Schema s = CACHE.computeIfAbsent(key, k -> {
      Schema compiled = REGISTRY.getSchema(k, InputFormat.JSON);
      compiled.initializeValidators();
      return compiled;
    });
    List<Error> errors = s.validate(args);
    Set<String> out = new LinkedHashSet<>();
    for (Error e : errors) {
      out.add(describe(e));
    }
    return new ArrayList<>(out);
  }

  private static String describe(Error e) {
    String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    String where = at.isEmpty() || at.equals("/") ? "" : "'" + at.substring(1).replace('/', '.') + "' ";
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    if (e.isCustomMessage()) {
      return where + e.getMessage();
    }
    switch (keyword) {
      case "required":
        return "'" + (at.isEmpty() || at.equals("/") ? "" : at.substring(1).replace('/', '.') + ".")
            + e.getProperty() + "' is required";
      case "additionalProperties":
        return "'" + e.getProperty() + "' is not an argument of this tool";
      case "type":
        return where + "must be of type " + (args.length > 1 ? args[1] : "?") + ", not " + describe(e.getInstanceNode());
      case "enum":
        return where + "must be one of " + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", "));
      case "minProperties":
        return "give at least one field to change besides the ids and the reason";
      case "maxLength":
        return where + "is too long: at most " + (args.length > 0 ? args[0] : "?") + " characters";
      case "minLength":
        return where + "must not be empty";
      case "minimum":
        return where + "must be at least " + (args.length > 0 ? args[0] : "?");
      case "maximum":
        return where + "must be at most " + (args.length > 0 ? args[0] : "?");
      case "uniqueItems":
        return where + "lists the same entry twice";
      case "pattern":
        return where + "does not have the expected form";
      default:
        return where + e.getMessage();
    }
  }

  private static String describe(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    return n.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
