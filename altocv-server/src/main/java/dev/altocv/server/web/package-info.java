/** AltoCV server: web. Internal to the application. */
@NullMarked
package dev.altocv.server.web;

import org.jspecify.annotations.NullMarked;
