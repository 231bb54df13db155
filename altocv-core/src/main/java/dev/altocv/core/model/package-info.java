/**
 * The CV model: immutable records for the whole JSON Resume document plus AltoCV's own parts
 * ({@link dev.altocv.core.model.AltoCvData}: design settings and custom sections, stored under the top-level
 * {@code "altocv"} key).
 *
 * <p>Conventions, the same in every record:
 * <ul>
 *   <li>Component names are the JSON field names of JSON Resume 1.0.</li>
 *   <li>Text fields are nullable: {@code null} means the field is absent.</li>
 *   <li>Lists are never null (absent = empty) and are unmodifiable copies.</li>
 *   <li>Nested objects ({@code basics}, {@code location}, {@code meta}, design groups) are never null;
 *       absent = empty.</li>
 *   <li>Items of object lists carry an {@code id} (for example {@code w2}); a {@link dev.altocv.core.model.Cv}
 *       assigns the missing ones deterministically: the list's prefix and the smallest unused number.</li>
 *   <li>{@code extra} holds fields this model does not know, as plain Java values (String, Boolean, BigDecimal,
 *       Integer, Long, BigInteger, List, Map, or null), so a document read and written again keeps them.</li>
 * </ul>
 */
@NullMarked
package dev.altocv.core.model;

import org.jspecify.annotations.NullMarked;
