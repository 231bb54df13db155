package dev.altocv.ai.internal;

import static dev.altocv.ai.internal.ToolSchemas.bool;
import static dev.altocv.ai.internal.ToolSchemas.date;
import static dev.altocv.ai.internal.ToolSchemas.design;
import static dev.altocv.ai.internal.ToolSchemas.id;
import static dev.altocv.ai.internal.ToolSchemas.index;
import static dev.altocv.ai.internal.ToolSchemas.longText;
import static dev.altocv.ai.internal.ToolSchemas.object;
import static dev.altocv.ai.internal.ToolSchemas.reason;
import static dev.altocv.ai.internal.ToolSchemas.text;
import static dev.altocv.ai.internal.ToolSchemas.textList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.ai.internal.EditDraft.ChangeKind;
import dev.altocv.ai.internal.EditDraft.IdentityChange;
import dev.altocv.ai.spi.ToolSpec;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Layout;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The tools the model edits a CV with. Each has a JSON Schema (sent to the model and checked before anything
 * else) and turns valid arguments into a patch addressed by item ids, with a {@code test} of every value it
 * replaces or removes.
 */
public final class CvTools {

  /** One tool. */
  record Tool(String name, String description, ObjectNode schema, BiFunction<JsonNode, JsonNode, EditDraft> build) {
    ToolSpec spec() {
      return new ToolSpec(name, description, Json.writeCompact(ToolSchemas.forWire(schema)));
    }
  }

  private static final Map<String, Tool> TOOLS = build();
  private static final List<ToolSpec> SPECS = TOOLS.values().stream().map(Tool::spec).toList();

  private CvTools() {}

  /**
   * The tools offered to the model.
   *
   * @return their specs, in a fixed order
   */
  public static List<ToolSpec> specs() {
    return SPECS;
  }

  /**
   * The tool names.
   *
   * @return the names, in a fixed order
   */
  public static Set<String> names() {
    return Collections.unmodifiableSet(TOOLS.keySet());
  }

  static @Nullable Tool tool(String name) {
    return TOOLS.get(name);
  }

