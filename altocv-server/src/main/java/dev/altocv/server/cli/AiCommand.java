package dev.altocv.server.cli;

import dev.altocv.ai.AcceptResult;
import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.AltoAi;
import dev.altocv.ai.ChatEvent;
import dev.altocv.ai.ChatInput;
import dev.altocv.ai.ChatResult;
import dev.altocv.ai.Flag;
import dev.altocv.ai.Proposal;
import dev.altocv.ai.ProposedEdit;
import dev.altocv.ai.RejectedCall;
import dev.altocv.ai.Task;
import dev.altocv.core.AltoCv;
import dev.altocv.core.DocumentKind;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.server.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code altocv ai CV.json --message "..." [--job JOB.txt] [--apply [--include-flagged]] [--json]}, and
 * {@code altocv ai CV.json --accept PROPOSAL.json [--edits 0,2 | --include-flagged]} to apply a saved proposal.
 */
@Command(name = "ai", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Asks the AI for edits to a CV and prints the proposal: each edit with its reason and flags.",
        "With --apply, prints the CV with the unflagged edits applied (flagged ones too with --include-flagged).",
        "Nothing is changed without --apply; the CV file itself is never overwritten unless -o names it.",
        "With --accept, applies a proposal saved with --json (no AI call), all unflagged edits or --edits.",
        "",
        "Provider from the environment:",
        "  ALTOCV_AI_PROVIDER   openai, anthropic or openai-compatible",
        "  OPENAI_API_KEY / ANTHROPIC_API_KEY (ALTOCV_AI_API_KEY for an openai-compatible server that needs one)",
        "  ALTOCV_AI_BASE_URL   e.g. http://127.0.0.1:11434/v1 for Ollama",
        "  ALTOCV_AI_MODEL      the model (ALTOCV_AI_MODEL_<TASK> for one task)",
        "Exit codes: 0 done, 1 invalid input or the provider failed, 2 usage error, unreadable file or AI not "
            + "configured."})
