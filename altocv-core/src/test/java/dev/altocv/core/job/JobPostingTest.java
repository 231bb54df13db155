package dev.altocv.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.AltoCvException;
import dev.altocv.core.internal.text.Lexicon;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobPostingTest {

  static final String BACKEND = """
      Senior Backend Engineer (Java) - Acme Payments - Berlin, Germany

      Acme Payments is hiring a Senior Backend Engineer to build our settlement platform.

      What you'll do:
      - Design and build microservices in Java with Spring Boot
      - Run services on k8s in AWS

      Requirements:
      - 5+ years of experience in backend development
      - Strong SQL and REST API design
      - Bachelor's degree in Computer Science or equivalent experience

      Nice to have:
      - Terraform, Go
      - JS for internal tools

      Benefits:
      - 30 days holiday, health insurance, a MacBook
      """;

  @Test
  void readsTitleCompanyLocationSeniorityYearsAndEducation() {
    JobPosting p = JobPosting.parse(BACKEND);
    assertThat(p.title()).isEqualTo("Senior Backend Engineer (Java)");
    assertThat(p.company()).isEqualTo("Acme Payments");
    assertThat(p.location()).isEqualTo("Berlin, Germany");
    assertThat(p.seniority()).isEqualTo(Seniority.SENIOR);
    assertThat(p.yearsRequired()).isEqualTo(5);
    assertThat(p.educationLevel()).isEqualTo(EducationLevel.BACHELOR);
    assertThat(p.educationRequired()).as("'or equivalent experience'").isFalse();
    assertThat(p.responsibilities()).containsExactly("Design and build microservices in Java with Spring Boot",
        "Run services on k8s in AWS");
  }

  @Test
  void separatesRequiredFromPreferredSkillsAndResolvesAliases() {
    JobPosting p = JobPosting.parse(BACKEND);
    assertThat(p.requiredSkills()).contains("Java", "Spring Boot", "Kubernetes", "Amazon Web Services", "SQL",
        "REST APIs", "Microservices", "Backend development");
    assertThat(p.preferredSkills()).contains("Terraform", "Go", "JavaScript");
    assertThat(p.requiredSkills()).doesNotContainAnyElementsOf(p.preferredSkills());
    assertThat(p.skills()).as("benefits are not requirements").doesNotContain("MacBook");
    assertThat(p.keywords()).isNotEmpty();
  }

  @Test
  void aRequiredLicenceIsAHardRequirementAndAPreferredOneIsNot() {
    JobPosting p = JobPosting.parse("""
        ICU Registered Nurse
        Requirements:
        - Current RN license
        - BLS and ACLS certification
        - 2 years of ICU experience
        - Associate Degree in Nursing required; BSN preferred
        Preferred:
        - CCRN certification
        """);
    assertThat(p.hardRequirements()).contains("Registered Nurse", "Basic Life Support",
        "Advanced Cardiovascular Life Support").doesNotContain("Critical Care Registered Nurse");
    assertThat(p.preferredSkills()).contains("Critical Care Registered Nurse", "Bachelor of Science in Nursing");
    assertThat(p.educationLevel()).isEqualTo(EducationLevel.ASSOCIATE);
    assertThat(p.educationRequired()).isTrue();
    assertThat(p.yearsRequired()).isEqualTo(2);
  }

  @Test
  void aliasesAcrossProfessions() {
    JobPosting p = JobPosting.parse("""
        Staff Accountant
        Requirements:
        - CPA or CPA candidate, knowledge of GAAP
        - Experience with AP/AR and month-end close in QuickBooks
        - A minimum of three years of experience
        """);
    assertThat(p.requiredSkills()).contains("Certified Public Accountant", "GAAP", "Accounts payable",
        "Accounts receivable", "Month-end close", "QuickBooks");
    assertThat(p.yearsRequired()).isEqualTo(3);
  }

  @Test
  void readsHtmlWithoutScriptsAndWithEntitiesDecoded() {
    JobPosting p = JobPosting.parseHtml("""
        <html><head><style>li{color:red}</style><script>var zendesk = 1;</script></head><body>
        <h1>Customer Support Specialist</h1><p>Tallybook &middot; Remote</p>
        <h2>What you&#39;ll do</h2><ul><li>Answer tickets in Zendesk</li><li>Write knowledge base articles</li></ul>
        <h2>Requirements</h2><ul><li>2+ years of customer support experience</li></ul>
        <h2>Nice to have</h2><ul><li>Spanish</li></ul></body></html>""");
    assertThat(p.title()).isEqualTo("Customer Support Specialist");
    assertThat(p.text()).doesNotContain("<").doesNotContain("var zendesk").contains("What you'll do");
    assertThat(p.responsibilities()).containsExactly("Answer tickets in Zendesk", "Write knowledge base articles");
    assertThat(p.requiredSkills()).contains("Zendesk", "Customer support");
    assertThat(p.preferredSkills()).contains("Spanish");
    assertThat(p.yearsRequired()).isEqualTo(2);
    assertThat(p.seniority()).isEqualTo(Seniority.JUNIOR);
    assertThat(JobPosting.parse("<p>Customer Support Specialist</p><ul><li>Zendesk required</li></ul>").text())
        .as("HTML is detected by its tags").doesNotContain("<p>");
  }

  @Test
  void anEmptyOrTinyPostingIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> JobPosting.parse("  \n ")).isInstanceOf(JobPostingException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> JobPosting.parseHtml("<html><body><script>x()</script></body></html>"))
        .isInstanceOf(JobPostingException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> JobPosting.parse("Java")).isInstanceOf(JobPostingException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void aPostingInAnotherLanguageIsRefusedNotPretendedAbout() {
    assertThatThrownBy(() -> JobPosting.parse("""
        Wir suchen eine erfahrene Pflegefachkraft für unsere Intensivstation in Köln.
        Ihre Aufgaben: Sie betreuen beatmete Patientinnen und Patienten und arbeiten eng mit dem ärztlichen Team
        zusammen. Ihr Profil: eine abgeschlossene Ausbildung und mindestens zwei Jahre Berufserfahrung.
        """)).isInstanceOfSatisfying(UnsupportedLanguageException.class, e -> {
          assertThat(e.language()).isEqualTo("de");
          assertThat(e.getMessage()).contains("German").contains("English only");
        });
    assertThatThrownBy(() -> JobPosting.parse("Ищем опытного бухгалтера в нашу команду в Москве. Опыт работы "
        + "от трёх лет, знание 1С и налогового учёта.")).isInstanceOf(UnsupportedLanguageException.class)
        .hasMessageContaining("Cyrillic");
    assertThat(new UnsupportedLanguageException("fr", "French")).isInstanceOf(AltoCvException.class);
  }

  @Test
  void theLexiconHasAtLeast1500SkillsAcrossProfessionsWithAliases() {
    Lexicon lex = Lexicon.get();
    assertThat(lex.skills()).hasSizeGreaterThanOrEqualTo(1500);
    Map<String, Long> byDomain = lex.skills().stream()
        .collect(Collectors.groupingBy(Lexicon.SkillDef::domain, Collectors.counting()));
    assertThat(byDomain.keySet()).contains("software", "nursing", "accounting", "sales", "teaching", "mechanical",
        "law", "marketing", "support", "design");
    assertThat(byDomain.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    assertThat(lex.skills().stream().filter(s -> s.aliases().size() > 1).count()).isGreaterThan(600);
    Set<String> aliasesFound = Set.of("k8s", "JS", "RN", "BSN", "CPA", "GAAP");
    for (String a : aliasesFound) {
      assertThat(lex.skills(a)).as(a).hasSize(1);
    }
    assertThat(lex.skill(lex.skills("k8s").get(0).id()).name()).isEqualTo("Kubernetes");
    assertThat(lex.skills("I want to go home")).as("'go' the verb is not Go the language").isEmpty();
    assertThat(lex.skills("Services in Go and Rust")).extracting(h -> lex.skill(h.id()).name())
        .containsExactly("Go", "Rust");
  }
}
