/** The HTTP edge: one error shape, JSON reading, sessions and CSRF, security headers, request ids, rate limits, idempotency keys. Internal to the application. */
@NullMarked
package dev.altocv.server.web;

import org.jspecify.annotations.NullMarked;
