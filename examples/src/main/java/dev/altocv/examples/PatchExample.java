package dev.altocv.examples;

import dev.altocv.core.AltoCv;
import dev.altocv.core.AltoCvException;
import dev.altocv.core.ValidationReport;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchEnvelope;
import dev.altocv.core.patch.PatchOp;
import dev.altocv.core.patch.PatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a JSON Resume file, applies a patch, validates the result and prints the diff, using only the public
 * API of altocv-core.
 *
 * <pre>
 * examples/run PatchExample                      # the bundled resume.json and edit.json
 * examples/run PatchExample resume.json edit.json
 * </pre>
 */
public final class PatchExample {
  private PatchExample() {}

  public static void main(String[] args) throws IOException {
    String resume = args.length > 0 ? Files.readString(Path.of(args[0])) : bundled("resume.json");
    String edit = args.length > 1 ? Files.readString(Path.of(args[1])) : bundled("edit.json");
    try {
      run(resume, edit, System.out);
    } catch (AltoCvException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** The example itself: read, patch, validate, diff. */
  static void run(String resumeJson, String patchJson, PrintStream out) {
    // 1. Read a JSON Resume (or AltoCV) document. List items get stable ids: w1, w2, s1...
    Cv cv = AltoCv.read(resumeJson);
    out.println("Read CV of " + cv.basics().name() + " with " + cv.work().size() + " jobs");

    // 2. Apply a patch. Paths select list items by id, so /work/[id=w2] is the same job wherever it sits.
    PatchEnvelope envelope = PatchEnvelope.fromJson(patchJson);
    PatchResult result = AltoCv.apply(cv, envelope.operations());
    Cv updated = result.cv();
    out.println("Applied '" + envelope.description() + "' (" + envelope.operations().size() + " operations)");

    // 3. The result is already schema-valid (apply validates); validate() shows the report API.
    ValidationReport report = AltoCv.validate(updated);
    out.println("Valid: " + report.isValid());

    // 4. The diff between the versions: what changed, as a readable patch.
    Patch diff = AltoCv.diff(cv, updated);
    out.println("Diff:");
    for (PatchOp op : diff.changes()) {
      out.println("  " + op.op().json() + " " + op.path() + (op.value() != null ? " = " + op.value() : ""));
    }

    // 5. Undo is the inverse patch.
    Cv undone = AltoCv.apply(updated, result.inverse()).cv();
    out.println("Undo restores the original: " + undone.equals(cv));
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = PatchExample.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
