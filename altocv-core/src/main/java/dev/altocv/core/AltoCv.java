package dev.altocv.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.core.internal.CvCodec;
import dev.altocv.core.internal.Differ;
import dev.altocv.core.internal.Json;
import dev.altocv.core.internal.PatchEngine;
import dev.altocv.core.internal.Schemas;
import dev.altocv.core.model.Cv;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchRejectedException;
import dev.altocv.core.patch.PatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of altocv-core: read, write, validate, patch and diff CVs. Stateless and thread-safe.
 *
 * <pre>{@code
 * Cv cv = AltoCv.read(Files.readString(Path.of("resume.json")));     // JSON Resume or AltoCV
 * PatchResult r = AltoCv.apply(cv, Patch.fromJson("""
 *     [{"op": "test", "path": "/work/[id=w1]/highlights/0", "value": "Led a team"},
 *      {"op": "replace", "path": "/work/[id=w1]/highlights/0", "value": "Led a team of 8"}]"""));
 * String json = AltoCv.write(r.cv());                                 // AltoCV document
 * Patch undo = r.inverse();
 * }</pre>
 */
public final class AltoCv {
  private AltoCv() {}

  /**
   * Reads a CV from a JSON Resume document or an AltoCV document (one with a top-level {@code "altocv"}
   * object). Items without ids get them; absent design settings take their defaults.
   *
   * @param json the document
   * @return the CV
   * @throws MalformedJsonException when the text is not JSON, with line and column
   * @throws CvInvalidException when the document breaks its schema, with a pointer and message per problem
   */
  public static Cv read(String json) {
    Objects.requireNonNull(json, "json");
    return read(Json.parse(json, "CV"));
  }

