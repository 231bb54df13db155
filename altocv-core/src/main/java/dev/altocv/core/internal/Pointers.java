package dev.altocv.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Pointer (RFC 6901) with AltoCV's one extension: a segment {@code [id=X]} applied to a list selects the
 * item whose {@code id} is X. Also knows which lists carry ids and their prefixes.
 */
public final class Pointers {
  private Pointers() {}

  /** An id: a letter, then letters, digits, '_' or '-', at most 64 characters. */
  public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private static final Pattern ID_SEGMENT = Pattern.compile("\\[id=([A-Za-z][A-Za-z0-9_-]{0,63})]");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

  /** Lists whose object items carry ids, by shape ({@code *} = any item), with their id prefixes. */
  public static final Map<String, String> ID_LISTS = Map.ofEntries(
      Map.entry("/basics/profiles", "pf"),
      Map.entry("/work", "w"),
      Map.entry("/volunteer", "v"),
      Map.entry("/education", "e"),
      Map.entry("/awards", "a"),
      Map.entry("/certificates", "c"),
      Map.entry("/publications", "pub"),
      Map.entry("/skills", "s"),
      Map.entry("/languages", "l"),
      Map.entry("/interests", "i"),
      Map.entry("/references", "r"),
      Map.entry("/projects", "pr"),
      Map.entry("/altocv/customSections", "cs"),
      Map.entry("/altocv/customSections/*/items", "ci"));

  /** One parsed segment: a member name, an index, an id selector or {@code -}. */
  public record Segment(String raw, String name, int index, String id, boolean append) {
    /** @return whether this segment selects a list item by id */
    public boolean isId() {
      return !id.isEmpty();
    }

    /** @return whether this segment is a list index */
    public boolean isIndex() {
      return index >= 0;
    }
  }

  /**
   * Parses a pointer.
   *
   * @param pointer the pointer, {@code ""} or starting with {@code /}
   * @return the segments
   * @throws IllegalArgumentException for a pointer that does not start with '/' or has a bad escape
   */
  public static List<Segment> parse(String pointer) {
    List<Segment> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("a path must be empty or start with '/', not '" + pointer + "'");
    }
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      String raw = pointer.substring(start, end < 0 ? pointer.length() : end);
      out.add(segment(raw, pointer));
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return out;
  }

  private static Segment segment(String raw, String pointer) {
    Matcher m = ID_SEGMENT.matcher(raw);
    if (m.matches()) {
      return new Segment(raw, raw, -1, m.group(1), false);
    }
    String name = unescape(raw, pointer);
    int index = INDEX.matcher(raw).matches() ? Integer.parseInt(raw) : -1;
    return new Segment(raw, name, index, "", raw.equals("-"));
  }

  private static String unescape(String raw, String pointer) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '~') {
        char n = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
        if (n == '0') {
          sb.append('~');
        } else if (n == '1') {
          sb.append('/');
        } else {
          throw new IllegalArgumentException("path '" + pointer + "' has '~' not followed by 0 or 1");
        }
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Escapes a member name for a pointer.
   *
   * @param name the name
   * @return the escaped segment
   */
  public static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The segment that names a list item: {@code [id=X]} when it is an object with a well-formed id, else its
   * index.
   *
   * @param item the item
   * @param index its index
   * @return the segment
   */
  public static String itemSegment(JsonNode item, int index) {
    if (item.isObject()) {
      JsonNode id = item.get("id");
      if (id != null && id.isTextual() && ID.matcher(id.textValue()).matches()) {
        return "[id=" + id.textValue() + "]";
      }
    }
    return String.valueOf(index);
  }

  /**
   * Rewrites a pointer made of names and indexes into AltoCV's form, with id selectors for list items
   * that have ids. Segments that do not resolve are kept as they are.
   *
   * @param root the document
   * @param elements the path's elements: String for members, Integer for indexes
   * @return the pointer
   */
  public static String stable(JsonNode root, List<Object> elements) {
    StringBuilder sb = new StringBuilder();
    JsonNode node = root;
    for (Object e : elements) {
      if (e instanceof Integer i && node != null && node.isArray()) {
        JsonNode item = node.get(i);
        sb.append('/').append(item == null ? String.valueOf(i) : itemSegment(item, i));
        node = item;
      } else {
        String name = String.valueOf(e);
        sb.append('/').append(escape(name));
        node = node == null ? null : node.get(name);
      }
    }
    return sb.toString();
  }

  /**
   * The shape of a pointer: member names with every list position as {@code *}.
   *
   * @param segments the segments
   * @param count how many segments to use
   * @return for example {@code /altocv/customSections/ * /items} (without spaces)
   */
  public static String shape(List<Segment> segments, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Segment s = segments.get(i);
      sb.append('/').append(s.isId() || s.isIndex() || s.append() ? "*" : s.name());
    }
    return sb.toString();
  }
}
