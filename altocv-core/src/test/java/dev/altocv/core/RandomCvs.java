package dev.altocv.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.model.AltoCvData;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Colors;
import dev.altocv.core.model.CustomItem;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Density;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.FontPairing;
import dev.altocv.core.model.Layout;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Paper;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Project;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Spacing;
import dev.altocv.core.model.Typography;
import dev.altocv.core.model.Work;
import dev.altocv.core.patch.PatchOp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators of random CVs and random valid patch operations, for property tests. A failing seed is
 * printed by the test, so any failure can be replayed exactly.
 */
final class RandomCvs {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String[] WORDS = {"Led", "built", "the", "payments", "team", "Kubernetes", "cut", "costs",
      "by", "40%", "Zürich", "naïve", "日本語", "a/b", "tilde~0", "quote\"d", "[id=w1]", "emoji 🚀", "", "  "};
  private static final String[] KEYS = {"x-note", "custom/field", "tilde~key", "x-n"};

  private final Random r;

  RandomCvs(long seed) {
    r = new Random(seed);
  }

  String text() {
    int n = 1 + r.nextInt(6);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  String maybe() {
    return r.nextInt(4) == 0 ? null : text();
  }

  String date() {
    int y = 1990 + r.nextInt(36);
    switch (r.nextInt(3)) {
      case 0:
        return String.valueOf(y);
      case 1:
        return String.format("%d-%02d", y, 1 + r.nextInt(12));
      default:
        return String.format("%d-%02d-%02d", y, 1 + r.nextInt(12), 1 + r.nextInt(28));
    }
  }

  String maybeDate() {
    return r.nextInt(3) == 0 ? null : date();
  }

  List<String> texts(int max) {
    List<String> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.add(text());
    }
    return out;
  }

