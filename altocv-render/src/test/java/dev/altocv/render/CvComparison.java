package dev.altocv.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Cv;
import dev.altocv.render.internal.ViewBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template promises to give back after PDF and import: the CV's JSON Resume tree minus the fields the
 * template lists as omitted, text as shown (white space collapsed, paragraphs one per line), dates at the
 * precision shown, empty values dropped; compared field by field with what the importer read.
 */
final class CvComparison {
  private CvComparison() {}

  private static final Set<String> PARAGRAPH_FIELDS = Set.of("summary", "description", "reference");
  private static final Set<String> DATE_FIELDS = Set.of("startDate", "endDate", "date", "releaseDate");
  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /** The expected tree: JSON Resume plus custom sections under "altocv/customSections", ids removed. */
  static JsonNode expected(Cv cv, TemplateInfo t) {
    ObjectNode tree = (ObjectNode) Json.parse(AltoCv.writeJsonResume(cv), "cv");
    tree.remove("$schema");
    for (String path : t.omittedFields()) {
      remove(tree, path.split("\\."), 0);
    }
    JsonNode custom = customSections(cv);
    if (custom != null) {
      tree.putObject("altocv").set("customSections", custom);
    }
    normalise(tree, "", t.datePrecision());
    // a profile's user name, when not printed, is read back from the URL's last segment
    JsonNode profiles = tree.path("basics").path("profiles");
    for (JsonNode p : profiles) {
      ObjectNode o = (ObjectNode) p;
      if (o.has("url")) {
        String seg = ViewBuilder.lastSegment(o.get("url").asText());
        String user = o.path("username").asText("");
        if (user.isEmpty() || user.equalsIgnoreCase(seg)) {
          o.remove("username");
          if (!seg.isEmpty()) {
            o.put("username", seg);
          }
        }
      }
    }
    prune(tree);
    return tree;
  }

  /** The tree of what was imported, in the same form. */
  static JsonNode actual(Cv cv) {
    ObjectNode tree = (ObjectNode) Json.parse(AltoCv.writeJsonResume(cv), "cv");
    tree.remove("$schema");
    tree.remove("meta");
    JsonNode custom = customSections(cv);
    if (custom != null) {
      tree.putObject("altocv").set("customSections", custom);
    }
    prune(tree);
    return tree;
  }

  private static JsonNode customSections(Cv cv) {
    if (cv.altocv().customSections().isEmpty()) {
      return null;
    }
    JsonNode alto = Json.parse(AltoCv.write(cv), "cv").path("altocv").path("customSections");
    stripIds(alto);
    return alto;
  }

  private static void stripIds(JsonNode n) {
    if (n.isObject()) {
      ((ObjectNode) n).remove("id");
      n.forEach(CvComparison::stripIds);
    } else if (n.isArray()) {
      n.forEach(CvComparison::stripIds);
    }
  }

  private static void remove(JsonNode node, String[] path, int i) {
    String seg = path[i];
    boolean each = seg.endsWith("[]");
    String field = each ? seg.substring(0, seg.length() - 2) : seg;
    if (!node.isObject()) {
      return;
    }
    if (i == path.length - 1) {
      ((ObjectNode) node).remove(field);
      return;
    }
    JsonNode child = node.get(field);
    if (child == null) {
      return;
    }
    if (each) {
      child.forEach(c -> remove(c, path, i + 1));
    } else {
      remove(child, path, i + 1);
    }
  }

  private static void normalise(JsonNode node, String key, DatePrecision precision) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String f : names) {
        JsonNode v = o.get(f);
        if (v.isTextual()) {
          o.set(f, TextNode.valueOf(text(f, v.asText(), precision)));
        } else {
          normalise(v, f, precision);
        }
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(ViewBuilder.clean(a.get(i).asText())));
        } else {
          normalise(a.get(i), key, precision);
        }
      }
    }
  }

  private static String text(String field, String value, DatePrecision precision) {
    if (PARAGRAPH_FIELDS.contains(field)) {
      List<String> paras = new ArrayList<>();
      for (String p : value.split("\\s*\\n\\s*")) {
        String c = ViewBuilder.clean(p);
        if (!c.isEmpty()) {
          paras.add(c);
        }
      }
      return String.join("\n", paras);
    }
    if (DATE_FIELDS.contains(field)) {
      Matcher m = ISO.matcher(value.trim());
      if (m.matches()) {
        return precision == DatePrecision.YEAR || m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
      }
    }
    return ViewBuilder.clean(value);
  }

  /** Drops empty strings, arrays and objects, and objects left empty. */
  private static boolean prune(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        if (prune(it.next().getValue())) {
          it.remove();
        }
      }
      return node.isEmpty();
    }
    if (node.isArray()) {
      Iterator<JsonNode> it = node.elements();
      while (it.hasNext()) {
        if (prune(it.next())) {
          it.remove();
        }
      }
      return node.isEmpty();
    }
    return node.isTextual() && node.asText().isEmpty() || node.isNull();
  }

  /** Every difference, one line each: pointer, expected, actual. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, out);
    return out;
  }

  private static void diff(String at, JsonNode e, JsonNode a, List<String> out) {
    if (e == null || e.isMissingNode()) {
      out.add(at + ": not expected, but read " + a);
      return;
    }
    if (a == null || a.isMissingNode()) {
      out.add(at + ": expected " + e + ", but nothing was read");
      return;
    }
    if (e.isObject() && a.isObject()) {
      Set<String> names = new java.util.TreeSet<>();
      e.fieldNames().forEachRemaining(names::add);
      a.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(at + "/" + n, e.get(n), a.get(n), out);
      }
    } else if (e.isArray() && a.isArray()) {
      for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
        diff(at + "/" + i, e.get(i), a.get(i), out);
      }
    } else if (!e.equals(a)) {
      out.add(at + ": expected " + e + ", read " + a);
    }
  }
}
