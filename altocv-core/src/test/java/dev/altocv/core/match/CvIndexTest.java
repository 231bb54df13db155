package dev.altocv.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.ats.TestCvs;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.util.List;
import org.junit.jupiter.api.Test;

class CvIndexTest {
  static final JobPosting BACKEND = JobMatcherTest.BACKEND;

  static Cv backend() {
    return JobMatcherTest.cv(List.of(JobMatcherTest.job("Backend Engineer", "2019-01", null,
        "Built Java services on PostgreSQL and Kafka, deployed on Kubernetes")), List.of());
  }

  static Cv nurse() {
    return JobMatcherTest.cv(List.of(JobMatcherTest.job("Staff Nurse", "2019-01", null,
        "Cared for 6 patients per shift on a surgical ward")), List.of("Wound care"));
  }

  @Test
  void ranksBestFirstWithTheSameScoresAsTheMatcher() {
    CvIndex index = CvIndex.builder().clock(TestCvs.CLOCK).build();
    index.add("nurse", nurse());
    index.add("backend", backend());
    index.add("data", TestCvs.clean());
    List<Ranked> r = index.rank(BACKEND, 10);
    assertThat(r).extracting(Ranked::key).startsWith("backend");
    assertThat(r).hasSize(3);
    for (int i = 1; i < r.size(); i++) {
      assertThat(r.get(i - 1).score()).isGreaterThanOrEqualTo(r.get(i).score());
    }
    assertThat(r.get(0).report()).isEqualTo(JobMatcherTest.MATCHER.match(backend(), BACKEND));
    assertThat(index.rank(BACKEND, 1)).hasSize(1);
  }

  @Test
  void replacesAndRemovesByKey() {
    CvIndex index = CvIndex.builder().clock(TestCvs.CLOCK).build();
    index.add("a", nurse());
    index.add("b", nurse());
    int before = index.rank(BACKEND, 5).stream().filter(x -> x.key().equals("a")).findFirst().orElseThrow().score();
    index.add("a", backend());
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.rank(BACKEND, 5).get(0).key()).isEqualTo("a");
    assertThat(index.rank(BACKEND, 5).get(0).score()).isGreaterThan(before);
    assertThat(index.remove("a")).isTrue();
    assertThat(index.remove("a")).isFalse();
    assertThat(index.rank(BACKEND, 5)).extracting(Ranked::key).containsExactly("b");
    assertThatThrownBy(() -> index.rank(BACKEND, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsCandidatesBeyondTheFirstFewHundredThroughTheIndex() {
    CvIndex index = CvIndex.builder().clock(TestCvs.CLOCK).build();
    for (int i = 0; i < 1200; i++) {
      index.add("nurse-" + i, nurse());
    }
    index.add("zz-backend", backend());
    assertThat(index.rank(BACKEND, 3).get(0).key()).isEqualTo("zz-backend");
  }

  @Test
  void anEmbedderIsUsedForCandidatesAndScores() {
    HashingEmbedder e = new HashingEmbedder();
    CvIndex index = CvIndex.builder().embedder(e).clock(TestCvs.CLOCK).build();
    index.add("backend", backend());
    index.add("nurse", nurse());
    List<Ranked> r = index.rank(BACKEND, 2);
    assertThat(r).allSatisfy(x -> assertThat(x.report().semantic()).isTrue());
    assertThat(e.calls.get()).isEqualTo(3);
  }

  @Test
  void jobsAreRankedForACv() {
    JobIndex jobs = JobIndex.builder().clock(TestCvs.CLOCK).build();
    jobs.add("backend", BACKEND);
    jobs.add("nurse", JobPosting.parse("""
        Ward Nurse
        Requirements:
        - Registered Nurse license
        - Wound care and medication administration
        """));
    jobs.add("data", JobPosting.parse("""
        Data Engineer
        Requirements:
        - Python, SQL, Apache Spark and Airflow
        """));
    assertThat(jobs.size()).isEqualTo(3);
    assertThat(jobs.rank(TestCvs.clean(), 3)).extracting(Ranked::key).first().isEqualTo("data");
    assertThat(jobs.rank(backend(), 3)).extracting(Ranked::key).first().isEqualTo("backend");
    assertThat(jobs.remove("data")).isTrue();
    assertThat(jobs.rank(TestCvs.clean(), 3)).extracting(Ranked::key).doesNotContain("data");
  }
}
