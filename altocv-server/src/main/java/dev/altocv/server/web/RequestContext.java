package dev.altocv.server.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Per-request facts: the request id (in logs and the X-Request-Id header) and the client's address. */
public final class RequestContext {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String ID = "altocv.requestId";

  private final int trustedProxies;

  /**
   * @param trustedProxies how many proxies in front append X-Forwarded-For; 0 trusts no forwarded header
   */
  public RequestContext(int trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * Starts a request: assigns its id (a proxy's X-Request-Id is kept when proxies are trusted).
   *
   * @param ctx the request
   */
  public void begin(Context ctx) {
    String incoming = ctx.header("X-Request-Id");
    String id = trustedProxies > 0 && incoming != null && SAFE_ID.matcher(incoming).matches()
        ? incoming : Signer.randomToken(9);
    ctx.attribute(ID, id);
    ctx.header("X-Request-Id", id);
    MDC.put("requestId", id);
  }

  /**
   * Ends a request (clears the logging context of the thread).
   *
   * @param ctx the request
   */
  public void end(Context ctx) {
    MDC.remove("requestId");
    MDC.remove("userId");
  }

  /**
   * The request's id.
   *
   * @param ctx the request
   * @return the id, or "-" before one was assigned
   */
  public static String requestId(Context ctx) {
    String id = ctx.attribute(ID);
    return id == null ? "-" : id;
  }

  /**
   * The client's address: the connection's peer, or with trusted proxies the address the outermost trusted
   * proxy saw (counted from the right of X-Forwarded-For, so a client cannot forge it).
   *
   * @param ctx the request
   * @return the address
   */
  public String clientIp(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (trustedProxies == 0) {
      return peer;
    }
    String xff = ctx.header("X-Forwarded-For");
    if (xff == null || xff.isBlank()) {
      return peer;
    }
    String[] hops = xff.split(",");
    int index = hops.length - trustedProxies;
    return hops[Math.max(index, 0)].trim();
  }

  /**
   * The route template that matched (never the raw path, which carries ids), for metrics, logs and keys.
   *
   * @param ctx the request
   * @return for example {@code /api/v1/cvs/{id}}, or {@code unmatched}
   */
  public static String route(Context ctx) {
    try {
      io.javalin.router.Endpoint e = ctx.endpoints().matchedHttpEndpoint();
      return e == null ? "unmatched" : e.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
