package dev.altocv.render;

import dev.altocv.core.model.AltoCvData;
import dev.altocv.core.model.Award;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Certificate;
import dev.altocv.core.model.CustomItem;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Interest;
import dev.altocv.core.model.Language;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Project;
import dev.altocv.core.model.Publication;
import dev.altocv.core.model.Reference;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Volunteer;
import dev.altocv.core.model.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The varied CVs the round trip and the other tests use. */
final class SampleCvs {
  private SampleCvs() {}

  static Map<String, Cv> all() {
    Map<String, Cv> m = new LinkedHashMap<>();
    m.put("every-section", everySection());
    m.put("non-ascii", nonAscii());
    m.put("long-text", longText());
    m.put("many-jobs", manyJobs());
    m.put("minimal", minimal());
    for (long seed = 1; seed <= 2; seed++) {
      m.put("random-" + seed, random(seed));
    }
    return m;
  }

  static Cv withTemplate(Cv cv, TemplateInfo t) {
    Design s = t.suggestedDesign();
    Design d = new Design(t.id(), cv.altocv().design().paper(), s.colors(), s.typography(), s.spacing(),
        cv.altocv().design().layout());
    return cv.toBuilder().design(d).build();
  }

  static Work work(String position, String company, String location, String url, String start, String end,
      String summary, String... highlights) {
    return new Work(null, company, location, null, position, url, start, end, summary, List.of(highlights), Map.of());
  }

  static Cv everySection() {
    Basics b = new Basics("Ada Lindqvist", "Senior Backend Engineer", null, "ada.lindqvist@example.com",
        "+46 70 123 45 67", "https://ada.example.com",
        "Backend engineer with 9 years of experience building payment and logistics platforms in Java and Kotlin.\n"
            + "I like boring technology, good tests and short feedback loops.",
        new Location(null, null, "Stockholm", "SE", "Stockholm County", Map.of()),
        List.of(new Profile(null, "LinkedIn", "adalindqvist", "https://www.linkedin.com/in/adalindqvist", Map.of()),
            new Profile(null, "GitHub", "adal", "https://github.com/adal", Map.of()),
            new Profile(null, "Mastodon", "@ada@hachyderm.io", null, Map.of())),
        Map.of());
    return Cv.builder().basics(b)
        .work(work("Senior Backend Engineer", "Klarfeld Payments", "Stockholm, Sweden", "https://klarfeld.example.com",
                "2021-03", null, "Own the settlement platform that moves 2 billion SEK a day.",
                "Cut settlement batch time from 4 hours to 35 minutes by partitioning jobs across 12 workers",
                "Led a team of 5 engineers through the migration from Oracle to PostgreSQL with zero downtime",
                "Introduced contract tests that reduced production incidents by 40%"),
            work("Backend Engineer", "Nordlog AB", null, null, "2017-08-15", "2021-02-28", null,
                "Built the route-planning service used by 300 drivers daily",
                "Reduced cloud costs by 22% by right-sizing Kubernetes workloads"))
        .volunteer(new Volunteer(null, "Code Club Sverige", "Volunteer Mentor", "https://codeclub.example.se", "2019",
            null, "Teach programming to children aged 9 to 13.", List.of("Mentored 40 children over 4 terms"), Map.of()))
        .education(new Education(null, "KTH Royal Institute of Technology", "https://www.kth.se", "Computer Science",
            "Master of Science", "2012-09", "2017-06", "4.6/5",
            List.of("Distributed Systems", "Algorithms and Complexity"), Map.of()))
        .awards(new Award(null, "Engineer of the Year", "2023-12", "Klarfeld Payments", "For the settlement rewrite.",
            Map.of()))
        .certificates(new Certificate(null, "AWS Certified Solutions Architect \u2013 Associate", "2022-05",
            "https://aws.example.com/cert/123", "Amazon Web Services", Map.of()))
        .publications(new Publication(null, "Idempotent settlement at scale", "JavaZone", "2023-09",
            "https://javazone.example.com/talks/42", "How we made settlement retries safe.", Map.of()))
        .skills(new Skill(null, "Backend", "Expert", List.of("Java", "Kotlin", "Spring Boot", "PostgreSQL"), Map.of()),
            new Skill(null, "Operations", "Advanced", List.of("Kubernetes", "Terraform", "AWS"), Map.of()))
        .languages(new Language(null, "Swedish", "Native speaker", Map.of()),
            new Language(null, "English", "Fluent", Map.of()))
        .interests(new Interest(null, "Climbing", List.of("bouldering", "sport climbing"), Map.of()))
        .references(new Reference(null, "Jonas Berg, CTO at Klarfeld",
            "Ada is the engineer I trust with our hardest problems.", Map.of()))
        .projects(new Project(null, "pgslice", "Open-source tool to partition large PostgreSQL tables online",
            List.of("800 GitHub stars", "Used in production by 3 companies"), List.of("PostgreSQL", "Go"), "2020-01",
            null, "https://github.com/adal/pgslice", List.of("Maintainer", "Author"), null, null, Map.of()))
        .altocv(new AltoCvData(Design.DEFAULT, List.of(new CustomSection(null, "Speaking", List.of(
            new CustomItem(null, "Keynote: Boring payments", "Nordic Java Days", "Oslo", "2024-04", null,
                "https://njd.example.com/keynote", "Why the dullest architecture won.", List.of("600 attendees")),
            new CustomItem(null, "Workshop: Contract tests", "JFokus", "Stockholm", "2023-02", "2023-02", null, null,
                List.of()))))))
        .build();
  }

