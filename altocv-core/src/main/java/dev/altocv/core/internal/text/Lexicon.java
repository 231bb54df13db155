package dev.altocv.core.internal.text;

import dev.altocv.core.AltoCvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shipped skill lexicon ({@code dev/altocv/core/lexicon/skills.txt}) and job title lexicon
 * ({@code roles.txt}), with longest-match lookup of their names in text. Immutable and thread-safe; loaded once.
 */
public final class Lexicon {

  /**
   * One skill.
   *
   * @param id its index in the lexicon
   * @param name how AltoCV writes it
   * @param group domain and specialty, for example {@code nursing/critical-care}
   * @param licence a licence, certification or qualification (a hard requirement when a posting requires it)
   * @param soft a soft skill (weighs less: anyone can claim it)
   * @param aliases every name it is matched by, as written in the lexicon
   * @param implies the skills that showing this one also shows (PostgreSQL implies SQL)
   */
  public record SkillDef(int id, String name, String group, boolean licence, boolean soft, List<String> aliases,
      List<Integer> implies) {
    /** @return the domain, for example {@code nursing} */
    public String domain() {
      int slash = group.indexOf('/');
      return slash < 0 ? group : group.substring(0, slash);
    }
  }

  /**
   * A job title family.
   *
   * @param id its index
   * @param group family and specialty, for example {@code accounting/tax}
   */
  public record RoleDef(int id, String group) {
    /** @return the family, for example {@code accounting} */
    public String family() {
      int slash = group.indexOf('/');
      return slash < 0 ? group : group.substring(0, slash);
    }

    /** @return whether this is a family's general title (registered nurse, software engineer) */
    public boolean general() {
      return group.endsWith("/general");
    }
  }

