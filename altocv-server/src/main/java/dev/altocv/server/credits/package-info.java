/** The credit ledger: charges, grants, refunds, administrators' adjustments and the PRO top-up. Internal to the application. */
@NullMarked
package dev.altocv.server.credits;

import org.jspecify.annotations.NullMarked;
