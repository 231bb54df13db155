package dev.altocv.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A whole CV: the JSON Resume sections plus AltoCV's own parts.
 *
 * <p>Every item of an object list carries an id after construction: ids that are missing are assigned here,
 * deterministically (the list's prefix and the smallest number not used anywhere in the document, in
 * document order), so building the same CV twice gives the same ids. Ids are unique in the whole document.
 *
 * <p>Read and write CVs with {@link dev.altocv.core.AltoCv}; change them with patches
 * ({@link dev.altocv.core.AltoCv#apply}).
 *
 * @param basics who the CV is about
 * @param work jobs (id prefix {@code w})
 * @param volunteer volunteer work ({@code v})
 * @param education education ({@code e})
 * @param awards awards ({@code a})
 * @param certificates certificates and licences ({@code c})
 * @param publications publications ({@code pub})
 * @param skills skill groups ({@code s})
 * @param languages spoken languages ({@code l})
 * @param interests interests ({@code i})
 * @param references references ({@code r})
 * @param projects projects ({@code pr})
 * @param meta document metadata
 * @param altocv design settings and custom sections
 * @param extra top-level fields this model does not know, kept as they were read
 */
public record Cv(
    Basics basics,
    List<Work> work,
    List<Volunteer> volunteer,
    List<Education> education,
    List<Award> awards,
    List<Certificate> certificates,
    List<Publication> publications,
    List<Skill> skills,
    List<Language> languages,
    List<Interest> interests,
    List<Reference> references,
    List<Project> projects,
    Meta meta,
    AltoCvData altocv,
    Map<String, @Nullable Object> extra) {

  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  /**
   * Copies every list, fills absent parts with empty ones and assigns missing ids.
   *
   * @throws IllegalArgumentException when two items share an id or an id is malformed
   */
  public Cv {
    basics = Objects.requireNonNullElseGet(basics, Basics::empty);
    meta = Objects.requireNonNullElseGet(meta, Meta::empty);
    altocv = Objects.requireNonNullElse(altocv, AltoCvData.DEFAULT);
    extra = Extras.copy(extra);

    IdPool ids = new IdPool();
    basics.profiles().forEach(p -> ids.use(p.id(), "basics.profiles"));
    List<List<? extends Record>> lists = new ArrayList<>();
    for (List<?> l : List.of(Extras.list(work), Extras.list(volunteer), Extras.list(education),
        Extras.list(awards), Extras.list(certificates), Extras.list(publications), Extras.list(skills),
        Extras.list(languages), Extras.list(interests), Extras.list(references), Extras.list(projects))) {
      @SuppressWarnings("unchecked")
      List<? extends Record> typed = (List<? extends Record>) l;
      lists.add(typed);
    }
    for (List<? extends Record> l : lists) {
      for (Record r : l) {
        ids.use(idOf(r), "item");
      }
    }
    for (CustomSection s : altocv.customSections()) {
      ids.use(s.id(), "altocv.customSections");
      s.items().forEach(i -> ids.use(i.id(), "custom section items"));
    }

    if (ids.missing > 0) {
      List<Profile> profiles = ids.assign(basics.profiles(), Profile::id, Profile::withId, Profile.ID_PREFIX);
      if (profiles != basics.profiles()) {
        basics = new Basics(basics.name(), basics.label(), basics.image(), basics.email(), basics.phone(),
            basics.url(), basics.summary(), basics.location(), profiles, basics.extra());
      }
      work = ids.assign(Extras.list(work), Work::id, Work::withId, Work.ID_PREFIX);
      volunteer = ids.assign(Extras.list(volunteer), Volunteer::id, Volunteer::withId, Volunteer.ID_PREFIX);
      education = ids.assign(Extras.list(education), Education::id, Education::withId, Education.ID_PREFIX);
      awards = ids.assign(Extras.list(awards), Award::id, Award::withId, Award.ID_PREFIX);
      certificates = ids.assign(Extras.list(certificates), Certificate::id, Certificate::withId,
          Certificate.ID_PREFIX);
      publications = ids.assign(Extras.list(publications), Publication::id, Publication::withId,
          Publication.ID_PREFIX);
      skills = ids.assign(Extras.list(skills), Skill::id, Skill::withId, Skill.ID_PREFIX);
      languages = ids.assign(Extras.list(languages), Language::id, Language::withId, Language.ID_PREFIX);
      interests = ids.assign(Extras.list(interests), Interest::id, Interest::withId, Interest.ID_PREFIX);
      references = ids.assign(Extras.list(references), Reference::id, Reference::withId, Reference.ID_PREFIX);
      projects = ids.assign(Extras.list(projects), Project::id, Project::withId, Project.ID_PREFIX);
      List<CustomSection> sections =
          ids.assign(altocv.customSections(), CustomSection::id, CustomSection::withId, CustomSection.ID_PREFIX);
      List<CustomSection> withItems = new ArrayList<>(sections.size());
      boolean changed = sections != altocv.customSections();
      for (CustomSection s : sections) {
        List<CustomItem> items = ids.assign(s.items(), CustomItem::id, CustomItem::withId, CustomItem.ID_PREFIX);
        changed |= items != s.items();
        withItems.add(items == s.items() ? s : s.withItems(items));
      }
      if (changed) {
        altocv = new AltoCvData(altocv.design(), withItems);
      }
    } else {
      work = Extras.list(work);
      volunteer = Extras.list(volunteer);
      education = Extras.list(education);
      awards = Extras.list(awards);
      certificates = Extras.list(certificates);
      publications = Extras.list(publications);
      skills = Extras.list(skills);
      languages = Extras.list(languages);
      interests = Extras.list(interests);
      references = Extras.list(references);
      projects = Extras.list(projects);
    }
  }

  private static @Nullable String idOf(Record r) {
    if (r instanceof Work w) {
      return w.id();
    } else if (r instanceof Volunteer v) {
      return v.id();
    } else if (r instanceof Education e) {
      return e.id();
    } else if (r instanceof Award a) {
      return a.id();
    } else if (r instanceof Certificate c) {
      return c.id();
    } else if (r instanceof Publication p) {
      return p.id();
    } else if (r instanceof Skill s) {
      return s.id();
    } else if (r instanceof Language l) {
      return l.id();
    } else if (r instanceof Interest i) {
      return i.id();
    } else if (r instanceof Reference ref) {
      return ref.id();
    } else if (r instanceof Project p) {
      return p.id();
    }
    throw new IllegalStateException("not a list item: " + r.getClass());
  }

  /** Collects the ids in use and hands out the smallest unused number per prefix. */
  private static final class IdPool {
    private final Map<String, String> used = new HashMap<>();
    int missing;

    void use(@Nullable String id, String where) {
      if (id == null) {
        missing++;
        return;
      }
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("id '" + id + "' in " + where
            + " is malformed: an id is a letter followed by letters, digits, '_' or '-' (at most 64)");
      }
      if (used.putIfAbsent(id, where) != null) {
        throw new IllegalArgumentException("id '" + id + "' is used by two items; ids must be unique");
      }
    }

    <T> List<T> assign(List<T> items, Function<T, @Nullable String> id, BiFunction<T, String, T> withId,
        String prefix) {
      List<T> out = null;
      for (int i = 0; i < items.size(); i++) {
        T item = items.get(i);
        if (id.apply(item) == null) {
          if (out == null) {
            out = new ArrayList<>(items);
          }
          int n = 1;
          while (used.containsKey(prefix + n)) {
            n++;
          }
          used.put(prefix + n, "assigned");
          out.set(i, withId.apply(item, prefix + n));
        }
      }
      return out == null ? items : List.copyOf(out);
    }
  }

  /**
   * An empty CV with the default design.
   *
   * @return the empty CV
   */
  public static Cv empty() {
    return builder().build();
  }

  /**
   * A builder for a new CV.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this CV.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.basics = basics;
    b.work.addAll(work);
    b.volunteer.addAll(volunteer);
    b.education.addAll(education);
    b.awards.addAll(awards);
    b.certificates.addAll(certificates);
    b.publications.addAll(publications);
    b.skills.addAll(skills);
    b.languages.addAll(languages);
    b.interests.addAll(interests);
    b.references.addAll(references);
    b.projects.addAll(projects);
    b.meta = meta;
    b.altocv = altocv;
    b.extra = extra;
    return b;
  }

  /** Builds a {@link Cv}. Lists are appended to; every other setter replaces. Not thread-safe. */
  public static final class Builder {
    private Basics basics = Basics.empty();
    private final List<Work> work = new ArrayList<>();
    private final List<Volunteer> volunteer = new ArrayList<>();
    private final List<Education> education = new ArrayList<>();
    private final List<Award> awards = new ArrayList<>();
    private final List<Certificate> certificates = new ArrayList<>();
    private final List<Publication> publications = new ArrayList<>();
    private final List<Skill> skills = new ArrayList<>();
    private final List<Language> languages = new ArrayList<>();
    private final List<Interest> interests = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private Meta meta = Meta.empty();
    private AltoCvData altocv = AltoCvData.DEFAULT;
    private Map<String, @Nullable Object> extra = Map.of();

    private Builder() {}

    /**
     * Sets basics.
     *
     * @param v basics
     * @return this builder
     */
    public Builder basics(Basics v) {
      basics = Objects.requireNonNull(v, "basics");
      return this;
    }

    /**
     * Appends jobs.
     *
     * @param v jobs to append
     * @return this builder
     */
    public Builder work(Work... v) {
      work.addAll(List.of(v));
      return this;
    }

    /**
     * Appends volunteer entries.
     *
     * @param v volunteer entries to append
     * @return this builder
     */
    public Builder volunteer(Volunteer... v) {
      volunteer.addAll(List.of(v));
      return this;
    }

    /**
     * Appends education entries.
     *
     * @param v education entries to append
     * @return this builder
     */
    public Builder education(Education... v) {
      education.addAll(List.of(v));
      return this;
    }

    /**
     * Appends awards.
     *
     * @param v awards to append
     * @return this builder
     */
    public Builder awards(Award... v) {
      awards.addAll(List.of(v));
      return this;
    }

    /**
     * Appends certificates.
     *
     * @param v certificates to append
     * @return this builder
     */
    public Builder certificates(Certificate... v) {
      certificates.addAll(List.of(v));
      return this;
    }

    /**
     * Appends publications.
     *
     * @param v publications to append
     * @return this builder
     */
    public Builder publications(Publication... v) {
      publications.addAll(List.of(v));
      return this;
    }

    /**
     * Appends skill groups.
     *
     * @param v skill groups to append
     * @return this builder
     */
    public Builder skills(Skill... v) {
      skills.addAll(List.of(v));
      return this;
    }

    /**
     * Appends languages.
     *
     * @param v languages to append
     * @return this builder
     */
    public Builder languages(Language... v) {
      languages.addAll(List.of(v));
      return this;
    }

    /**
     * Appends interests.
     *
     * @param v interests to append
     * @return this builder
     */
    public Builder interests(Interest... v) {
      interests.addAll(List.of(v));
      return this;
    }

    /**
     * Appends references.
     *
     * @param v references to append
     * @return this builder
     */
    public Builder references(Reference... v) {
      references.addAll(List.of(v));
      return this;
    }

    /**
     * Appends projects.
     *
     * @param v projects to append
     * @return this builder
     */
    public Builder projects(Project... v) {
      projects.addAll(List.of(v));
      return this;
    }

    /**
     * Sets metadata.
     *
     * @param v metadata
     * @return this builder
     */
    public Builder meta(Meta v) {
      meta = Objects.requireNonNull(v, "meta");
      return this;
    }

    /**
     * Sets AltoCV's own parts.
     *
     * @param v AltoCV's own parts
     * @return this builder
     */
    public Builder altocv(AltoCvData v) {
      altocv = Objects.requireNonNull(v, "altocv");
      return this;
    }

    /**
     * Sets design settings (keeps the custom sections).
     *
     * @param v design settings (keeps the custom sections)
     * @return this builder
     */
    public Builder design(Design v) {
      altocv = new AltoCvData(Objects.requireNonNull(v, "design"), altocv.customSections());
      return this;
    }

    /**
     * Sets unknown top-level fields.
     *
     * @param v unknown top-level fields
     * @return this builder
     */
    public Builder extra(Map<String, @Nullable Object> v) {
      extra = Objects.requireNonNull(v, "extra");
      return this;
    }

    /**
     * Builds the CV, assigning missing ids.
     *
     * @return the CV
     * @throws IllegalArgumentException when two items share an id
     */
    public Cv build() {
      return new Cv(basics, work, volunteer, education, awards, certificates, publications, skills, languages,
          interests, references, projects, meta, altocv, extra);
    }
  }
}