public final class AiCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CV.json", description = "the CV (JSON Resume or AltoCV document)")
  Path cvFile;

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "what you want changed")
  @Nullable String message;

  @Option(names = "--accept", paramLabel = "PROPOSAL.json",
      description = "apply a proposal saved with --json instead of asking the AI")
  @Nullable Path accept;

  @Option(names = "--edits", paramLabel = "N,N", split = ",",
      description = "with --accept: the edits to apply (default: the unflagged ones)")
  java.util.@Nullable List<Integer> edits;

  @Option(names = "--job", paramLabel = "JOB.txt", description = "a job posting to tailor to (quoted as data)")
  @Nullable Path job;

  @Option(names = "--task", paramLabel = "TASK",
      description = "chat, rewrite, tailor or format (default: tailor with --job, else chat)")
  @Nullable String task;

  @Option(names = "--apply", description = "print the CV with the unflagged edits applied")
  boolean apply;

  @Option(names = "--include-flagged", description = "with --apply: apply the flagged edits too")
  boolean includeFlagged;

  @Option(names = "--json", description = "print the proposal as JSON (the format in the README)")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "write the proposal (or with --apply the CV) here (default: stdout)")
  @Nullable Path output;

  @Option(names = "--to", paramLabel = "KIND",
      description = "with --apply, the output kind: ${COMPLETION-CANDIDATES} (default: the input's kind)")
  @Nullable OutputKind to;

  @Option(names = "--proposal", paramLabel = "FILE", description = "with --apply, also save the proposal as JSON")
  @Nullable Path proposalFile;

  @CommandLine.ParentCommand
  Main main;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * The exit code of an AI failure.
   *
   * @param e the failure
   * @return 2 when the AI is not configured or misconfigured (a usage problem), else 1
   */
  public static int exitCode(AiException e) {
    AiErrorKind k = e.kind();
    return k == AiErrorKind.NOT_CONFIGURED || k == AiErrorKind.BAD_CONFIGURATION
        || k == AiErrorKind.MISSING_DEPENDENCY ? Main.USAGE : Main.INVALID;
  }

  @Override
  public Integer call() {
    if (accept != null) {
      return acceptSaved();
    }
    if (edits != null) {
      throw new CliException(Main.USAGE, "--edits goes with --accept");
    }
    if (message == null) {
      throw new CliException(Main.USAGE, "give --message (what you want changed) or --accept PROPOSAL.json");
    }
    if (json && apply) {
      throw new CliException(Main.USAGE, "--json prints the proposal, --apply prints the CV: choose one "
          + "(use --apply --proposal FILE to save the proposal too)");
    }
    if (includeFlagged && !apply) {
      throw new CliException(Main.USAGE, "--include-flagged goes with --apply");
    }
    if (to != null && !apply) {
      throw new CliException(Main.USAGE, "--to goes with --apply or --accept");
    }
    if (proposalFile != null && !apply) {
      throw new CliException(Main.USAGE, "--proposal goes with --apply");
    }
    if (message.isBlank()) {
      throw new CliException(Main.USAGE, "--message must not be empty");
    }
    String cvText = CliFiles.readText(cvFile, "CV");
    Cv cv = CliFiles.parseCv(cvFile, cvText);
    String posting = job == null ? null : CliFiles.readText(job, "job posting");
    if (posting != null && posting.isBlank()) {
      throw new CliException(Main.INVALID, "the job posting " + job + " is empty");
    }
    Task t = task(posting != null);
    ChatInput input;
    try {
      input = ChatInput.of(cv, message).withJobPosting(posting).withTask(t);
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.INVALID, e.getMessage());
    }
    AiConfig config;
    try {
      config = AiConfig.fromEnv(main.env());
    } catch (IllegalArgumentException e) { // a setting with a bad value: a configuration (usage) error
      throw new CliException(Main.USAGE, e.getMessage());
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean textToStdout = !json && !apply && output == null;
    PrintWriter live = textToStdout ? out : err;
    ChatResult result;
    try (AltoAi ai = AltoAi.create(config)) {
      result = ai.chat(input, e -> {
        if (e instanceof ChatEvent.TextDelta d) {
          live.print(d.text());
          live.flush();
        }
      });
    }
    if (result.text().length() > 0) {
      live.println();
      if (textToStdout) {
        live.println();
      }
      live.flush();
    }
    if (result.error().isPresent()) {
      AiException e = result.error().get();
      throw new CliException(exitCode(e), e.getMessage() + (e.retryable() ? " (try again later)" : "")
          + "; nothing was changed");
    }
    Proposal proposal = result.proposal().orElse(null);
    if (!apply) {
      if (json) {
        String text = proposal != null ? proposal.toJson()
            : new Proposal(null, t, config.route(t).model(), result.text(), java.util.List.of(),
                java.util.List.of()).toJson();
        CliFiles.writeText(out, output, text);
      } else {
        CliFiles.writeText(out, output, describe(proposal, cvFile));
      }
      return Main.OK;
    }
    if (proposal != null && proposalFile != null) {
      CliFiles.writeText(out, proposalFile, proposal.toJson());
    }
    if (proposal == null || proposal.isEmpty()) {
      err.println("altocv: the AI proposed no edits; the CV is unchanged");
      write(cvText, cv);
    } else {
      AcceptResult r = includeFlagged ? proposal.acceptAll(cv) : proposal.acceptUnflagged(cv);
      report(proposal, r, includeFlagged);
      write(cvText, r.cv());
    }
    return Main.OK;
  }

  private int acceptSaved() {
    if (message != null || job != null || task != null || json || apply || proposalFile != null) {
      throw new CliException(Main.USAGE, "--accept applies a saved proposal: it does not go with --message, --job, "
          + "--task, --json, --apply or --proposal");
    }
    if (edits != null && includeFlagged) {
      throw new CliException(Main.USAGE, "give --edits or --include-flagged, not both");
    }
    String cvText = CliFiles.readText(cvFile, "CV");
    Cv cv = CliFiles.parseCv(cvFile, cvText);
    Proposal proposal;
    try {
      proposal = Proposal.fromJson(CliFiles.readText(accept, "proposal"));
    } catch (dev.altocv.core.AltoCvException e) {
      throw new CliException(Main.INVALID, accept + ": " + e.getMessage());
    }
    AcceptResult r;
    try {
      r = edits != null ? proposal.accept(cv, edits) : includeFlagged ? proposal.acceptAll(cv)
          : proposal.acceptUnflagged(cv);
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.USAGE, "--edits: " + e.getMessage());
    }
    report(proposal, r, edits != null || includeFlagged);
    write(cvText, r.cv());
    return Main.OK;
  }

  private void report(Proposal proposal, AcceptResult r, boolean chosen) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("altocv: applied " + r.applied().size() + " of " + proposal.edits().size() + " edits"
        + (r.applied().isEmpty() ? "" : " (" + join(r.applied()) + ")"));
    for (AcceptResult.Skipped s : r.skipped()) {
      err.println("  skipped edit " + s.index() + ": " + s.reason());
    }
    if (!chosen) {
      for (ProposedEdit e : proposal.edits()) {
        if (e.flagged()) {
          err.println("  left out flagged edit " + e.index() + ": " + e.summary() + " ("
              + e.flags().get(0).message() + "); --include-flagged applies it");
        }
      }
    }
    err.flush();
  }

  private void write(String cvText, Cv updated) {
    OutputKind kind = to != null ? to
        : AltoCv.kindOf(cvText) == DocumentKind.ALTOCV ? OutputKind.altocv : OutputKind.resume;
    CliFiles.writeText(spec.commandLine().getOut(), output,
        kind == OutputKind.altocv ? AltoCv.write(updated) : AltoCv.writeJsonResume(updated));
  }

  private Task task(boolean hasJob) {
    if (task == null) {
      return hasJob ? Task.TAILOR : Task.CHAT;
    }
    try {
      Task t = Task.fromJson(task.toLowerCase(Locale.ROOT));
      if (t != Task.CHAT && t != Task.REWRITE && t != Task.TAILOR && t != Task.FORMAT) {
        throw new IllegalArgumentException("x");
      }
      return t;
    } catch (IllegalArgumentException e) {
      throw new CliException(Main.USAGE, "--task must be chat, rewrite, tailor or format, not '" + task + "'");
    }
  }

  private static String join(java.util.List<Integer> l) {
    return l.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
  }

  /** The proposal for a person at a terminal. */
  static String describe(@Nullable Proposal p, Path cvFile) {
    StringBuilder sb = new StringBuilder();
    if (p == null || p.isEmpty() && p.rejectedCalls().isEmpty()) {
      return "No edits proposed.";
    }
    long flagged = p.edits().stream().filter(ProposedEdit::flagged).count();
    sb.append("Proposal: ").append(p.edits().size()).append(p.edits().size() == 1 ? " edit" : " edits");
    if (flagged > 0) {
      sb.append(", ").append(flagged).append(" flagged");
    }
    sb.append(" (model ").append(p.model()).append(")\n");
    for (ProposedEdit e : p.edits()) {
      sb.append("\n[").append(e.index()).append("] ").append(e.flagged() ? "FLAGGED  " : "").append(e.summary())
          .append('\n');
      sb.append("    why: ").append(e.reason()).append('\n');
      for (Flag f : e.flags()) {
        sb.append("    ! ").append(f.kind().json()).append(": ").append(f.message()).append('\n');
      }
      for (PatchOp op : e.patch().changes()) {
        sb.append("    ").append(op.op().json()).append(' ').append(op.from() != null ? op.from() + " -> " : "")
            .append(op.path());
        if (op.value() != null) {
          String v = op.value() instanceof String s ? "\"" + s + "\"" : String.valueOf(op.value());
          sb.append(" = ").append(v.length() > 200 ? v.substring(0, 200) + "..." : v);
        }
        sb.append('\n');
      }
      if (!e.dependsOn().isEmpty()) {
        sb.append("    builds on edit ").append(join(e.dependsOn())).append('\n');
      }
    }
    if (!p.rejectedCalls().isEmpty()) {
      sb.append("\nCalls the AI made that could not become edits:\n");
      for (RejectedCall c : p.rejectedCalls()) {
        sb.append("  - ").append(c.tool()).append(": ").append(c.error()).append('\n');
      }
    }
    if (!p.isEmpty()) {
      sb.append("\nNothing was changed. To apply edits, save the proposal (--json -o proposal.json), then: altocv ai ")
          .append(cvFile).append(" --accept proposal.json [--edits 0,2 | --include-flagged]");
    }
    return sb.toString();
  }
}
