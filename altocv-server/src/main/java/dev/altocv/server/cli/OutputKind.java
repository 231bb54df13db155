package dev.altocv.server.cli;

/** The document kinds a command can write. */
public enum OutputKind {
  /** JSON Resume: ids and AltoCV's own parts dropped. */
  resume,
  /** AltoCV document. */
  altocv
}