  static Cv nonAscii() {
    Basics b = new Basics("Zoë Ångström-Łukasiewicz", "Ingénieure logicielle principale", null, "zoe@exemple.fr",
        "+33 6 12 34 56 78", null,
        "Développeuse passionnée, née à Kraków, vivant à Zürich. 王小明 est mon collègue; 東京 et 서울 sont mes villes préférées.",
        new Location(null, null, "Zürich", "CH", null, Map.of()),
        List.of(new Profile(null, "GitHub", "zoe-a", "https://github.com/zoe-a", Map.of())), Map.of());
    return Cv.builder().basics(b)
        .work(work("Ingénieure principale", "Société Générale Électrique", "Genève, Suisse", null, "2019-01", null,
                "Responsable de la plateforme de données.",
                "Réduit la latence de 40 % grâce à un cache réparti",
                "Équipe de 6 personnes à Genève et à Łódź"),
            work("软件工程师", "北京科技有限公司", "北京", null, "2015-06", "2018-12", null,
                "负责支付系统的设计与开发", "Έλληνας συνάδελφος: Γιώργος Παπαδόπουλος"),
            work("Разработчик", "Яндекс", "Москва", null, "2013", "2015", null, "Поддержка поиска"))
        .education(new Education(null, "Uniwersytet Jagielloński", null, "Informatyka", "Magister", "2008", "2013", null,
            List.of(), Map.of()))
        .skills(new Skill(null, "Langages", null, List.of("Java", "C++", "SQL"), Map.of()))
        .languages(new Language(null, "Français", "Langue maternelle", Map.of()),
            new Language(null, "日本語", "N2", Map.of()), new Language(null, "Polski", "C1", Map.of()))
        .build();
  }

