package dev.altocv.benchmarks;

import dev.altocv.core.AltoCv;
import dev.altocv.core.ats.AtsAnalyzer;
import dev.altocv.core.ats.AtsReport;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.match.CvIndex;
import dev.altocv.core.match.JobMatcher;
import dev.altocv.core.match.MatchReport;
import dev.altocv.core.match.Ranked;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ATS analysis and job matching: the ATS report of a 2-page CV (goal: p50 at most 2 ms), a lexical match of
 * that CV against a posting, posting parsing included (goal: at most 5 ms), and ranking 10,000 CVs for a job
 * through the Lucene index (goal: at most 50 ms). Run: {@code benchmarks/run AtsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AtsBenchmark {

  static final String POSTING = """
      Senior Data Engineer
      Lieferwerk - Berlin, Germany (hybrid)

      What you'll do
      - Build batch and streaming pipelines in Python, SQL and Apache Spark
      - Orchestrate jobs with Airflow and model data with dbt in Snowflake
      - Run the platform on AWS with Terraform and Kubernetes
      - Mentor two mid-level engineers

      Requirements
      - 5+ years of data engineering experience
      - Strong SQL and Python
      - Experience with Kafka or another streaming platform
      - Bachelor's degree in Computer Science or a related field

      Nice to have
      - Snowflake, Tableau
      """;

  Cv twoPage;
  JobPosting posting;
  CvIndex index;
  AtsAnalyzer ats;
  JobMatcher matcher;

  /** Loads the CV and builds the 10,000-CV index (a few seconds, outside the measurement). */
  @Setup(Level.Trial)
  public void setUp() {
    twoPage = AltoCv.read(Fixtures.text("ats-two-page-cv.json"));
    posting = JobPosting.parse(POSTING);
    ats = AtsAnalyzer.standard();
    matcher = JobMatcher.lexical();
    index = CvIndex.builder().build();
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      index.add("cv-" + i, synthetic(random, i));
    }
    if (index.size() != 10_000 || rank10k().isEmpty()) {
      throw new IllegalStateException("index not built");
    }
  }

  private static final String[][] PROFESSIONS = {
      {"Data Engineer", "Python", "SQL", "Apache Spark", "Airflow", "Kafka", "dbt", "Snowflake", "AWS", "Terraform"},
      {"Backend Engineer", "Java", "Spring Boot", "PostgreSQL", "Kafka", "Kubernetes", "REST APIs", "AWS", "Docker"},
      {"Frontend Engineer", "React", "TypeScript", "CSS", "GraphQL", "Cypress", "Storybook", "Node.js"},
      {"Registered Nurse", "Patient care", "Medication administration", "Epic", "Wound care", "IV therapy", "BLS"},
      {"Tax Accountant", "Corporate tax", "ASC 740", "CCH Axcess", "Excel", "Tax research", "GAAP"},
      {"Account Executive", "Salesforce", "B2B sales", "Prospecting", "Negotiation", "MEDDIC", "SaaS sales"},
      {"Mechanical Engineer", "SolidWorks", "GD&T", "FEA", "DFM", "Prototyping", "AutoCAD"},
      {"Teacher", "Lesson planning", "Classroom management", "Differentiated instruction", "Google Classroom"},
      {"Customer Support Specialist", "Zendesk", "Live chat support", "Troubleshooting", "Knowledge base"},
      {"Data Analyst", "SQL", "Tableau", "Power BI", "Excel", "Python", "Statistics"}};

  private static final String[] VERBS = {"Built", "Led", "Reduced", "Improved", "Designed", "Automated", "Ran",
      "Introduced", "Trained", "Cut"};

  /** A plausible CV: a profession, 2-4 jobs with bullets naming its skills, education and a skills list. */
  static Cv synthetic(Random r, int i) {
    String[] p = PROFESSIONS[r.nextInt(PROFESSIONS.length)];
    List<Work> jobs = new ArrayList<>();
    int year = 2026;
    int n = 2 + r.nextInt(3);
    for (int j = 0; j < n; j++) {
      int length = 1 + r.nextInt(4);
      List<String> bullets = new ArrayList<>();
      for (int b = 0; b < 3 + r.nextInt(3); b++) {
        bullets.add(VERBS[r.nextInt(VERBS.length)] + " " + p[1 + r.nextInt(p.length - 1)].toLowerCase() + " work for "
            + (10 + r.nextInt(90)) + " customers, saving " + (5 + r.nextInt(40)) + "% of the time with "
            + p[1 + r.nextInt(p.length - 1)]);
      }
      jobs.add(new Work(null, "Company " + r.nextInt(500), null, null, (j == 0 && r.nextBoolean() ? "Senior " : "")
          + p[0], null, (year - length) + "-0" + (1 + r.nextInt(9)), j == 0 ? null : year + "-0" + (1 + r.nextInt(9)),
          null, bullets, Map.of()));
      year -= length + r.nextInt(2);
    }
    List<String> skills = new ArrayList<>(List.of(p).subList(1, p.length));
    return new Cv(new Basics("Person " + i, p[0], null, "p" + i + "@example.com", "+49 30 " + (1000000 + i), null,
        p[0] + " with " + (2026 - year) + " years of experience.", Location.empty(), List.of(), Map.of()), jobs,
        List.of(), List.of(new Education(null, "University " + r.nextInt(50), null, "Field", "Bachelor of Science",
        null, String.valueOf(year), null, List.of(), Map.of())), List.of(), List.of(), List.of(),
        List.of(new Skill(null, "Skills", null, skills, Map.of())), List.of(), List.of(), List.of(), List.of(), null,
        null, Map.of());
  }

  /** ATS analysis of a 2-page CV (585 words, 4 jobs, 24 bullets). */
  @Benchmark
  public AtsReport atsTwoPageCv() {
    return ats.analyze(twoPage);
  }

  /** Lexical match of the 2-page CV against a parsed posting. */
  @Benchmark
  public MatchReport lexicalMatch() {
    return matcher.match(twoPage, posting);
  }

  /** Parsing the posting and matching: what {@code altocv match} does after reading the files. */
  @Benchmark
  public MatchReport parseAndMatch() {
    return matcher.match(twoPage, JobPosting.parse(POSTING));
  }

  /** The 10 best of 10,000 CVs for the posting: BM25 candidates through the index, then the match scores. */
  @Benchmark
  public List<Ranked> rank10k() {
    return index.rank(posting, 10);
  }
}