  /**
   * A match of a lexicon name in a token list.
   *
   * @param id the skill or role id
   * @param from the first token
   * @param to the token after the last
   * @param start the character offset of the match
   * @param end the character offset after it
   */
  public record Hit(int id, int from, int to, int start, int end) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    /** ids ending here, with the raw forms required by case-sensitive names (null = any case). */
    final List<int[]> ids = new ArrayList<>(1);
    final List<String @Nullable []> raw = new ArrayList<>(1);
  }

  private final List<SkillDef> skills;
  private final Map<String, SkillDef> byName;
  private final Node skillTrie;
  private final List<RoleDef> roles;
  private final Node roleTrie;
  private final Set<String> upperAliases;

  private Lexicon(List<SkillDef> skills, Node skillTrie, List<RoleDef> roles, Node roleTrie,
      Set<String> upperAliases) {
    this.skills = List.copyOf(skills);
    this.skillTrie = skillTrie;
    this.roles = List.copyOf(roles);
    this.roleTrie = roleTrie;
    this.upperAliases = Set.copyOf(upperAliases);
    Map<String, SkillDef> names = new HashMap<>();
    for (SkillDef s : skills) {
      names.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
    }
    this.byName = Map.copyOf(names);
  }

  private static final class Holder {
    static final Lexicon INSTANCE = load();
  }

  /**
   * The shipped lexicon.
   *
   * @return the lexicon
   */
  public static Lexicon get() {
    return Holder.INSTANCE;
  }

  /** @return every skill, in file order */
  public List<SkillDef> skills() {
    return skills;
  }

  /**
   * A skill by id.
   *
   * @param id the id
   * @return the skill
   */
  public SkillDef skill(int id) {
    return skills.get(id);
  }

  /**
   * A skill by the name AltoCV writes it with (any case).
   *
   * @param name the name
   * @return the skill, if known
   */
  public Optional<SkillDef> byName(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * A role by id.
   *
   * @param id the id
   * @return the role
   */
  public RoleDef role(int id) {
    return roles.get(id);
  }

  /**
   * Whether a word written in capitals is a known acronym (SQL, AWS, CPA): kept in capitals when text is put
   * into sentence case.
   *
   * @param word the word as written
   * @return true when some lexicon name is exactly this word
   */
  public boolean isUpperCaseName(String word) {
    return upperAliases.contains(word);
  }

  /**
   * Finds skill names in tokens, longest match first, without overlaps.
   *
   * @param tokens the tokens
   * @return the matches in order
   */
  public List<Hit> skills(List<Tokenizer.Token> tokens) {
    return find(skillTrie, tokens);
  }

  /**
   * Finds skill names in text.
   *
   * @param text the text
   * @return the matches in order
   */
  public List<Hit> skills(String text) {
    return find(skillTrie, Tokenizer.tokens(text));
  }

  /**
   * The role a job title names: the longest title of the lexicon found in it.
   *
   * @param title a job title
   * @return the role, if one is found
   */
  public Optional<RoleDef> roleOf(String title) {
    List<Hit> hits = find(roleTrie, Tokenizer.tokens(title));
    Hit best = null;
    for (Hit h : hits) {
      if (best == null || better(h, best)) {
        best = h;
      }
    }
    return best == null ? Optional.empty() : Optional.of(roles.get(best.id()));
  }

  /** A specialty beats its family's general title; then the longer title; on a tie the later (head) noun. */
  private boolean better(Hit h, Hit best) {
    boolean hGeneral = roles.get(h.id()).general();
    boolean bGeneral = roles.get(best.id()).general();
    if (hGeneral != bGeneral) {
      return !hGeneral;
    }
    return h.to() - h.from() >= best.to() - best.from();
  }

  private static List<Hit> find(Node root, List<Tokenizer.Token> tokens) {
    List<Hit> out = new ArrayList<>();
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      Node node = root;
      int bestEnd = -1;
      int bestId = -1;
      for (int j = i; j < n; j++) {
        node = node.next.get(tokens.get(j).key());
        if (node == null) {
          break;
        }
        for (int k = 0; k < node.ids.size(); k++) {
          String[] raw = node.raw.get(k);
          if (raw == null || rawMatches(raw, tokens, i)) {
            bestEnd = j + 1;
            bestId = node.ids.get(k)[0];
            break;
          }
        }
      }
      if (bestEnd > 0) {
        out.add(new Hit(bestId, i, bestEnd, tokens.get(i).start(), tokens.get(bestEnd - 1).end()));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean rawMatches(String[] raw, List<Tokenizer.Token> tokens, int from) {
    for (int k = 0; k < raw.length; k++) {
      String t = tokens.get(from + k).raw();
      if (!t.equals(raw[k]) && !(t.length() == raw[k].length() + 1 && t.startsWith(raw[k]) && t.endsWith("s"))) {
        return false;
      }
    }
    return true;
  }

  private static void insert(Node root, String name, int id) {
    boolean exact = name.startsWith("=");
    String text = exact ? name.substring(1) : name;
    List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
    if (tokens.isEmpty()) {
      throw new AltoCvException("lexicon name '" + name + "' has no words");
    }
    Node node = root;
    for (Tokenizer.Token t : tokens) {
      node = node.next.computeIfAbsent(t.key(), k -> new Node());
    }
    String[] raw = exact ? tokens.stream().map(Tokenizer.Token::raw).toArray(String[]::new) : null;
    // a case-sensitive name must not hide an any-case one that ends at the same node: check exact ones first
    if (exact) {
      node.ids.add(0, new int[] {id});
      node.raw.add(0, raw);
    } else {
      node.ids.add(new int[] {id});
      node.raw.add(null);
    }
  }

  private static Lexicon load() {
    List<SkillDef> skills = new ArrayList<>();
    Node skillTrie = new Node();
    Set<String> upper = new HashSet<>();
    String group = "general/other";
    Map<Integer, String> implications = new HashMap<>();
    int lineNo = 0;
    for (String line : lines("skills.txt")) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("[")) {
        if (!l.endsWith("]")) {
          throw new AltoCvException("skills.txt line " + lineNo + ": a group is written [domain/specialty]");
        }
        group = l.substring(1, l.length() - 1).strip();
        continue;
      }
      String implied = null;
      int gt = l.indexOf(" > ");
      if (gt >= 0) {
        implied = l.substring(gt + 3);
        l = l.substring(0, gt);
      }
      boolean licence = l.startsWith("!");
      if (licence) {
        l = l.substring(1).strip();
      }
      List<String> names = new ArrayList<>();
      for (String part : l.split("\\|")) {
        String p = part.strip();
        if (!p.isEmpty()) {
          names.add(p);
        }
      }
      String display = names.get(0).startsWith("=") ? names.get(0).substring(1) : names.get(0);
      int id = skills.size();
      List<String> aliases = new ArrayList<>();
      for (String name : names) {
        insert(skillTrie, name, id);
        String plain = name.startsWith("=") ? name.substring(1) : name;
        aliases.add(plain);
        for (Tokenizer.Token t : Tokenizer.tokens(plain)) {
          if (t.raw().length() >= 2 && t.raw().equals(t.raw().toUpperCase(Locale.ROOT))
              && t.raw().chars().anyMatch(Character::isLetter)) {
            upper.add(t.raw());
          }
        }
      }
      skills.add(new SkillDef(id, display, group, licence, group.equals("general/soft"),
          Collections.unmodifiableList(aliases), List.of()));
      if (implied != null) {
        implications.put(id, implied);
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    for (SkillDef s : skills) {
      if (ids.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.id()) != null) {
        throw new AltoCvException("skills.txt: two skills are named '" + s.name() + "'");
      }
    }
    for (Map.Entry<Integer, String> e : implications.entrySet()) {
      List<Integer> targets = new ArrayList<>();
      for (String name : e.getValue().split(",")) {
        Integer target = ids.get(name.strip().toLowerCase(Locale.ROOT));
        if (target == null) {
          throw new AltoCvException("skills.txt: '" + skills.get(e.getKey()).name() + "' implies '" + name.strip()
              + "', which is not a skill of the lexicon");
        }
        targets.add(target);
      }
      SkillDef s = skills.get(e.getKey());
      skills.set(e.getKey(), new SkillDef(s.id(), s.name(), s.group(), s.licence(), s.soft(), s.aliases(),
          List.copyOf(targets)));
    }
    List<RoleDef> roles = new ArrayList<>();
    Node roleTrie = new Node();
    lineNo = 0;
    for (String line : lines("roles.txt")) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int close = l.indexOf(']');
      if (!l.startsWith("[") || close < 0) {
        throw new AltoCvException("roles.txt line " + lineNo + ": expected [family/specialty] title | title");
      }
      RoleDef role = new RoleDef(roles.size(), l.substring(1, close).strip());
      roles.add(role);
      for (String part : l.substring(close + 1).split("\\|")) {
        if (!part.isBlank()) {
          insert(roleTrie, part.strip(), role.id());
        }
      }
    }
    return new Lexicon(skills, skillTrie, roles, roleTrie, upper);
  }

  private static List<String> lines(String name) {
    String path = "dev/altocv/core/lexicon/" + name;
    try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AltoCvException("the lexicon " + path + " is missing from the jar");
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines().toList();
      }
    } catch (IOException e) {
      throw new AltoCvException("could not read the lexicon " + path, e);
    }
  }
}
