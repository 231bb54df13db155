/**
 * Typed patches: every change to a CV is a {@link dev.altocv.core.patch.Patch}, a list of RFC 6902 operations
 * (add, remove, replace, move, copy, test) with one extension to JSON Pointer: a segment {@code [id=X]}
 * selects the list item whose id is X, so {@code /work/[id=w2]/position} names the position of job w2
 * wherever it sits in the list. Items of text lists (bullets, keywords) are addressed by index; a
 * {@code test} operation on their text guards an edit against shifted or changed text.
 *
 * <p>Applying ({@link dev.altocv.core.AltoCv#apply}) is a pure function: the CV and the patch give a new CV
 * and the inverse patch, or a {@link dev.altocv.core.patch.PatchRejectedException} that names the failing
 * operation and leaves nothing changed.
 */
@NullMarked
package dev.altocv.core.patch;

import org.jspecify.annotations.NullMarked;
