/** AltoCV server: account. Internal to the application. */
@NullMarked
package dev.altocv.server.account;

import org.jspecify.annotations.NullMarked;
