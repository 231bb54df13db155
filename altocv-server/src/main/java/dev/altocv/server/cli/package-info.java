/** The {@code altocv} subcommands. Exit codes: 0 success, 1 invalid input or rejected operation, 2 usage error
 * or unreadable file. */
@NullMarked
package dev.altocv.server.cli;

import org.jspecify.annotations.NullMarked;