  static Cv longText() {
    String longBullet = "Designed and delivered an event-sourced ledger that replaced three legacy systems, "
        + "reconciled 14 million transactions a month without manual intervention, cut month-end closing from "
        + "six days to one, and gave auditors a complete, queryable history of every balance change since 2016";
    Basics b = new Basics("Maximilian Alexander von Hohenzollern-Sigmaringen", "Principal Software Architect and "
        + "Engineering Manager for Distributed Payment Systems", null, "max@example.org", "+49 151 2345 6789", null,
        "Architect with fifteen years of experience in payments, ledgers and regulated financial infrastructure, "
            + "leading teams of up to forty engineers across four countries and three time zones, with a track "
            + "record of replacing fragile legacy systems without downtime.\n\nI care about correctness, "
            + "observability and the people who are woken up at night when things break.",
        new Location(null, null, "Berlin", "DE", null, Map.of()), List.of(), Map.of());
    return Cv.builder().basics(b)
        .work(work("Principal Software Architect, Distributed Ledger and Settlement Platforms", "Deutsche "
                + "Zahlungsverkehrsgesellschaft mbH", "Frankfurt am Main, Germany", null, "2016-04", null,
                "Responsible for the architecture of the settlement platform, its roadmap and its reliability, "
                    + "working with product, compliance and operations across three countries.",
                longBullet, longBullet.replace("ledger", "payment gateway"),
                "Grew the team from 8 to 40 engineers, introduced an engineering ladder and halved attrition"))
        .skills(new Skill(null, "Architecture", null, List.of("Event sourcing", "CQRS", "Domain-driven design",
            "Distributed transactions", "Sagas", "Idempotency", "Exactly-once processing", "Stream processing",
            "Capacity planning", "Disaster recovery"), Map.of()))
        .build();
  }

  static Cv manyJobs() {
    List<Work> jobs = new ArrayList<>();
    String[] titles = {"Staff Engineer", "Senior Engineer", "Software Engineer", "Engineering Manager", "Tech Lead",
        "Backend Developer", "Platform Engineer", "Data Engineer", "Site Reliability Engineer", "Junior Developer",
        "Developer Intern", "QA Engineer"};
    for (int i = 0; i < titles.length; i++) {
      int y = 2024 - 2 * i;
      jobs.add(work(titles[i], "Company " + (char) ('A' + i) + " Ltd", i % 3 == 0 ? "London, UK" : null,
          i % 4 == 0 ? "https://company" + i + ".example.com" : null, (y - 2) + "-0" + (1 + i % 9),
          i == 0 ? null : y + "-1" + (i % 3), i % 2 == 0 ? "Worked on the core platform of the company." : null,
          "Shipped feature number " + i + " to production on time and within budget",
          "Mentored " + (i + 1) + " colleagues and ran the weekly architecture review",
          "Improved the build pipeline so that it runs in " + (10 + i) + " minutes instead of an hour"));
    }
    Basics b = new Basics("Sam Taylor", "Software Engineer", null, "sam.taylor@example.co.uk", "+44 20 7946 0958",
        "https://samtaylor.dev", null, new Location(null, null, "London", "GB", null, Map.of()), List.of(), Map.of());
    return Cv.builder().basics(b).work(jobs.toArray(new Work[0]))
        .education(new Education(null, "University of Leeds", null, "Mathematics", "BSc", "2004", "2007", "First",
            List.of(), Map.of()))
        .build();
  }

  static Cv rightToLeft() {
    Basics b = new Basics("דוד כהן", "מהנדס תוכנה בכיר", null, "david.cohen@example.co.il", "+972 52 123 4567", null,
        "مهندس برمجيات ذو خبرة طويلة في أنظمة الدفع والخدمات السحابية.",
        new Location(null, null, "תל אביב", "IL", null, Map.of()), List.of(), Map.of());
    return Cv.builder().basics(b)
        .work(work("ראש צוות פיתוח", "חברת תוכנה בעמ", "ירושלים", null, "2020-02", null, null,
                "הובלתי צוות של חמישה מפתחים", "שיפרתי את זמני התגובה של המערכת"),
            work("Backend Engineer", "Wix", "Tel Aviv", "https://www.wix.com", "2016-09", "2020-01", null,
                "Built the payments API in Java"))
        .education(new Education(null, "האוניברסיטה העברית", null, "מדעי המחשב", "תואר ראשון", "2012", "2016", null,
            List.of(), Map.of()))
        .skills(new Skill(null, "שפות תכנות", null, List.of("Java", "Kotlin", "SQL"), Map.of()))
        .languages(new Language(null, "עברית", "שפת אם", Map.of()), new Language(null, "العربية", "جيد", Map.of()),
            new Language(null, "English", "Fluent", Map.of()))
        .build();
  }

