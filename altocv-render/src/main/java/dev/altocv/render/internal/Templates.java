package dev.altocv.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.internal.Json;
import dev.altocv.core.model.Colors;
import dev.altocv.core.model.Density;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import dev.altocv.core.model.Layout;
import dev.altocv.core.model.Paper;
import dev.altocv.core.model.Spacing;
import dev.altocv.core.model.Typography;
import dev.altocv.render.TemplateInfo;
import dev.altocv.render.UnknownTemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The templates shipped in the jar, loaded once. */
public final class Templates {
  private Templates() {}

  /** The template ids, in the order a picker shows them. */
  static final List<String> IDS = List.of("modern", "classic", "compact", "executive", "technical", "academic");

  /** Fields no template shows. */
  static final List<String> ALWAYS_OMITTED = List.of(
      "basics.image", "basics.location.address", "basics.location.postalCode", "work[].description",
      "projects[].entity", "projects[].type", "meta");

  private static final Pattern VAR = Pattern.compile("var\\((--cv-[a-z0-9-]+)\\)");

  private static final Map<String, TemplateSpec> ALL = load();

  /**
   * Every template, in picker order.
   *
   * @return the templates
   */
  public static List<TemplateSpec> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * The template with an id.
   *
   * @param id the id
   * @return the template
   * @throws UnknownTemplateException listing the ids that exist
   */
  public static TemplateSpec get(String id) {
    TemplateSpec t = ALL.get(id);
    if (t == null) {
      throw new UnknownTemplateException(id, IDS);
    }
    return t;
  }

  /**
   * Whether a template exists.
   *
   * @param id the id
   * @return true when it does
   */
  public static boolean exists(String id) {
    return ALL.containsKey(id);
  }

  /**
   * The shared stylesheet every template builds on.
   *
   * @return the CSS
   */
  public static String baseCss() {
    return BASE_CSS;
  }

  private static final String BASE_CSS = resource("templates/base.css");

  private static Map<String, TemplateSpec> load() {
    Map<String, TemplateSpec> out = new LinkedHashMap<>();
    for (String id : IDS) {
      out.put(id, parse(id, Json.parse(resource("templates/" + id + ".json"), "template " + id),
          resource("templates/" + id + ".css")));
    }
    return Collections.unmodifiableMap(out);
  }

  static TemplateSpec parse(String id, JsonNode j, String css) {
    DateText.Style style = DateText.Style.fromPattern(text(j, "dateFormat"));
    List<String> omits = new ArrayList<>(ALWAYS_OMITTED);
    j.path("omits").forEach(n -> omits.add(n.asText()));
    JsonNode s = j.path("suggested");
    Design suggested = new Design(id, Paper.A4,
        new Colors(text(s, "primary"), text(s, "accent"), text(s, "text"), "#FFFFFF"),
        new Typography(FontPairing.fromJson(text(s, "fontPairing")), s.path("headingSize").asDouble(),
            s.path("bodySize").asDouble(), s.path("lineHeight").asDouble()),
        new Spacing(Density.fromJson(text(s, "density")), s.path("sectionMargin").asDouble(),
            s.path("contentPadding").asDouble()),
        Layout.DEFAULT);
    TemplateInfo info = new TemplateInfo(id, text(j, "name"), text(j, "description"),
        TemplateSpec.precisionOf(style), omits, suggested);
    Map<String, String> headings = new LinkedHashMap<>();
    j.path("headings").fields().forEachRemaining(e -> headings.put(e.getKey(), e.getValue().asText()));
    for (String key : Layout.SECTIONS) {
      if (!headings.containsKey(key)) {
        throw new IllegalStateException("template " + id + " has no heading for section " + key);
      }
    }
    List<String> order = new ArrayList<>();
    j.path("sectionOrder").forEach(n -> order.add(n.asText()));
    checkVariables(id, css);
    return new TemplateSpec(info, style, text(j, "header"), j.path("inlineEntries").asBoolean(),
        j.path("skillGrid").asBoolean(), j.path("inlineLanguages").asBoolean(), Map.copyOf(headings),
        List.copyOf(order), css);
  }

  /** A template may only use the variables the renderer defines. */
  private static void checkVariables(String id, String css) {
    Matcher m = VAR.matcher(css);
    while (m.find()) {
      if (!Styles.VARIABLES.contains(m.group(1))) {
        throw new IllegalStateException("template " + id + " uses unknown variable " + m.group(1));
      }
    }
  }

  private static String text(JsonNode j, String field) {
    JsonNode n = j.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalStateException("template metadata lacks '" + field + "'");
    }
    return n.asText();
  }

  static String resource(String path) {
    try (InputStream in = Templates.class.getResourceAsStream("/dev/altocv/render/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " in altocv-render");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
