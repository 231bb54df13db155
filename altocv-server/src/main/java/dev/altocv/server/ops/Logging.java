package dev.altocv.server.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** Switches logging from the command line's quiet stderr output to the server's JSON (or text) lines on stdout. */
public final class Logging {
  private Logging() {}

  /**
   * Configures logging for the server.
   *
   * @param format {@code json} or {@code text}
   */
  public static void configureServer(String format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL config = Logging.class.getResource("/logback-server-" + format + ".xml");
    if (config == null) {
      throw new IllegalStateException("logging configuration for " + format + " is missing");
    }
    context.reset();
    JoranConfigurator c = new JoranConfigurator();
    c.setContext(context);
    try {
      c.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("could not configure logging", e);
    }
  }
}