  private static Map<String, Tool> build() {
    Map<String, Tool> m = new LinkedHashMap<>();
    add(m, "update_basics", "Change the person's headline (label), name or contact details. Name and contact "
            + "details change only when the person asks for it.",
        ToolSchemas.with(min(object(), 2), props(
            "name", text("full name"),
            "label", text("headline, e.g. Senior Backend Engineer"),
            "email", text("e-mail address"),
            "phone", text("phone number"),
            "url", text("personal website"),
            "city", text("city"),
            "region", text("region or state"),
            "countryCode", text("ISO country code, e.g. DE", 3),
            "reason", reason()), List.of("reason")),
        CvTools::updateBasics);
    add(m, "set_summary", "Replace the profile summary at the top of the CV.",
        ToolSchemas.with(object(), props("summary", longText("the new summary"), "reason", reason()),
            List.of("summary", "reason")),
        CvTools::setSummary);
    add(m, "add_work", "Add a job the person told you about. Never add a job the person did not mention.",
        ToolSchemas.with(object(), props(
            "name", text("employer"),
            "position", text("job title"),
            "startDate", date("start, e.g. 2021-06"),
            "endDate", date("end; leave out for a current job"),
            "location", text("where"),
            "summary", longText("overview of the role"),
            "highlights", textList("achievements, one bullet each", 20),
            "url", text("employer website"),
            "reason", reason()), List.of("name", "position", "reason")),
        CvTools::addWork);
    add(m, "update_work", "Change fields of one job. Employer, title and dates change only when the person "
            + "asks for it.",
        ToolSchemas.with(min(object(), 3), props(
            "workId", id("the job's id, e.g. w1", "w"),
            "name", text("employer"),
            "position", text("job title"),
            "startDate", date("start, e.g. 2021-06"),
            "endDate", date("end, e.g. 2023-02"),
            "current", bool("true to mark the job as current (removes the end date)"),
            "location", text("where"),
            "summary", longText("overview of the role"),
            "description", longText("short description of the employer"),
            "url", text("employer website"),
            "reason", reason()), List.of("workId", "reason")),
        CvTools::updateWork);
    add(m, "remove_work", "Remove one job from the CV.",
        ToolSchemas.with(object(), props("workId", id("the job's id, e.g. w2", "w"), "reason", reason()),
            List.of("workId", "reason")),
        CvTools::removeWork);
    add(m, "update_education", "Change fields of one education entry. Only when the person asks for it.",
        ToolSchemas.with(min(object(), 3), props(
            "educationId", id("the entry's id, e.g. e1", "e"),
            "institution", text("school or university"),
            "area", text("field of study"),
            "studyType", text("degree, e.g. Bachelor"),
            "startDate", date("start"),
            "endDate", date("end"),
            "score", text("grade", 50),
            "reason", reason()), List.of("educationId", "reason")),
        CvTools::updateEducation);
    add(m, "add_highlight", "Add a bullet (achievement) to a job (w1...), volunteer entry (v1...) or project "
            + "(pr1...).",
        ToolSchemas.with(object(), props(
            "itemId", text("the id of the job, volunteer entry or project, e.g. w1", 64),
            "text", longText("the bullet"),
            "position", index("0-based position to insert at; leave out to append"),
            "reason", reason()), List.of("itemId", "text", "reason")),
        CvTools::addHighlight);
    add(m, "rewrite_highlight", "Rewrite one bullet. Give its 0-based index and its current text exactly as in "
            + "the CV.",
        ToolSchemas.with(object(), props(
            "itemId", text("the id of the job, volunteer entry or project, e.g. w1", 64),
            "index", index("0-based index of the bullet"),
            "original", longText("the bullet's current text, exactly as in the CV"),
            "text", longText("the new text"),
            "reason", reason()), List.of("itemId", "index", "original", "text", "reason")),
        CvTools::rewriteHighlight);
    add(m, "remove_highlight", "Remove one bullet. Give its 0-based index and its current text.",
        ToolSchemas.with(object(), props(
            "itemId", text("the id of the job, volunteer entry or project, e.g. w1", 64),
            "index", index("0-based index of the bullet"),
            "original", longText("the bullet's current text, exactly as in the CV"),
            "reason", reason()), List.of("itemId", "index", "original", "reason")),
        CvTools::removeHighlight);
    add(m, "add_skill", "Add a skill keyword to a skill group (groupId), or to a group by name (groupName, "
            + "created when missing). Only skills the CV or the person supports.",
        ToolSchemas.with(object(), props(
            "keyword", text("the skill, e.g. Kubernetes", 100),
            "groupId", id("an existing skill group's id, e.g. s1", "s"),
            "groupName", text("a skill group's name, e.g. Cloud", 100),
            "reason", reason()), List.of("keyword", "reason")),
        CvTools::addSkill);
    add(m, "remove_skill", "Remove a skill keyword from a skill group.",
        ToolSchemas.with(object(), props(
            "groupId", id("the skill group's id, e.g. s1", "s"),
            "keyword", text("the skill, exactly as in the CV", 100),
            "reason", reason()), List.of("groupId", "keyword", "reason")),
        CvTools::removeSkill);
    add(m, "reorder_sections", "Change the order of the CV's sections.",
        ToolSchemas.with(object(), props("order", ToolSchemas.sectionOrder(), "reason", reason()),
            List.of("order", "reason")),
        CvTools::reorderSections);
    add(m, "update_design", "Change how the CV looks: template, paper, colours, fonts, sizes, spacing.",
        ToolSchemas.with(min(object(), 2), props(
            "templateId", design("templateId", "template id, e.g. modern"),
            "paper", design("paper", "A4 or Letter"),
            "colors", design("colors", "colours as #RRGGBB; give only those to change"),
            "fontPairing", design("typography/fontPairing", "font pairing"),
            "headingSize", design("typography/headingSize", "section heading size in points"),
            "bodySize", design("typography/bodySize", "body text size in points"),
            "lineHeight", design("typography/lineHeight", "line height, times the font size"),
            "density", design("spacing/density", "density"),
            "sectionMargin", design("spacing/sectionMargin", "space above each section, mm"),
            "contentPadding", design("spacing/contentPadding", "page margin, mm"),
            "reason", reason()), List.of("reason")),
        CvTools::updateDesign);
    return Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, Tool> m, String name, String description, ObjectNode schema,
      BiFunction<JsonNode, JsonNode, EditDraft> build) {
    m.put(name, new Tool(name, description, schema, build));
  }

