/**
 * AltoCV core: the entry point {@link dev.altocv.core.AltoCv} (read, write, validate, patch, diff), validation
 * reports and the exception hierarchy rooted at {@link dev.altocv.core.AltoCvException}.
 *
 * <p>Nothing in this library touches the network, a database or a PDF library. Everything is non-null unless
 * annotated {@code @Nullable}.
 */
@NullMarked
package dev.altocv.core;

import org.jspecify.annotations.NullMarked;
