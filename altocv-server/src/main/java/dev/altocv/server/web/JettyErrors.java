package dev.altocv.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Errors Jetty answers itself, before a request reaches the application (a path with an encoded NUL or an
 * ambiguous encoding, headers too large): the same JSON error shape as every other error, not Jetty's HTML page.
 */
public final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int status, @Nullable String message,
      @Nullable Throwable cause, Callback callback) {
    String reason = message == null || message.isBlank() ? "" : " (" + message + ")";
    String text = status >= 500 ? "something went wrong on our side" + reason
        : "the request could not be read" + reason + ": check its address, headers and body";
    byte[] body = ErrorHandling.json(new ApiException(status, ErrorHandling.codeFor(status), text, Map.of()))
        .getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    // Jetty does not read on after a request it refused: say so, or a client would send its next request on a
    // connection about to close
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
