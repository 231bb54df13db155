/** Accounts, sessions and signing in (development and Google OpenID Connect). Internal to the application. */
@NullMarked
package dev.altocv.server.account;

import org.jspecify.annotations.NullMarked;