  static Cv minimal() {
    Basics b = new Basics("Li Wei", null, null, "li.wei@example.com", null, null, null, Location.empty(), List.of(),
        Map.of());
    return Cv.builder().basics(b)
        .work(work("Barista", "Blue Bottle Coffee", null, null, "2022-09", null, null))
        .skills(new Skill(null, null, null, List.of("Latte art", "Customer service"), Map.of()))
        .languages(new Language(null, "Mandarin", null, Map.of()))
        .build();
  }

  private static final String[] FIRST = {"Amira", "Björn", "Chloé", "Diego", "Eun-ji", "Farid", "Grete", "Hiroshi"};
  private static final String[] LAST = {"Okafor", "Sørensen", "Dubois", "García", "Kim", "Haddad", "Nowak", "Tanaka"};
  private static final String[] ROLES = {"Product Designer", "Data Scientist", "Frontend Developer",
      "Marketing Manager", "Financial Analyst", "Operations Coordinator", "Research Engineer", "Sales Director"};
  private static final String[] COMPANIES = {"Northwind Traders", "Contoso Ltd", "Fabrikam Inc", "Tailspin Toys",
      "Wingtip Partners", "Litware Systems", "Adventure Works", "Proseware GmbH"};
  private static final String[] CITIES = {"Lisbon, Portugal", "Toronto, Canada", "Nairobi, Kenya", "Seoul, South Korea"};
  private static final String[] VERBS = {"Launched", "Redesigned", "Automated", "Negotiated", "Analysed", "Scaled"};
  private static final String[] THINGS = {"the onboarding flow", "a pricing model", "the quarterly forecast",
      "a partner programme", "the data warehouse", "customer interviews"};

  /** A seeded random CV: the same seed gives the same CV. */
  static Cv random(long seed) {
    Random r = new Random(seed);
    String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
    Basics b = new Basics(name, ROLES[r.nextInt(ROLES.length)], null,
        name.toLowerCase().replaceAll("[^a-z]", ".") + "@example.net", "+1 416 555 0" + (100 + r.nextInt(899)), null,
        "Results-driven professional with " + (3 + r.nextInt(15)) + " years of experience.",
        new Location(null, null, "Toronto", "CA", "Ontario", Map.of()), List.of(), Map.of());
    Cv.Builder cv = Cv.builder().basics(b);
    int jobs = 2 + r.nextInt(4);
    for (int i = 0; i < jobs; i++) {
      int y = 2024 - 3 * i;
      List<String> bullets = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(4); k++) {
        bullets.add(VERBS[r.nextInt(VERBS.length)] + " " + THINGS[r.nextInt(THINGS.length)] + ", improving results by "
            + (5 + r.nextInt(60)) + "%");
      }
      cv.work(work(ROLES[r.nextInt(ROLES.length)], COMPANIES[r.nextInt(COMPANIES.length)],
          r.nextBoolean() ? CITIES[r.nextInt(CITIES.length)] : null, null, (y - 2) + "-0" + (1 + r.nextInt(9)),
          i == 0 && r.nextBoolean() ? null : y + "-0" + (1 + r.nextInt(9)), null, bullets.toArray(new String[0])));
    }
    cv.education(new Education(null, "University of Toronto", null, "Economics", "Bachelor of Arts",
        String.valueOf(2000 + r.nextInt(10)), String.valueOf(2011 + r.nextInt(5)), null, List.of(), Map.of()));
    cv.skills(new Skill(null, "Tools", r.nextBoolean() ? "Advanced" : null, List.of("Excel", "SQL", "Figma", "Tableau"),
        Map.of()));
    if (r.nextBoolean()) {
      cv.certificates(new Certificate(null, "Project Management Professional", "2020-0" + (1 + r.nextInt(9)), null,
          "PMI", Map.of()));
    }
    cv.languages(new Language(null, "English", "Native", Map.of()), new Language(null, "French", "B2", Map.of()));
    return cv.build();
  }
}
