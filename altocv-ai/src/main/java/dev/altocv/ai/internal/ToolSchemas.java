package dev.altocv.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Layout;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the tools' arguments, built from the CV schema that altocv-core ships (dates, ids,
 * design settings and their ranges) so that a tool accepts exactly what a patch may write.
 */
final class ToolSchemas {
  private ToolSchemas() {}

  private static final JsonNode DEFS = Json.parse(AltoCv.altoCvSchema(), "schema").get("$defs");

  /** Longest free text one argument may carry (a summary or a bullet). */
  static final int MAX_TEXT = 3000;

  static ObjectNode object() {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "object");
    n.putObject("properties");
    n.put("additionalProperties", false);
    return n;
  }

  static ObjectNode text(String description, int maxLength) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "string");
    n.put("minLength", 1);
    n.put("maxLength", maxLength);
    n.put("description", description);
    return n;
  }

  static ObjectNode text(String description) {
    return text(description, 300);
  }

  static ObjectNode longText(String description) {
    return text(description, MAX_TEXT);
  }

  static ObjectNode date(String description) {
    ObjectNode n = DEFS.get("iso8601").deepCopy();
    n.put("description", description);
    return n;
  }

  static ObjectNode id(String description, String prefix) {
    ObjectNode n = DEFS.get("id").deepCopy();
    n.put("description", description);
    n.put("pattern", "^" + prefix + "[0-9]{1,9}$");
    ObjectNode msg = n.putObject("message");
    msg.put("pattern", "must be an id like " + prefix + "1, as written in the CV");
    return n;
  }

  static ObjectNode index(String description) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "integer");
    n.put("minimum", 0);
    n.put("maximum", 499);
    n.put("description", description);
    return n;
  }

  static ObjectNode reason() {
    return text("why this edit helps, in one sentence for the person (shown beside the edit)", 500);
  }

  static ObjectNode bool(String description) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "boolean");
    n.put("description", description);
    return n;
  }

  static ObjectNode textList(String description, int maxItems) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "array");
    n.set("items", longText("one entry"));
    n.put("maxItems", maxItems);
    n.put("description", description);
    return n;
  }

  /** The schema of a design setting, from the CV schema: {@code colors}, {@code typography/fontPairing}... */
  static ObjectNode design(String path, String description) {
    JsonNode n = DEFS.get("design");
    for (String part : path.split("/")) {
      n = n.get("properties").get(part);
    }
    ObjectNode copy = n.deepCopy();
    copy.put("description", description);
    return copy;
  }

  static ObjectNode sectionOrder() {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", "array");
    n.put("minItems", 1);
    n.put("maxItems", 100);
    n.put("uniqueItems", true);
    ObjectNode items = n.putObject("items");
    items.put("type", "string");
    items.put("pattern", "^[A-Za-z][A-Za-z0-9_-]{0,63}$");
    n.put("description", "the sections in the order to show them: " + String.join(", ", Layout.SECTIONS)
        + ", and custom section ids (cs1...); sections left out follow in the default order");
    return n;
  }

  /** Adds properties, marks the required ones. */
  static ObjectNode with(ObjectNode schema, Map<String, ObjectNode> properties, List<String> required) {
    ObjectNode props = (ObjectNode) schema.get("properties");
    properties.forEach(props::set);
    ArrayNode req = schema.putArray("required");
    required.forEach(req::add);
    return schema;
  }

  /** A copy without AltoCV's {@code message} keywords (custom error texts the providers do not need). */
  static JsonNode forWire(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      JsonNode msg = o.get("message");
      if (msg != null && msg.isObject()) {
        o.remove("message");
      }
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        strip(it.next());
      }
    } else if (n.isArray()) {
      n.forEach(ToolSchemas::strip);
    }
  }
}
