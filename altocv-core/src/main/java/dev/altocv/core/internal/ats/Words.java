package dev.altocv.core.internal.ats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** English word lists of the content rules. */
final class Words {
  private Words() {}

  /** Verbs a strong bullet opens with (present or past tense; past tense "-ed" forms are also accepted). */
  static final Set<String> ACTION_VERBS = Set.copyOf(java.util.Arrays.asList((
      "accelerate achieve act adapt add address administer advance advise advocate align allocate analyse analyze "
      + "anticipate apply appraise approve arrange architect assemble assess assist attain audit author automate "
      + "balance boost brief broaden budget build calculate campaign care catalogue champion chair chart clarify "
      + "close coach code collaborate collect combine command communicate compile complete compose compute conceive "
      + "conduct configure consolidate construct consult contribute control convert coordinate counsel craft create "
      + "cultivate curate cut debug decrease deliver demonstrate deploy design detect determine develop devise "
      + "diagnose digitise digitize direct discover dispatch dispense document double draft drive earn edit educate "
      + "eliminate enable encourage engage engineer enhance enlarge ensure establish estimate evaluate examine exceed "
      + "execute expand expedite experiment explain explore extend facilitate file finalise finalize fix forecast "
      + "form formulate foster found gain generate grow guide halve handle head help hire identify illustrate "
      + "implement import improve increase influence inform initiate innovate inspect install institute instruct "
      + "integrate interpret interview introduce invent investigate launch lead lecture lift lower maintain manage "
      + "map market master maximise maximize measure mediate mentor merge migrate minimise minimize mobilise "
      + "mobilize model moderate modernise modernize monitor motivate navigate negotiate nurse nurture observe "
      + "obtain onboard open operate optimise optimize orchestrate organise organize originate outperform overhaul "
      + "oversee own partner perform pilot pioneer plan prepare present preserve prevent prioritise prioritize "
      + "process procure produce program programme promote propose prosecute protect prototype provide publish "
      + "qualify raise rank rebuild receive recommend reconcile record recruit redesign reduce refactor refine "
      + "regulate rehabilitate reinforce release remodel render reorganise reorganize repair replace report "
      + "represent research resolve respond restore restructure retain revamp review revise revitalise revitalize "
      + "run save scale schedule screen secure select sell serve service set shape ship shorten simplify sold "
      + "solve source spearhead specify sponsor standardise standardize start steer streamline strengthen "
      + "structure succeed supervise supply support survey sustain systematise systematize tailor target teach "
      + "test track trade train transform translate treat triage triple troubleshoot tutor uncover unify update "
      + "upgrade use validate verify win write led built ran won wrote grew taught drove made sold cut set "
      + "rewrote began brought chose found held kept met oversaw saw spoke took understood rebuilt drew gave rose "
      + "sent spent fought sought shot showed split spread stood struck undertook upheld withdrew overcame "
      + "outgrew became bought caught fed laid lent paid put quit read rode told threw").split(" ")));

  /** Verbs that say little about what was achieved; a bullet opening with one does not count as strong. */
  static final Set<String> WEAK_VERBS = Set.of("worked", "helped", "assisted", "participated", "involved", "tasked",
      "used", "did", "was", "were", "got", "tried", "responsible", "duties", "dealt", "attended",
      "utilized", "utilised");

  /** Phrases recruiters read as filler; each costs points unless shown with evidence. */
  static final List<String> BUZZWORDS = List.of("team player", "hard worker", "hard-working", "hardworking",
      "results-driven", "results driven", "results-oriented", "detail-oriented", "detail oriented", "go-getter",
      "self-starter", "self starter", "think outside the box", "thinking outside the box", "synergy", "synergies",
      "dynamic individual", "highly motivated", "go-to person", "best of breed", "proactive approach",
      "track record of success", "passionate about", "rockstar", "rock star", "ninja", "guru", "wizard",
      "strategic thinker", "people person", "works well under pressure", "value add", "value-add",
      "move the needle", "game changer", "game-changer", "thought leader", "hit the ground running",
      "fast learner", "quick learner", "excellent communication skills", "motivated professional",
      "various tasks", "results-focused");

  /** First-person pronouns. */
  static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll");

  /** Section titles an ATS recognises (lower case). */
  static final Set<String> STANDARD_SECTIONS = Set.of("summary", "profile", "professional summary", "objective",
      "experience", "work experience", "professional experience", "employment", "employment history",
      "work history", "career history", "relevant experience", "education", "skills", "technical skills",
      "core skills", "key skills", "competencies", "core competencies", "projects", "certifications",
      "certificates", "licenses", "licences", "licenses and certifications", "licences and certifications",
      "awards", "honors", "honours", "achievements", "publications", "volunteering", "volunteer experience",
      "volunteer work", "languages", "interests", "references", "training", "courses", "professional development",
      "memberships", "professional memberships", "affiliations", "leadership", "activities", "research",
      "teaching", "presentations", "patents", "military service", "additional information", "clinical experience",
      "clinical rotations", "portfolio", "exhibitions", "conferences", "grants");

  /** Unusual section titles with the standard title an ATS expects instead. */
  static final Map<String, String> SECTION_RENAMES = Map.ofEntries(
      Map.entry("my journey", "Experience"), Map.entry("where i've worked", "Experience"),
      Map.entry("where i have worked", "Experience"), Map.entry("my story", "Summary"),
      Map.entry("about me", "Summary"), Map.entry("who i am", "Summary"), Map.entry("what i do", "Summary"),
      Map.entry("my toolbox", "Skills"), Map.entry("toolbox", "Skills"), Map.entry("what i know", "Skills"),
      Map.entry("superpowers", "Skills"), Map.entry("my superpowers", "Skills"), Map.entry("tech stack", "Skills"),
      Map.entry("stack", "Skills"), Map.entry("things i've built", "Projects"),
      Map.entry("things i have built", "Projects"), Map.entry("side hustles", "Projects"),
      Map.entry("stuff i made", "Projects"), Map.entry("learning", "Education"),
      Map.entry("schooling", "Education"), Map.entry("where i studied", "Education"),
      Map.entry("giving back", "Volunteering"), Map.entry("bragging rights", "Awards"),
      Map.entry("wins", "Achievements"), Map.entry("hobbies", "Interests"), Map.entry("passions", "Interests"),
      Map.entry("badges", "Certifications"), Map.entry("creds", "Certifications"));

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
