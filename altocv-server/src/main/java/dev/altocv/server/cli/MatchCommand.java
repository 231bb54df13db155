package dev.altocv.server.cli;

import dev.altocv.core.job.JobPosting;
import dev.altocv.core.match.JobMatcher;
import dev.altocv.core.match.MatchReport;
import dev.altocv.core.match.MatchedKeyword;
import dev.altocv.core.match.MissingKeyword;
import dev.altocv.core.match.Suggestion;
import dev.altocv.core.model.Cv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv match CV.json JOB.txt [--json]}. */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = "Scores how well a CV fits a job posting (0-100) and explains it: skills matched with where the "
        + "CV shows them, skills missing (required first), and suggestions, with a patch where one can be made.%n"
        + "The match is lexical unless --semantic loads the local embedding model (about 2 s more).")
public final class MatchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CV.json", description = "the CV (JSON Resume or AltoCV document)")
  Path cvFile;

  @Parameters(index = "1", paramLabel = "JOB.txt", description = "the job posting (plain text or HTML)")
  Path jobFile;

  @Option(names = "--json", description = "print JSON: {overall, skills, experience, education, summary, semantic, "
      + "matchedKeywords:[{keyword, required, locations}], missingKeywords:[{keyword, required}], "
      + "suggestions:[{message, patch?}]}")
  boolean json;

  @Option(names = "--semantic", description = "also compare meaning with the local embedding model "
      + "(all-MiniLM-L6-v2, shipped in the jar; loading takes about 2 s)")
  boolean semantic;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cv cv = CliFiles.readCv(cvFile);
    JobPosting posting = JobFiles.read(jobFile);
    JobMatcher matcher = semantic ? JobMatcher.builder().embedder(LocalModel.load()).build() : JobMatcher.lexical();
    MatchReport r = matcher.match(cv, posting);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      CliFiles.writeText(out, null, r.toJson());
      return 0;
    }
    out.printf(Locale.ROOT, "Match: %d/100   %s for %s%s%n", r.overall(), cvFile,
        posting.title() == null ? jobFile.toString() : "'" + posting.title() + "'",
        posting.company() == null ? "" : " at " + posting.company());
    out.printf(Locale.ROOT, "  skills %d   experience %d   education %d   summary %d   (%s)%n", r.skills(),
        r.experience(), r.education(), r.summary(), r.semantic() ? "semantic" : "lexical; --semantic adds meaning");
    out.printf(Locale.ROOT, "  relevant experience: %.1f years (asked: %d)%n", r.relevantYears(), r.yearsAsked());
    if (!r.missingHardRequirements().isEmpty()) {
      out.println("  missing hard requirements: " + String.join(", ", r.missingHardRequirements()));
    }
    out.println();
    out.println("Matched (" + r.matchedKeywords().size() + ")");
    for (MatchedKeyword k : r.matchedKeywords()) {
      out.println("  " + k.keyword() + (k.required() ? " (required)" : " (preferred)") + "  at "
          + String.join(", ", k.locations().subList(0, Math.min(3, k.locations().size())))
          + (k.locations().size() > 3 ? " and " + (k.locations().size() - 3) + " more" : ""));
    }
    List<MissingKeyword> missing = r.missingKeywords();
    out.println();
    out.println("Missing (" + missing.size() + ")" + (missing.isEmpty() ? "" : ": " + missing.stream()
        .map(k -> k.keyword() + (k.required() ? " (required)" : " (preferred)")).collect(Collectors.joining(", "))));
    if (!r.suggestions().isEmpty()) {
      out.println();
      out.println("Suggestions");
      int n = 1;
      for (Suggestion s : r.suggestions()) {
        out.println("  " + n++ + ". " + s.message());
        if (s.patch() != null) {
          out.println("     patch: " + s.patch().toJson().replaceAll("\\s*\\n\\s*", " "));
        }
      }
    }
    out.flush();
    return 0;
  }
}
