/**
 * Implementation details of altocv-core. <strong>Do not depend on anything in this package</strong>: it
 * changes without notice between releases, and it is not part of the documented API.
 */
@NullMarked
package dev.altocv.core.internal;

import org.jspecify.annotations.NullMarked;
