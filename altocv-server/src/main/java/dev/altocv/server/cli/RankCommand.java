package dev.altocv.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.internal.Json;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.match.CvIndex;
import dev.altocv.core.match.JobIndex;
import dev.altocv.core.match.MissingKeyword;
import dev.altocv.core.match.Ranked;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code altocv rank --job JOB.txt CV.json...} and {@code altocv rank --cv CV.json JOB.txt...}. */
@Command(name = "rank", mixinStandardHelpOptions = true,
    description = "Ranks many CVs for one job (--job JOB.txt CV.json...), or many jobs for one CV "
        + "(--cv CV.json JOB.txt...), best first, through a Lucene index and the scores of 'altocv match'.%n"
        + "A file that cannot be read or parsed stops the command with its name; nothing is printed.")
public final class RankCommand implements Callable<Integer> {

  @Option(names = "--job", paramLabel = "JOB.txt", description = "rank the FILES (CVs) for this posting")
  @Nullable Path job;

  @Option(names = "--cv", paramLabel = "CV.json", description = "rank the FILES (postings) for this CV")
  @Nullable Path cv;

  @Parameters(paramLabel = "FILES", arity = "1..*", description = "the CVs (with --job) or postings (with --cv)")
  List<Path> files;

  @Option(names = "--limit", paramLabel = "N", description = "print at most N results (default: all)")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--json", description = "print JSON: [{file, score, skills, experience, education, summary, "
      + "semantic, missingRequired:[...]}], best first")
  boolean json;

  @Option(names = "--semantic", description = "also compare meaning with the local embedding model "
      + "(all-MiniLM-L6-v2, shipped in the jar; loading takes about 2 s, then about 70 ms per file on 2 cores)")
  boolean semantic;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if ((job == null) == (cv == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --job JOB.txt or --cv CV.json");
    }
    if (limit < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    Set<Path> seen = new HashSet<>();
    for (Path f : files) {
      Path same;
      try {
        same = f.toRealPath();
      } catch (java.io.IOException e) {
        same = f.toAbsolutePath().normalize(); // reading it will say what is wrong
      }
      if (!seen.add(same)) {
        throw new CliException(2, f + " is given twice (it is the same file as an earlier argument)");
      }
    }
    List<Ranked> ranked;
    if (job != null) {
      JobPosting posting = JobFiles.read(job);
      CvIndex.Builder b = CvIndex.builder();
      if (semantic) {
        b.embedder(LocalModel.load());
      }
      CvIndex index = b.build();
      for (Path f : files) {
        index.add(f.toString(), CliFiles.readCv(f));
      }
      ranked = index.rank(posting, Math.min(limit, files.size()));
    } else {
      JobIndex.Builder b = JobIndex.builder();
      if (semantic) {
        b.embedder(LocalModel.load());
      }
      JobIndex index = b.build();
      var theCv = CliFiles.readCv(cv);
      for (Path f : files) {
        index.add(f.toString(), JobFiles.read(f));
      }
      ranked = index.rank(theCv, Math.min(limit, files.size()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode arr = Json.NODES.arrayNode();
      for (Ranked r : ranked) {
        ObjectNode o = arr.addObject();
        o.put("file", r.key());
        o.put("score", r.score());
        o.put("skills", r.report().skills());
        o.put("experience", r.report().experience());
        o.put("education", r.report().education());
        o.put("summary", r.report().summary());
        o.put("semantic", r.report().semantic());
        ArrayNode missing = o.putArray("missingRequired");
        r.report().missingKeywords().stream().filter(MissingKeyword::required).forEach(k -> missing.add(k.keyword()));
      }
      CliFiles.writeText(out, null, Json.write(arr));
      return 0;
    }
    out.printf(Locale.ROOT, "%4s  %5s  %6s  %10s  %9s  %7s  %s%n", "rank", "score", "skills", "experience",
        "education", "summary", job != null ? "CV" : "posting");
    int n = 1;
    for (Ranked r : ranked) {
      var m = r.report();
      List<String> req = m.missingKeywords().stream().filter(MissingKeyword::required).map(MissingKeyword::keyword)
          .toList();
      out.printf(Locale.ROOT, "%4d  %5d  %6d  %10d  %9d  %7d  %s%s%n", n++, r.score(), m.skills(), m.experience(),
          m.education(), m.summary(), r.key(), m.missingHardRequirements().isEmpty() ? ""
              : "   (missing required: " + String.join(", ", m.missingHardRequirements()) + ")");
      if (!req.isEmpty() && req.size() <= 6) {
        out.println(" ".repeat(48) + "missing: " + String.join(", ", req));
      }
    }
    if (!semantic) {
      out.println("(lexical match; --semantic adds the local embedding model)");
    }
    out.flush();
    return 0;
  }
}
