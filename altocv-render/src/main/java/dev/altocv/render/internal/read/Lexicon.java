package dev.altocv.render.internal.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Heading phrasings, degree and institution words, job-title words and network names. */
final class Lexicon {
  private Lexicon() {}

  private static final Map<String, String> HEADINGS = new HashMap<>();

  private static void put(String key, String... phrases) {
    for (String p : phrases) {
      HEADINGS.put(p, key);
    }
  }

  static {
    put("summary", "summary", "profile", "professional summary", "executive summary", "career summary", "about",
        "about me", "personal statement", "objective", "career objective", "overview", "professional profile",
        "research profile", "introduction", "personal profile", "profile summary", "summary of qualifications",
        "professional overview", "career profile");
    put("work", "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "career", "relevant experience", "leadership experience",
        "academic appointments", "appointments", "positions", "professional background", "industry experience",
        "experience and employment", "professional history", "work and experience", "positions held");
    put("education", "education", "academic background", "education and training", "qualifications",
        "academic qualifications", "education and qualifications", "studies", "training", "academic history",
        "educational background");
    put("skills", "skills", "technical skills", "core competencies", "competencies", "key skills", "expertise",
        "areas of expertise", "skills and expertise", "technical expertise", "core skills", "skill set",
        "skills summary", "it skills", "skills and abilities", "tools and technologies", "technologies");
    put("projects", "projects", "key projects", "selected projects", "personal projects", "research projects",
        "side projects", "open source", "open source projects", "portfolio", "project experience",
        "notable projects", "academic projects");
    put("certificates", "certifications", "certificates", "certification", "licenses", "licences",
        "licenses and certifications", "licences and certifications", "certifications and licenses",
        "certifications and licences", "professional certifications", "accreditations",
        "courses and certifications", "certificates and courses");
    put("awards", "awards", "honors", "honours", "honors and awards", "honours and awards", "awards and honors",
        "awards and honours", "achievements", "awards and achievements", "recognition", "distinctions",
        "scholarships", "prizes", "awards and recognition");
    put("publications", "publications", "selected publications", "papers", "research papers", "articles",
        "talks and publications", "publications and talks", "publications and presentations");
    put("volunteer", "volunteering", "volunteer", "volunteer experience", "volunteer work", "community involvement",
        "community service", "board and volunteer roles", "service", "voluntary work", "extracurricular activities",
        "volunteering and leadership", "volunteer roles");
    put("languages", "languages", "language skills", "language", "spoken languages", "language proficiency");
    put("interests", "interests", "hobbies", "hobbies and interests", "personal interests", "interests and hobbies",
        "outside interests");
    put("references", "references", "referees", "recommendations", "testimonials");
    put("contact", "contact", "contacts", "contact details", "contact information", "contact info", "personal details",
        "personal information", "personal data", "details", "get in touch");
  }

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N} ]+");

  /**
   * The section a heading text names.
   *
   * @param text the heading as printed
   * @return the section key, or null
   */
  static String section(String text) {
    return HEADINGS.get(normalize(text));
  }

  static String normalize(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("&", " and ").replace("+", " and ");
    t = NON_WORD.matcher(t).replaceAll(" ");
    return t.replaceAll("\\s+", " ").trim();
  }

  private static final Pattern DEGREE = Pattern.compile(
      "(?i)\\b(bachelor|master|b\\.?\\s?sc|m\\.?\\s?sc|b\\.?\\s?a|m\\.?\\s?a|b\\.?\\s?eng|m\\.?\\s?eng|phd|ph\\.d|"
          + "doctor|doctorate|mba|diploma|associate|certificate|licentiate|bsc|msc|ba|ma|beng|meng|bs|ms|md|"
          + "jd|llb|llm|b\\.?\\s?tech|m\\.?\\s?tech|b\\.?\\s?com|m\\.?\\s?com|bba|bca|mca|b\\.?\\s?ed|m\\.?\\s?ed|"
          + "b\\.?\\s?arch|m\\.?\\s?arch|b\\.?\\s?des|m\\.?\\s?des|m\\.?\\s?phil|abitur|baccalaur\\w*|a-levels?|high school|gcse|degree|postdoc\\w*|habilitation)\\b");

  static boolean degreeLike(String s) {
    return DEGREE.matcher(s).find();
  }

  private static final Pattern INSTITUTION = Pattern.compile(
      "(?i)\\b(university|universit\\w+|college|school|institute|institut\\w*|academy|akademie|polytechnic|"
          + "hochschule|faculty|école|ecole|escuela|politecnico|conservatory|seminary|gymnasium|lyc[ée]e)\\b");

  static boolean institutionLike(String s) {
    return INSTITUTION.matcher(s).find();
  }

  private static final Pattern JOB = Pattern.compile(
      "(?i)\\b(engineer|developer|programmer|manager|director|lead|head|analyst|designer|consultant|specialist|"
          + "architect|scientist|intern|officer|assistant|coordinator|administrator|associate|president|founder|"
          + "co-founder|owner|teacher|nurse|accountant|advisor|adviser|technician|researcher|professor|lecturer|"
          + "editor|writer|chief|vp|cto|ceo|cfo|coo|partner|principal|fellow|tutor|instructor|mentor|volunteer|"
          + "representative|agent|executive|clerk|chef|driver|operator|supervisor|trainee|apprentice|student|"
          + "postdoc\\w*|doctoral|member|chair\\w*|treasurer|secretary|maintainer|contributor|organi[sz]er|"
          + "sre|devops|qa|tester|owner|strategist|marketer|recruiter|sales\\w*|buyer|planner|auditor|attorney|"
          + "lawyer|counsel|physician|pharmacist|therapist|psychologist|producer|photographer|artist|journalist)\\b");

  static boolean jobLike(String s) {
    return JOB.matcher(s).find();
  }

  private static final Set<String> CONTACT_LABELS = Set.of("email", "e-mail", "mail", "phone", "tel", "telephone",
      "mobile", "cell", "web", "website", "homepage", "site", "address", "location", "url", "www");

  static boolean contactLabel(String s) {
    return CONTACT_LABELS.contains(s.toLowerCase(Locale.ROOT).trim());
  }

  /**
   * A network name for a profile URL's host.
   *
   * @param host the host, e.g. {@code www.linkedin.com}
   * @return the network, or null when the host is no known network
   */
  static String network(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    String[][] known = {{"linkedin.", "LinkedIn"}, {"github.", "GitHub"}, {"gitlab.", "GitLab"},
        {"twitter.", "Twitter"}, {"x.com", "X"}, {"stackoverflow.", "Stack Overflow"}, {"medium.", "Medium"},
        {"behance.", "Behance"}, {"dribbble.", "Dribbble"}, {"xing.", "XING"}, {"mastodon", "Mastodon"},
        {"researchgate.", "ResearchGate"}, {"orcid.", "ORCID"}, {"scholar.google", "Google Scholar"},
        {"kaggle.", "Kaggle"}, {"bitbucket.", "Bitbucket"}, {"youtube.", "YouTube"}, {"instagram.", "Instagram"}};
    for (String[] k : known) {
      if (h.contains(k[0])) {
        return k[1];
      }
    }
    return null;
  }
}