  /**
   * Reads a CV from a file; see {@link #read(String)}.
   *
   * @param file the file, UTF-8
   * @return the CV
   * @throws IOException when the file cannot be read
   * @throws MalformedJsonException when the text is not JSON
   * @throws CvInvalidException when the document breaks its schema
   */
  public static Cv read(Path file) throws IOException {
    return read(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a CV from a stream (UTF-8, read to the end, not closed); see {@link #read(String)}.
   *
   * @param in the stream
   * @return the CV
   * @throws IOException when the stream cannot be read
   */
  public static Cv read(InputStream in) throws IOException {
    return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Cv read(JsonNode tree) {
    DocumentKind kind = kindOf(tree);
    List<Violation> violations = new ArrayList<>(Schemas.validate(tree, kind));
    if (!violations.isEmpty()) {
      throw new CvInvalidException(new ValidationReport(kind, violations));
    }
    Cv cv = CvCodec.fromTree(tree, violations);
    if (cv == null) {
      throw new CvInvalidException(new ValidationReport(kind, violations));
    }
    if (kind == DocumentKind.JSON_RESUME) {
      // limits that only the AltoCV schema states (text length, list size)
      List<Violation> more = Schemas.validate(CvCodec.toTree(cv, CvCodec.Form.ALTOCV), DocumentKind.ALTOCV);
      if (!more.isEmpty()) {
        throw new CvInvalidException(new ValidationReport(kind, more));
      }
    }
    return cv;
  }

  /**
   * Which kind of document a text is, without validating it.
   *
   * @param json the document
   * @return {@link DocumentKind#ALTOCV} when it has a top-level {@code "altocv"} object, else JSON Resume
   * @throws MalformedJsonException when the text is not JSON
   */
  public static DocumentKind kindOf(String json) {
    return kindOf(Json.parse(json, "CV"));
  }

  private static DocumentKind kindOf(JsonNode tree) {
    JsonNode alto = tree.isObject() ? tree.get("altocv") : null;
    return alto != null && alto.isObject() ? DocumentKind.ALTOCV : DocumentKind.JSON_RESUME;
  }

  /**
   * Validates a document against the schema of its kind, never throwing for bad content.
   *
   * @param json the document
   * @return the report; malformed JSON is one violation at the document, naming line and column
   */
  public static ValidationReport validate(String json) {
    JsonNode tree;
    try {
      tree = Json.parse(json, "CV");
    } catch (MalformedJsonException e) {
      return new ValidationReport(DocumentKind.JSON_RESUME, List.of(new Violation("", e.getMessage())));
    }
    DocumentKind kind = kindOf(tree);
    if (!tree.isObject()) {
      return new ValidationReport(kind,
          List.of(new Violation("", "a CV must be a JSON object, not " + CvCodec.describe(tree))));
    }
    List<Violation> violations = new ArrayList<>(Schemas.validate(tree, kind));
    if (violations.isEmpty()) {
      Cv cv = CvCodec.fromTree(tree, violations);
      if (cv != null && kind == DocumentKind.JSON_RESUME) {
        violations.addAll(Schemas.validate(CvCodec.toTree(cv, CvCodec.Form.ALTOCV), DocumentKind.ALTOCV));
      }
    }
    return new ValidationReport(kind, violations);
  }

  /**
   * Validates a CV built in code against the AltoCV schema (dates, lengths, design ranges).
   *
   * @param cv the CV
   * @return the report
   */
  public static ValidationReport validate(Cv cv) {
    return new ValidationReport(DocumentKind.ALTOCV,
        Schemas.validate(CvCodec.toTree(cv, CvCodec.Form.ALTOCV), DocumentKind.ALTOCV));
  }

  /**
   * Writes a CV as an AltoCV document: ids, the {@code altocv} part and every list present.
   *
   * @param cv the CV
   * @return indented JSON
   */
  public static String write(Cv cv) {
    return Json.write(CvCodec.toTree(cv, CvCodec.Form.ALTOCV));
  }

  /**
   * Writes a CV as a JSON Resume document: no ids, no {@code altocv} part, empty lists left out; fields
   * AltoCV does not know are written back as they were read.
   *
   * @param cv the CV
   * @return indented JSON
   */
  public static String writeJsonResume(Cv cv) {
    return Json.write(CvCodec.toTree(cv, CvCodec.Form.JSON_RESUME));
  }

  /**
   * Applies a patch: a pure function of the CV and the patch. All operations apply, in order, and the
   * result is validated against the schema; or nothing applies.
   *
   * @param cv the CV (not changed)
   * @param patch the patch
   * @return the new CV and the inverse patch (apply it to the new CV to get this one back)
   * @throws PatchRejectedException naming the failing operation and why, or the schema violations of the
   *     result
   */
  public static PatchResult apply(Cv cv, Patch patch) {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(patch, "patch");
    ObjectNode tree = CvCodec.toTree(cv, CvCodec.Form.ALTOCV);
    PatchEngine.Applied applied = PatchEngine.apply(tree, patch);
    List<Violation> violations = new ArrayList<>(Schemas.validate(applied.tree(), DocumentKind.ALTOCV));
    Cv out = violations.isEmpty() ? CvCodec.fromTree(applied.tree(), violations) : null;
    if (out == null) {
      throw new PatchRejectedException(-1, null, "the patch would make the CV invalid:", violations);
    }
    return new PatchResult(out, applied.inverse());
  }

  /**
   * The patch that turns one CV into another: minimal and readable. Items with ids are matched by id; text
   * lists (bullets, keywords) by their longest common subsequence, each edit guarded by a {@code test} of the
   * old text.
   *
   * @param from the old CV
   * @param to the new CV
   * @return the patch; {@code AltoCv.apply(from, diff).cv()} equals {@code to}
   */
  public static Patch diff(Cv from, Cv to) {
    return Differ.diff(CvCodec.toTree(from, CvCodec.Form.ALTOCV), CvCodec.toTree(to, CvCodec.Form.ALTOCV));
  }

  /**
   * The JSON Schema (2020-12) of AltoCV documents, as shipped in the jar.
   *
   * @return the schema text
   */
  public static String altoCvSchema() {
    return resource("altocv.schema.json");
  }

  /**
   * The JSON Resume 1.0 schema (restated in JSON Schema 2020-12), as shipped in the jar.
   *
   * @return the schema text
   */
  public static String jsonResumeSchema() {
    return resource("jsonresume.schema.json");
  }

  private static String resource(String name) {
    try (InputStream in = AltoCv.class.getClassLoader().getResourceAsStream(Schemas.RESOURCE_DIR + name)) {
      if (in == null) {
        throw new AltoCvException("schema " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AltoCvException("could not read schema " + name, e);
    }
  }
}