  private static ObjectNode min(ObjectNode schema, int n) {
    schema.put("minProperties", n);
    return schema;
  }

  private static Map<String, ObjectNode> props(Object... kv) {
    Map<String, ObjectNode> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (ObjectNode) kv[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------- builders: (arguments, CV tree) -> draft

  private static final class Ops {
    final List<PatchOp> ops = new ArrayList<>();
    final List<String> newTexts = new ArrayList<>();
    final List<IdentityChange> identity = new ArrayList<>();

    /** Sets a text field: test + replace, or add when absent; nothing when unchanged. */
    boolean set(JsonNode owner, String base, String field, @Nullable String value) {
      JsonNode old = owner.get(field);
      String path = base + "/" + field;
      if (value == null) {
        if (old != null && !old.isNull()) {
          ops.add(PatchOp.test(path, Json.toPlain(old)));
          ops.add(PatchOp.remove(path));
          return true;
        }
        return false;
      }
      if (old != null && !old.isNull()) {
        if (old.isTextual() && old.textValue().equals(value)) {
          return false;
        }
        ops.add(PatchOp.test(path, Json.toPlain(old)));
        ops.add(PatchOp.replace(path, value));
      } else {
        ops.add(PatchOp.add(path, value));
      }
      return true;
    }

    void text(JsonNode owner, String base, String field, @Nullable String value) {
      if (set(owner, base, field, value) && value != null) {
        newTexts.add(value);
      }
    }

    void identity(JsonNode owner, String base, String field, @Nullable String value, ChangeKind kind,
        String label, List<String> names) {
      JsonNode old = owner.get(field);
      String oldText = old == null || old.isNull() ? null : old.asText();
      if (set(owner, base, field, value)) {
        identity.add(new IdentityChange(kind, label, oldText, value, names));
      }
    }

    EditDraft draft(String tool, String summary, String reason) {
      return draft(tool, summary, reason, null, null);
    }

    EditDraft draft(String tool, String summary, String reason, @Nullable String removed,
        @Nullable String skill) {
      if (ops.stream().noneMatch(o -> o.op() != PatchOp.Op.TEST)) {
        throw new ToolCallException("this changes nothing: the CV already has these values");
      }
      return new EditDraft(tool, summary, reason, new Patch(ops), newTexts, identity, removed, skill);
    }
  }

  private static @Nullable String str(JsonNode args, String field) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String reasonOf(JsonNode args) {
    return args.get("reason").asText();
  }

  private static ObjectNode item(JsonNode cv, String list, String id, String what) {
    for (JsonNode n : cv.path(list)) {
      if (id.equals(n.path("id").asText())) {
        return (ObjectNode) n;
      }
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode n : cv.path(list)) {
      ids.add(n.path("id").asText() + " (" + describe(list, n) + ")");
    }
    throw new ToolCallException("there is no " + what + " with id " + id + " in this CV; "
        + (ids.isEmpty() ? "it has none" : "it has " + String.join(", ", ids)));
  }

  static String describe(String list, JsonNode n) {
    switch (list) {
      case "work":
        return n.path("position").asText("?") + " at " + n.path("name").asText("?");
      case "volunteer":
        return n.path("position").asText("?") + " at " + n.path("organization").asText("?");
      case "projects":
        return "project " + n.path("name").asText("?");
      case "education":
        return n.path("studyType").asText("") + " " + n.path("area").asText("") + " at "
            + n.path("institution").asText("?");
      case "skills":
        return "skill group " + n.path("name").asText("?");
      default:
        return list + " " + n.path("id").asText();
    }
  }

  private static EditDraft updateBasics(JsonNode a, JsonNode cv) {
    JsonNode basics = cv.path("basics");
    Ops o = new Ops();
    o.text(basics, "/basics", "label", str(a, "label"));
    String[] contact = {"name", "email", "phone", "url"};
    String[] words = {"name", "e-mail address", "phone number", "website"};
    for (int i = 0; i < contact.length; i++) {
      if (a.has(contact[i])) {
        o.identity(basics, "/basics", contact[i], str(a, contact[i]), ChangeKind.VALUE, "your " + words[i],
            List.of());
      }
    }
    JsonNode loc = basics.path("location");
    for (String f : List.of("city", "region", "countryCode")) {
      if (a.has(f)) {
        if (loc.isMissingNode()) {
          o.ops.add(PatchOp.add("/basics/location", Map.of()));
          loc = Json.NODES.objectNode();
        }
        o.identity(loc, "/basics/location", f, str(a, f), ChangeKind.VALUE, "your location (" + f + ")",
            List.of());
      }
    }
    return o.draft("update_basics", "Update " + String.join(", ", fieldNames(a)), reasonOf(a));
  }

  private static List<String> fieldNames(JsonNode a) {
    List<String> names = new ArrayList<>();
    a.fieldNames().forEachRemaining(f -> {
      if (!f.equals("reason") && !f.endsWith("Id")) {
        names.add(f);
      }
    });
    return names;
  }

  private static EditDraft setSummary(JsonNode a, JsonNode cv) {
    Ops o = new Ops();
    o.text(cv.path("basics"), "/basics", "summary", str(a, "summary"));
    return o.draft("set_summary", "Rewrite the summary", reasonOf(a));
  }

  private static EditDraft addWork(JsonNode a, JsonNode cv) {
    Map<String, Object> job = new LinkedHashMap<>();
    for (String f : List.of("name", "position", "location", "url", "startDate", "endDate", "summary")) {
      if (a.hasNonNull(f)) {
        job.put(f, a.get(f).asText());
      }
    }
    List<String> highlights = new ArrayList<>();
    a.path("highlights").forEach(h -> highlights.add(h.asText()));
    job.put("highlights", highlights);
    String start = str(a, "startDate");
    String end = str(a, "endDate");
    if (start != null && end != null && end.compareTo(start) < 0) {
      throw new ToolCallException("endDate " + end + " is before startDate " + start);
    }
    // keep reverse-chronological order: before the first job that started earlier
    String path = "/work/-";
    if (start != null) {
      for (JsonNode w : cv.path("work")) {
        String s = w.path("startDate").asText("");
        if (!s.isEmpty() && s.compareTo(start) < 0) {
          path = "/work/[id=" + w.path("id").asText() + "]";
          break;
        }
      }
    }
    Ops o = new Ops();
    o.ops.add(PatchOp.add(path, job));
    if (a.hasNonNull("summary")) {
      o.newTexts.add(a.get("summary").asText());
    }
    o.newTexts.addAll(highlights);
    String name = a.get("name").asText();
    String position = a.get("position").asText();
    o.identity.add(new IdentityChange(ChangeKind.ADD_JOB, "a new job (" + position + " at " + name + ")", null,
        name, List.of(name, position)));
    return o.draft("add_work", "Add the job " + position + " at " + name, reasonOf(a));
  }

  private static EditDraft updateWork(JsonNode a, JsonNode cv) {
    String id = a.get("workId").asText();
    ObjectNode job = item(cv, "work", id, "job");
    String base = "/work/[id=" + id + "]";
    String what = describe("work", job);
    Ops o = new Ops();
    List<String> names = List.of(job.path("name").asText(""), job.path("position").asText(""));
    if (a.has("name")) {
      o.identity(job, base, "name", str(a, "name"), ChangeKind.VALUE, "the employer of " + what, names);
    }
    if (a.has("position")) {
      o.identity(job, base, "position", str(a, "position"), ChangeKind.VALUE, "the job title of " + what, names);
    }
    if (a.has("startDate")) {
      o.identity(job, base, "startDate", str(a, "startDate"), ChangeKind.DATE, "the start date of " + what, names);
    }
    if (a.has("endDate") && a.path("current").asBoolean(false)) {
      throw new ToolCallException("give either endDate or current, not both");
    }
    if (a.has("endDate")) {
      o.identity(job, base, "endDate", str(a, "endDate"), ChangeKind.DATE, "the end date of " + what, names);
    } else if (a.path("current").asBoolean(false)) {
      o.identity(job, base, "endDate", null, ChangeKind.DATE, "the end date of " + what + " (made current)",
          names);
    }
    String start = a.has("startDate") ? str(a, "startDate") : job.path("startDate").asText(null);
    String end = a.has("endDate") ? str(a, "endDate")
        : a.path("current").asBoolean(false) ? null : job.path("endDate").asText(null);
    if (start != null && end != null && end.compareTo(start) < 0) {
      throw new ToolCallException("the end date " + end + " would be before the start date " + start);
    }
    for (String f : List.of("location", "summary", "description", "url")) {
      if (a.has(f)) {
        o.text(job, base, f, str(a, f));
      }
    }
    return o.draft("update_work", "Update " + String.join(", ", fieldNames(a)) + " of " + what, reasonOf(a));
  }

  private static EditDraft removeWork(JsonNode a, JsonNode cv) {
    String id = a.get("workId").asText();
    ObjectNode job = item(cv, "work", id, "job");
    String base = "/work/[id=" + id + "]";
    String what = describe("work", job);
    Ops o = new Ops();
    if (job.hasNonNull("name")) {
      o.ops.add(PatchOp.test(base + "/name", job.get("name").asText()));
    }
    if (job.hasNonNull("position")) {
      o.ops.add(PatchOp.test(base + "/position", job.get("position").asText()));
    }
    o.ops.add(PatchOp.remove(base));
    o.identity.add(new IdentityChange(ChangeKind.REMOVE_JOB, "the job " + what, what, null,
        List.of(job.path("name").asText(""), job.path("position").asText(""))));
    return o.draft("remove_work", "Remove the job " + what, reasonOf(a), "the job " + what, null);
  }

  private static EditDraft updateEducation(JsonNode a, JsonNode cv) {
    String id = a.get("educationId").asText();
    ObjectNode e = item(cv, "education", id, "education entry");
    String base = "/education/[id=" + id + "]";
    String what = describe("education", e).trim();
    Ops o = new Ops();
    List<String> names = List.of(e.path("institution").asText(""), e.path("studyType").asText(""));
    for (String f : List.of("institution", "area", "studyType", "score")) {
      if (a.has(f)) {
        o.identity(e, base, f, str(a, f), ChangeKind.VALUE, "the " + f + " of " + what, names);
      }
    }
    for (String f : List.of("startDate", "endDate")) {
      if (a.has(f)) {
        o.identity(e, base, f, str(a, f), ChangeKind.DATE, "the " + f + " of " + what, names);
      }
    }
    return o.draft("update_education", "Update " + String.join(", ", fieldNames(a)) + " of " + what,
        reasonOf(a));
  }

  private record Owner(String list, ObjectNode node, String base) {}

  private static Owner bulletOwner(JsonNode cv, String id) {
    for (String list : List.of("work", "volunteer", "projects")) {
      for (JsonNode n : cv.path(list)) {
        if (id.equals(n.path("id").asText())) {
          return new Owner(list, (ObjectNode) n, "/" + list + "/[id=" + id + "]/highlights");
        }
      }
    }
    List<String> ids = new ArrayList<>();
    for (String list : List.of("work", "volunteer", "projects")) {
      for (JsonNode n : cv.path(list)) {
        ids.add(n.path("id").asText() + " (" + describe(list, n) + ")");
      }
    }
    throw new ToolCallException("there is no job, volunteer entry or project with id " + id + " in this CV; "
        + (ids.isEmpty() ? "it has none" : "it has " + String.join(", ", ids)));
  }

  private static EditDraft addHighlight(JsonNode a, JsonNode cv) {
    Owner owner = bulletOwner(cv, a.get("itemId").asText());
    int size = owner.node.path("highlights").size();
    String path = owner.base + "/-";
    if (a.has("position")) {
      int pos = a.get("position").asInt();
      if (pos > size) {
        throw new ToolCallException("position " + pos + " is past the end: " + describe(owner.list, owner.node)
            + " has " + size + " bullets (use 0 to " + size + ", or leave position out to append)");
      }
      path = owner.base + "/" + pos;
    }
    Ops o = new Ops();
    String text = a.get("text").asText();
    o.ops.add(PatchOp.add(path, text));
    o.newTexts.add(text);
    return o.draft("add_highlight", "Add a bullet to " + describe(owner.list, owner.node), reasonOf(a));
  }

  private static String bullet(Owner owner, int index, String original) {
    JsonNode list = owner.node.path("highlights");
    String what = describe(owner.list, owner.node);
    if (index >= list.size()) {
      throw new ToolCallException(what + " has " + list.size() + " bullets, so there is no bullet " + index
          + " (indexes start at 0)");
    }
    String actual = list.get(index).asText();
    if (!squash(actual).equals(squash(original))) {
      for (int i = 0; i < list.size(); i++) {
        if (squash(list.get(i).asText()).equals(squash(original))) {
          throw new ToolCallException("bullet " + index + " of " + what + " is not the one you quoted; "
              + "that text is bullet " + i + " (indexes start at 0)");
        }
      }
      throw new ToolCallException("bullet " + index + " of " + what + " reads \"" + actual
          + "\", not the text you quoted; quote the current text exactly");
    }
    return actual;
  }

  private static String squash(String s) {
    return s.trim().replaceAll("\\s+", " ");
  }

  private static EditDraft rewriteHighlight(JsonNode a, JsonNode cv) {
    Owner owner = bulletOwner(cv, a.get("itemId").asText());
    int index = a.get("index").asInt();
    String actual = bullet(owner, index, a.get("original").asText());
    String text = a.get("text").asText();
    if (text.equals(actual)) {
      throw new ToolCallException("the new text is the same as the current one");
    }
    Ops o = new Ops();
    o.ops.add(PatchOp.test(owner.base + "/" + index, actual));
    o.ops.add(PatchOp.replace(owner.base + "/" + index, text));
    o.newTexts.add(text);
    return o.draft("rewrite_highlight", "Rewrite bullet " + (index + 1) + " of " + describe(owner.list, owner.node),
        reasonOf(a));
  }

  private static EditDraft removeHighlight(JsonNode a, JsonNode cv) {
    Owner owner = bulletOwner(cv, a.get("itemId").asText());
    int index = a.get("index").asInt();
    String actual = bullet(owner, index, a.get("original").asText());
    Ops o = new Ops();
    o.ops.add(PatchOp.test(owner.base + "/" + index, actual));
    o.ops.add(PatchOp.remove(owner.base + "/" + index));
    String what = describe(owner.list, owner.node);
    return o.draft("remove_highlight", "Remove bullet " + (index + 1) + " of " + what, reasonOf(a),
        "the bullet \"" + actual + "\" of " + what, null);
  }

  private static EditDraft addSkill(JsonNode a, JsonNode cv) {
    String keyword = a.get("keyword").asText().trim();
    Ops o = new Ops();
    String groupId = str(a, "groupId");
    String groupName = str(a, "groupName");
    if (groupId != null && groupName != null) {
      throw new ToolCallException("give either groupId or groupName, not both");
    }
    for (JsonNode g : cv.path("skills")) {
      for (JsonNode k : g.path("keywords")) {
        if (Texts.compact(k.asText()).equals(Texts.compact(keyword))) {
          throw new ToolCallException("the CV already lists " + k.asText() + " in " + describe("skills", g)
              + " (" + g.path("id").asText() + ")");
        }
      }
      if (Texts.compact(g.path("name").asText("")).equals(Texts.compact(keyword))
          && g.path("keywords").isEmpty()) {
        throw new ToolCallException("the CV already has a skill group named " + keyword);
      }
    }
    JsonNode group = null;
    if (groupId != null) {
      group = item(cv, "skills", groupId, "skill group");
    } else if (groupName != null) {
      for (JsonNode g : cv.path("skills")) {
        if (g.path("name").asText("").equalsIgnoreCase(groupName.trim())) {
          group = g;
        }
      }
    } else {
      throw new ToolCallException("give groupId (an existing skill group) or groupName");
    }
    String summary;
    if (group != null) {
      o.ops.add(PatchOp.add("/skills/[id=" + group.path("id").asText() + "]/keywords/-", keyword));
      summary = "Add the skill " + keyword + " to " + describe("skills", group);
    } else {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("name", groupName.trim());
      g.put("keywords", List.of(keyword));
      o.ops.add(PatchOp.add("/skills/-", g));
      summary = "Add the skill " + keyword + " in a new group " + groupName.trim();
    }
    return o.draft("add_skill", summary, reasonOf(a), null, keyword);
  }

  private static EditDraft removeSkill(JsonNode a, JsonNode cv) {
    String groupId = a.get("groupId").asText();
    JsonNode group = item(cv, "skills", groupId, "skill group");
    String keyword = a.get("keyword").asText();
    JsonNode keywords = group.path("keywords");
    for (int i = 0; i < keywords.size(); i++) {
      if (keywords.get(i).asText().equalsIgnoreCase(keyword.trim())) {
        Ops o = new Ops();
        String path = "/skills/[id=" + groupId + "]/keywords/" + i;
        o.ops.add(PatchOp.test(path, keywords.get(i).asText()));
        o.ops.add(PatchOp.remove(path));
        return o.draft("remove_skill", "Remove the skill " + keywords.get(i).asText(), reasonOf(a),
            "the skill " + keywords.get(i).asText(), null);
      }
    }
    List<String> have = new ArrayList<>();
    keywords.forEach(k -> have.add(k.asText()));
    throw new ToolCallException(describe("skills", group) + " (" + groupId + ") has no skill " + keyword
        + "; it has " + (have.isEmpty() ? "none" : String.join(", ", have)));
  }

  private static EditDraft reorderSections(JsonNode a, JsonNode cv) {
    List<String> allowed = new ArrayList<>(Layout.SECTIONS);
    for (JsonNode s : cv.path("altocv").path("customSections")) {
      allowed.add(s.path("id").asText());
    }
    List<String> order = new ArrayList<>();
    for (JsonNode s : a.get("order")) {
      String name = s.asText();
      if (!allowed.contains(name)) {
        throw new ToolCallException("'" + name + "' is not a section; sections: " + String.join(", ", allowed));
      }
      order.add(name);
    }
    JsonNode layout = cv.path("altocv").path("design").path("layout");
    Ops o = new Ops();
    JsonNode old = layout.get("sectionOrder");
    if (old != null && Json.jsonEquals(old, Json.fromPlain(order))) {
      throw new ToolCallException("the sections are already in this order");
    }
    if (old != null) {
      o.ops.add(PatchOp.test("/altocv/design/layout/sectionOrder", Json.toPlain(old)));
      o.ops.add(PatchOp.replace("/altocv/design/layout/sectionOrder", order));
    } else {
      o.ops.add(PatchOp.add("/altocv/design/layout/sectionOrder", order));
    }
    return o.draft("reorder_sections", "Order the sections: " + String.join(", ", order), reasonOf(a));
  }

  private static EditDraft updateDesign(JsonNode a, JsonNode cv) {
    JsonNode d = cv.path("altocv").path("design");
    Ops o = new Ops();
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("templateId", "");
    paths.put("paper", "");
    paths.put("fontPairing", "typography");
    paths.put("headingSize", "typography");
    paths.put("bodySize", "typography");
    paths.put("lineHeight", "typography");
    paths.put("density", "spacing");
    paths.put("sectionMargin", "spacing");
    paths.put("contentPadding", "spacing");
    for (Map.Entry<String, String> e : paths.entrySet()) {
      if (a.has(e.getKey())) {
        String group = e.getValue();
        designValue(o, group.isEmpty() ? d : d.path(group),
            "/altocv/design" + (group.isEmpty() ? "" : "/" + group) + "/" + e.getKey(), a.get(e.getKey()));
      }
    }
    if (a.has("colors")) {
      a.get("colors").properties().forEach(c -> designValue(o, d.path("colors"),
          "/altocv/design/colors/" + c.getKey(), c.getValue()));
    }
    return o.draft("update_design", "Change the design: " + String.join(", ", fieldNames(a)), reasonOf(a));
  }

  private static void designValue(Ops o, JsonNode owner, String path, JsonNode value) {
    String field = path.substring(path.lastIndexOf('/') + 1);
    JsonNode old = owner.get(field);
    if (old != null && Json.jsonEquals(old, value)) {
      return;
    }
    if (old != null) {
      o.ops.add(PatchOp.test(path, Json.toPlain(old)));
      o.ops.add(PatchOp.replace(path, Json.toPlain(value)));
    } else {
      o.ops.add(PatchOp.add(path, Json.toPlain(value)));
    }
  }

  /** The tool names as a sentence, for messages to the model. */
  static String list() {
    return TOOLS.keySet().stream().collect(Collectors.joining(", "));
  }
}
