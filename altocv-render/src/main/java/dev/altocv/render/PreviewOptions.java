package dev.altocv.render;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Options of the live preview page.
 *
 * @param fontBaseUrl where the application serves the shipped fonts ({@link Render#fontFile(String)}), ending
 *     in {@code /}, for example {@code /render/fonts/}; null writes no {@code @font-face} rules (the browser
 *     then uses installed fonts of the same names or its defaults)
 * @param bridge whether to include the small script that applies design variables sent by the editor with
 *     {@code postMessage} and reports clicks on fields (see {@link Render#previewHtml(dev.altocv.core.model.Cv,
 *     PreviewOptions)})
 */
public record PreviewOptions(@Nullable String fontBaseUrl, boolean bridge) {

  private static final Pattern SAFE_URL = Pattern.compile("[A-Za-z0-9/._~:%@+-]{1,300}/");

  /** No font URLs, with the bridge. */
  public static final PreviewOptions DEFAULT = new PreviewOptions(null, true);

  /**
   * Checks the font URL.
   *
   * @throws IllegalArgumentException when the URL has characters that could break out of CSS or does not end
   *     in {@code /}
   */
  public PreviewOptions {
    if (fontBaseUrl != null && !SAFE_URL.matcher(fontBaseUrl).matches()) {
      throw new IllegalArgumentException("fontBaseUrl must be a plain URL path ending in '/', not '" + fontBaseUrl + "'");
    }
  }

  /**
   * A copy serving fonts from a URL prefix.
   *
   * @param url the prefix, ending in {@code /}
   * @return the copy
   */
  public PreviewOptions withFontBaseUrl(String url) {
    return new PreviewOptions(url, bridge);
  }

  /**
   * A copy with or without the bridge script.
   *
   * @param on whether to include it
   * @return the copy
   */
  public PreviewOptions withBridge(boolean on) {
    return new PreviewOptions(fontBaseUrl, on);
  }
}