  Map<String, Object> extra() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.nextInt(4) == 0) {
      m.put(KEYS[r.nextInt(KEYS.length)], r.nextBoolean() ? text() : (Object) (long) r.nextInt(100));
    }
    return m;
  }

  Work work() {
    return new Work(null, maybe(), maybe(), maybe(), maybe(), maybe(), maybeDate(), maybeDate(), maybe(),
        texts(4), extra());
  }

  Cv cv() {
    Cv.Builder b = Cv.builder();
    List<Profile> profiles = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      profiles.add(new Profile(null, maybe(), maybe(), maybe(), extra()));
    }
    b.basics(new Basics(maybe(), maybe(), null, maybe(), maybe(), maybe(), maybe(),
        new Location(maybe(), null, maybe(), null, null, extra()), profiles, extra()));
    for (int i = r.nextInt(4); i > 0; i--) {
      b.work(work());
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      b.education(new Education(null, maybe(), null, maybe(), maybe(), maybeDate(), maybeDate(), maybe(),
          texts(2), extra()));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      b.skills(new Skill(null, maybe(), maybe(), texts(4), extra()));
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      b.projects(new Project(null, maybe(), maybe(), texts(3), texts(2), maybeDate(), null, maybe(), texts(1),
          null, null, extra()));
    }
    List<CustomSection> sections = new ArrayList<>();
    for (int i = r.nextInt(2); i > 0; i--) {
      List<CustomItem> items = new ArrayList<>();
      for (int j = r.nextInt(3); j > 0; j--) {
        items.add(new CustomItem(null, maybe(), maybe(), null, maybeDate(), null, null, maybe(), texts(2)));
      }
      sections.add(new CustomSection(null, "Section " + r.nextInt(10), items));
    }
    b.altocv(new AltoCvData(design(), sections));
    return b.build();
  }

  Design design() {
    return new Design(r.nextBoolean() ? "modern" : "classic", r.nextBoolean() ? Paper.A4 : Paper.LETTER,
        new Colors(colour(), colour(), Colors.DEFAULT.text(), Colors.DEFAULT.background()),
        new Typography(FontPairing.values()[r.nextInt(FontPairing.values().length)], 10 + r.nextInt(18),
            8 + r.nextInt(6) + (r.nextBoolean() ? 0.5 : 0), 1.0 + r.nextInt(11) / 10.0),
        new Spacing(Density.values()[r.nextInt(3)], r.nextInt(21), 5 + r.nextInt(26)),
        r.nextBoolean() ? Layout.DEFAULT : new Layout(List.of("work", "summary", "skills")));
  }

  String colour() {
    return String.format("#%06X", r.nextInt(0x1000000));
  }

  /** A random operation that is valid on {@code cv} (it may be a guarding test). */
  PatchOp op(Cv cv) {
    JsonNode doc = M.valueToTree(M.convertValue(tree(cv), Object.class));
    for (int attempt = 0; attempt < 50; attempt++) {
      PatchOp op = tryOp(doc);
      if (op != null) {
        return op;
      }
    }
    return PatchOp.replace("/basics/name", text());
  }

  private static JsonNode tree(Cv cv) {
    try {
      return M.readTree(AltoCv.write(cv));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private PatchOp tryOp(JsonNode doc) {
    List<String[]> strings = new ArrayList<>();
    List<String[]> lists = new ArrayList<>();
    collect(doc, "", "", strings, lists);
    switch (r.nextInt(12)) {
      case 0:
      case 1: {
        // replace a text anywhere except ids and design (design has its own case)
        String[] s = pick(strings);
        return s == null ? null : PatchOp.replace(s[0], text());
      }
      case 2: {
        String[] s = pick(strings);
        return s == null ? null : PatchOp.test(s[0], s[2]);
      }
      case 3: {
        // add a bullet or keyword to a text list
        String[] l = pickList(lists, false);
        if (l == null) {
          return null;
        }
        int size = Integer.parseInt(l[2]);
        return PatchOp.add(l[0] + "/" + (r.nextBoolean() ? "-" : String.valueOf(r.nextInt(size + 1))), text());
      }
      case 4: {
        // remove an item from a list (id list by id, text list by index)
        String[] l = pickList(lists, null);
        if (l == null || l[2].equals("0")) {
          return null;
        }
        JsonNode list = doc.at(unid(doc, l[0]));
        int i = r.nextInt(list.size());
        return PatchOp.remove(l[0] + "/" + segment(list.get(i), i));
      }
      case 5: {
        // move within a list
        String[] l = pickList(lists, null);
        if (l == null || Integer.parseInt(l[2]) < 2) {
          return null;
        }
        JsonNode list = doc.at(unid(doc, l[0]));
        int i = r.nextInt(list.size());
        return PatchOp.move(l[0] + "/" + segment(list.get(i), i), l[0] + "/" + r.nextInt(list.size()));
      }
      case 6: {
        // copy an id item to the end of its list
        String[] l = pickList(lists, true);
        if (l == null || l[2].equals("0")) {
          return null;
        }
        JsonNode list = doc.at(unid(doc, l[0]));
        int i = r.nextInt(list.size());
        return PatchOp.copy(l[0] + "/" + segment(list.get(i), i), l[0] + "/-");
      }
      case 7:
        return PatchOp.add("/work/" + (doc.get("work").size() == 0 || r.nextBoolean() ? "-" : "0"),
            M.convertValue(tree(Cv.builder().work(work().withId(null)).build()).get("work").get(0), Map.class));
      case 8: {
        String[] s = pick(strings);
        if (s == null || s[0].startsWith("/altocv") || s[0].endsWith("/title")) {
          return null;
        }
        return PatchOp.remove(s[0]);
      }
      case 9:
        return PatchOp.replace("/altocv/design/typography/lineHeight", 1.0 + r.nextInt(11) / 10.0);
      case 10:
        return PatchOp.replace("/altocv/design/colors/accent", colour());
      default: {
        String[] s = pick(strings);
        if (s == null || s[0].startsWith("/altocv")) {
          return null;
        }
        String parent = s[0].substring(0, s[0].lastIndexOf('/'));
        if (parent.endsWith("highlights") || parent.endsWith("keywords") || parent.endsWith("courses")
            || parent.endsWith("roles")) {
          return null;
        }
        return PatchOp.add(parent + "/x-added", text());
      }
    }
  }

  private String[] pick(List<String[]> l) {
    return l.isEmpty() ? null : l.get(r.nextInt(l.size()));
  }

  /** l[3] = "id" for id lists, "text" for text lists. */
  private String[] pickList(List<String[]> lists, Boolean idLists) {
    List<String[]> f = new ArrayList<>();
    for (String[] l : lists) {
      if (idLists == null || idLists == l[3].equals("id")) {
        f.add(l);
      }
    }
    return pick(f);
  }

  private static String segment(JsonNode item, int i) {
    return item.isObject() && item.has("id") ? "[id=" + item.get("id").asText() + "]" : String.valueOf(i);
  }

  /** Turns an id pointer into a plain JSON Pointer for Jackson's at(). */
  static String unid(JsonNode doc, String pointer) {
    StringBuilder sb = new StringBuilder();
    JsonNode node = doc;
    for (String seg : pointer.substring(1).split("/", -1)) {
      if (seg.startsWith("[id=") && node.isArray()) {
        String id = seg.substring(4, seg.length() - 1);
        for (int i = 0; i < node.size(); i++) {
          if (id.equals(node.get(i).path("id").asText())) {
            sb.append('/').append(i);
            node = node.get(i);
            break;
          }
        }
      } else {
        sb.append('/').append(seg);
        node = node.get(seg.replace("~1", "/").replace("~0", "~"));
        if (node == null) {
          node = M.nullNode();
        }
      }
    }
    return sb.toString();
  }

  private static void collect(JsonNode node, String path, String key, List<String[]> strings,
      List<String[]> lists) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("id") || path.startsWith("/altocv/design")) {
          continue;
        }
        String k = e.getKey().replace("~", "~0").replace("/", "~1");
        collect(e.getValue(), path + "/" + k, e.getKey(), strings, lists);
      }
    } else if (node.isArray()) {
      boolean ids = node.size() > 0 && node.get(0).isObject();
      boolean textList = !ids && (key.equals("highlights") || key.equals("keywords") || key.equals("courses")
          || key.equals("roles"));
      boolean idList = ids || List.of("work", "education", "skills", "projects", "profiles", "customSections",
          "items").contains(key);
      if (textList || idList) {
        lists.add(new String[] {path, key, String.valueOf(node.size()), idList ? "id" : "text"});
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        collect(item, path + "/" + segment(item, i), "", strings, lists);
      }
    } else if (node.isTextual() && !key.equals("startDate") && !key.equals("endDate")) {
      strings.add(new String[] {path, key, node.textValue()});
    }
  }
}
