package dev.altocv.server.credits;

import dev.altocv.server.config.Prices;
import dev.altocv.server.web.ApiException;
import dev.altocv.server.web.Auth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/credits}: the balance, the prices and the ledger (newest first, paged). */
public final class CreditRoutes {
  private final CreditService credits;
  private final Auth auth;

  /**
   * @param credits the ledger
   * @param auth sessions
   */
  public CreditRoutes(CreditService credits, Auth auth) {
    this.credits = credits;
    this.auth = auth;
  }

  /**
   * Registers the routes.
   *
   * @param r the routes
   */
  public void register(RoutesConfig r) {
    r.get("/api/v1/credits", this::get);
  }

  private void get(Context ctx) {
    UUID user = auth.userId(ctx);
    int limit = intParam(ctx, "limit", 50, 1, 500);
    long before = ctx.queryParam("before") == null ? Long.MAX_VALUE : intParam(ctx, "before", 0, 1, Integer.MAX_VALUE);
    List<LedgerEntry> rows = credits.ledger(user, limit, before);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("balance", credits.balance(user));
    out.put("prices", prices(credits.prices()));
    out.put("ledger", rows);
    if (rows.size() == limit) {
      out.put("next", "/api/v1/credits?limit=" + limit + "&before=" + rows.get(rows.size() - 1).id());
    }
    ctx.json(out);
  }

  /**
   * The price list on the wire.
   *
   * @param p the prices
   * @return name to credits
   */
  public static Map<String, Integer> prices(Prices p) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("createCv", p.createCv());
    m.put("chatMessage", p.chatMessage());
    m.put("atsAnalysis", p.atsAnalysis());
    m.put("atsFix", p.atsFix());
    m.put("export", p.export());
    m.put("import", p.importFile());
    m.put("tailor", p.tailor());
    return m;
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.validation("query parameter '" + name + "' must be a number from " + min + " to " + max);
    }
  }
}
