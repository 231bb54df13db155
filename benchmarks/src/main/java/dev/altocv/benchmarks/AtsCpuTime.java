package dev.altocv.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operations of {@link AtsBenchmark} timed in CPU time of the calling thread (p50 and p90), which other
 * processes on a busy machine disturb much less than wall-clock time. Run:
 * {@code benchmarks/run --main AtsCpuTime}.
 */
public final class AtsCpuTime {
  private AtsCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param a unused
   */
  public static void main(String[] a) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtsBenchmark b = new AtsBenchmark();
    b.setUp();
    for (String what : List.of("ats", "match", "parseAndMatch", "rank")) {
      int n = what.equals("rank") ? 200 : 3000;
      long[] cpu = new long[n];
      for (int w = 0; w < n; w++) run(b, what);
      for (int k = 0; k < n; k++) { long t = mx.getCurrentThreadCpuTime(); run(b, what); cpu[k] = mx.getCurrentThreadCpuTime() - t; }
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "%-14s CPU time p50 %.3f ms, p90 %.3f ms (%d runs after %d warm-up)%n", what, cpu[n / 2] / 1e6, cpu[n * 9 / 10] / 1e6, n, n);
    }
  }
  private static void run(AtsBenchmark b, String what) {
    switch (what) {
      case "ats" -> b.atsTwoPageCv();
      case "match" -> b.lexicalMatch();
      case "parseAndMatch" -> b.parseAndMatch();
      default -> b.rank10k();
    }
  }
}
