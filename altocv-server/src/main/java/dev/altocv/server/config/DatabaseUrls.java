package dev.altocv.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Database URLs in the two forms people have: {@code postgres://user:pass@host:port/db} and JDBC. */
public final class DatabaseUrls {
  private DatabaseUrls() {}

  /**
   * Converts a database URL to JDBC form.
   *
   * @param url {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://}
   * @return the JDBC URL, with user and password as parameters
   * @throws SettingsException naming DATABASE_URL when it is neither
   */
  public static String toJdbc(String url) {
    if (url.startsWith("jdbc:postgresql://")) {
      return url;
    }
    if (!(url.startsWith("postgres://") || url.startsWith("postgresql://"))) {
      throw new SettingsException("DATABASE_URL",
          "must be postgres://user:password@host:port/database or jdbc:postgresql://..., not '" + redact(url) + "'");
    }
    try {
      URI u = new URI(url);
      if (u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
        throw new SettingsException("DATABASE_URL", "needs a host and a database name: '" + redact(url) + "'");
      }
      StringBuilder b = new StringBuilder("jdbc:postgresql://").append(u.getHost());
      if (u.getPort() > 0) {
        b.append(':').append(u.getPort());
      }
      b.append(u.getRawPath());
      String sep = "?";
      if (u.getRawQuery() != null) {
        b.append('?').append(u.getRawQuery());
        sep = "&";
      }
      String info = u.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
        b.append(sep).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
        if (colon >= 0) {
          String pass = URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
          b.append("&password=").append(URLEncoder.encode(pass, StandardCharsets.UTF_8));
        }
      }
      return b.toString();
    } catch (URISyntaxException e) {
      throw new SettingsException("DATABASE_URL", "is not a valid URL: " + e.getReason());
    }
  }

  /**
   * The URL with any password replaced by {@code ***}, for logs and messages.
   *
   * @param url a database URL
   * @return the URL without its password
   */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(://[^:/@]+:)[^@]*@", "$1***@");
  }
}
