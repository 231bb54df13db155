package dev.altocv.server.cli;

import dev.altocv.core.ats.AtsAnalyzer;
import dev.altocv.core.ats.AtsFinding;
import dev.altocv.core.ats.AtsReport;
import dev.altocv.core.ats.Severity;
import dev.altocv.core.model.Cv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv ats CV.json [--job JOB.txt] [--json]}. */
@Command(name = "ats", mixinStandardHelpOptions = true,
    description = "Checks a CV the way an applicant-tracking system reads it and scores it 0-100.%n"
        + "Each finding names its rule, the place in the CV (a pointer such as /work/[id=w2]/highlights/0), "
        + "its effect on the score and, where possible, a fix as a patch (apply it with 'altocv patch'). "
        + "With --job, the posting's skills are checked too.")
public final class AtsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CV.json", description = "the CV (JSON Resume or AltoCV document)")
  Path cvFile;

  @Option(names = "--job", paramLabel = "JOB.txt", description = "a job posting (text or HTML) to check keywords "
      + "against")
  @Nullable Path job;

  @Option(names = "--json", description = "print the report as JSON: {score, rules:[{id, category, severity, "
      + "message, pointer, evidence, weight, effect, fix?}]}")
  boolean json;

  @Option(names = "--all", description = "also list the rules that passed (human output)")
  boolean all;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cv cv = CliFiles.readCv(cvFile);
    AtsAnalyzer analyzer = AtsAnalyzer.standard();
    AtsReport report = job == null ? analyzer.analyze(cv) : analyzer.analyze(cv, JobFiles.read(job));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      CliFiles.writeText(out, null, report.toJson());
      return 0;
    }
    out.printf(Locale.ROOT, "ATS score: %d/100   %s: %d words, about %.1f pages, %.1f years of experience%n",
        report.score(), cvFile, report.words(), report.pages(), report.yearsOfExperience());
    if (!report.language().equals("en")) {
      out.println("Language: " + report.language() + " (wording checks cover English only and were skipped)");
    }
    for (Severity s : Severity.values()) {
      List<AtsFinding> group = report.problems().stream().filter(f -> f.severity() == s).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.println();
      out.println(switch (s) {
        case ERROR -> "Errors";
        case WARNING -> "Warnings";
        case INFO -> "Notes";
      } + " (" + group.size() + ")");
      for (AtsFinding f : group) {
        out.printf(Locale.ROOT, "  %-28s %5s  %s%n", f.ruleId(), f.effect() == 0 ? "" : String.format(Locale.ROOT,
            "%.1f", f.effect()), f.message());
        if (!f.pointer().isEmpty()) {
          out.println("  " + " ".repeat(36) + "at " + f.pointer());
        }
        if (f.evidence() != null) {
          out.println("  " + " ".repeat(36) + "evidence: " + f.evidence());
        }
        if (f.fix() != null) {
          out.println("  " + " ".repeat(36) + "fix: " + f.fix().toJson().replaceAll("\\s*\\n\\s*", " "));
        }
      }
    }
    List<AtsFinding> passed = report.findings().stream().filter(AtsFinding::passed).toList();
    long notApplicable = report.findings().stream().filter(AtsFinding::notApplicable).count();
    out.println();
    out.println("Passed (" + passed.size() + " rules)" + (notApplicable > 0 ? ", not applicable (" + notApplicable + ")" : "")
        + (all ? ":" : "; --all lists them, --json gives every "
        + "rule's weight and effect."));
    if (all) {
      for (AtsFinding f : passed) {
        out.printf(Locale.ROOT, "  %-28s %4.1f pts  %s%n", f.ruleId(), f.weight(), f.message().substring(8));
      }
    }
    out.flush();
    return 0;
  }
}
