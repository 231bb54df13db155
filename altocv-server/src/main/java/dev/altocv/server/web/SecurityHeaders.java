package dev.altocv.server.web;

import io.javalin.http.Context;

/** Security headers on every response: CSP (no inline script or style), no framing, nosniff, HSTS under https. */
public final class SecurityHeaders {
  /** The Content-Security-Policy. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private final boolean https;

  /**
   * @param https whether the site is served over https
   */
  public SecurityHeaders(boolean https) {
    this.https = https;
  }

  /**
   * Adds the headers.
   *
   * @param ctx the request
   */
  public void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (https) {
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }
}
