package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.altocv.core.DocumentKind;
import dev.altocv.core.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shipped JSON Schemas (2020-12) and validation against them, with messages written for people and
 * pointers in AltoCV's id form. The validator's own types stay in here.
 */
public final class Schemas {
  private Schemas() {}

  /** Classpath folder of the schema files. */
  public static final String RESOURCE_DIR = "dev/altocv/core/schema/";

  private static final String BASE = "https://altocv.dev/schema/";

  private static final class Holder {
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                .errorMessageKeyword("message")
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(false)
                .build())
            .schemaIdResolvers(r -> r.mapPrefix(BASE, "classpath:" + RESOURCE_DIR)));
    static final Schema ALTOCV = REGISTRY.getSchema(SchemaLocation.of(BASE + "altocv.schema.json"));
    static final Schema JSON_RESUME = REGISTRY.getSchema(SchemaLocation.of(BASE + "jsonresume.schema.json"));

    static {
      ALTOCV.initializeValidators();
      JSON_RESUME.initializeValidators();
    }
  }

  /**
   * Validates a document.
   *
   * @param doc the document
   * @param kind which schema
   * @return violations in document order, one per place and problem
   */
  public static List<Violation> validate(JsonNode doc, DocumentKind kind) {
    Schema schema = kind == DocumentKind.ALTOCV ? Holder.ALTOCV : Holder.JSON_RESUME;
    List<Error> errors = schema.validate(doc);
    List<Violation> days = new ArrayList<>();
    leapDays(doc, doc, new ArrayList<>(), days);
    if (errors.isEmpty() && days.isEmpty()) {
      return List.of();
    }
    Set<Violation> out = new LinkedHashSet<>();
    for (Error e : errors) {
      out.add(violation(doc, e));
    }
    out.addAll(days);
    List<Violation> list = new ArrayList<>(out);
    list.sort(Comparator.comparing(Violation::pointer));
    return list;
  }

  private static final Set<String> DATE_FIELDS = Set.of("startDate", "endDate", "date", "releaseDate");

  /**
   * February 29 of a year that has none (the schema's pattern checks months and month lengths, not leap years).
   * Custom data under {@code meta} is not the CV's and is left alone.
   */
  private static void leapDays(JsonNode doc, JsonNode node, List<Object> at, List<Violation> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (at.isEmpty() && f.getKey().equals("meta")) {
          continue;
        }
        JsonNode v = f.getValue();
        if (DATE_FIELDS.contains(f.getKey()) && v.isTextual() && v.textValue().length() == 10
            && v.textValue().endsWith("-02-29")) {
          int year = Integer.parseInt(v.textValue().substring(0, 4));
          if (!java.time.Year.isLeap(year)) {
            List<Object> p = new ArrayList<>(at);
            p.add(f.getKey());
            out.add(new Violation(Pointers.stable(doc, p), "must be a real date: " + year
                + " has no February 29"));
          }
        } else if (v.isContainerNode()) {
          at.add(f.getKey());
          leapDays(doc, v, at, out);
          at.remove(at.size() - 1);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        at.add(i);
        leapDays(doc, node.get(i), at, out);
        at.remove(at.size() - 1);
      }
    }
  }

  private static Violation violation(JsonNode doc, Error e) {
    List<Object> elements = new ArrayList<>();
    NodePath path = e.getInstanceLocation();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String message;
    if (keyword.equals("required") || keyword.equals("additionalProperties")) {
      String property = e.getProperty();
      if (keyword.equals("additionalProperties") && property != null) {
        elements.add(property);
      }
      message = e.isCustomMessage() ? e.getMessage() : generic(keyword, e);
      if (keyword.equals("required") && property != null) {
        message = "is missing '" + property + "'";
      }
    } else {
      message = e.isCustomMessage() ? e.getMessage() : generic(keyword, e);
    }
    return new Violation(Pointers.stable(doc, elements), message);
  }

  private static String generic(String keyword, Error e) {
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    switch (keyword) {
      case "type":
        return "must be " + article(args.length > 1 ? String.valueOf(args[1]) : "another type")
            + (e.getInstanceNode() != null ? ", not " + CvCodec.describe(e.getInstanceNode()) : "");
      case "required":
        return "is missing '" + e.getProperty() + "'";
      case "additionalProperties":
        return "has a field that is not allowed here: '" + e.getProperty() + "'";
      case "maxLength":
        return "is too long: at most " + first(args) + " characters";
      case "minLength":
        return "is too short: at least " + first(args) + " characters";
      case "maxItems":
        return "has too many entries: at most " + first(args);
      case "enum":
        return "must be one of " + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", "));
      case "pattern":
        return "does not have the expected form";
      case "minimum":
        return "must be at least " + first(args);
      case "maximum":
        return "must be at most " + first(args);
      case "uniqueItems":
        return "has the same entry twice";
      default:
        return e.getMessage();
    }
  }

  private static String first(Object[] args) {
    return args.length > 0 ? String.valueOf(args[0]) : "?";
  }

  private static String article(String type) {
    String t = type.replace("[", "").replace("]", "").replace("\"", "");
    switch (t) {
      case "string":
        return "text";
      case "object":
        return "an object";
      case "array":
        return "a list";
      case "number":
      case "integer":
        return "a number";
      case "boolean":
        return "true or false";
      default:
        return t;
    }
  }
}
