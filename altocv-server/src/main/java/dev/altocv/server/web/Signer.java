package dev.altocv.server.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** HMAC-SHA256 signatures with the session secret (cookies, sign-in state, download links), and random tokens. */
public final class Signer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> mac;

  /**
   * @param secret the secret, at least 32 characters
   * @param purpose what the signatures are for: keys for different purposes differ, so a signature made for
   *     one purpose never verifies for another
   */
  public Signer(String secret, String purpose) {
    byte[] k = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), purpose);
    this.key = new SecretKeySpec(k, "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(key);
        return m;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Signs a value.
   *
   * @param value the value (must not contain {@code .} when used with {@link #seal})
   * @return the signature, base64url
   */
  public String sign(String value) {
    return B64.encodeToString(mac.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Whether a signature is right, compared in constant time.
   *
   * @param value the value
   * @param signature the signature
   * @return true when it matches
   */
  public boolean verify(String value, String signature) {
    return MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * {@code value.signature}.
   *
   * @param value the value, base64url or other text without dots
   * @return the sealed text
   */
  public String seal(String value) {
    return value + "." + sign(value);
  }

  /**
   * The value of a sealed text whose signature is right.
   *
   * @param sealed {@code value.signature}
   * @return the value, or null when the text is malformed or the signature wrong
   */
  public @Nullable String unseal(@Nullable String sealed) {
    if (sealed == null) {
      return null;
    }
    int dot = sealed.lastIndexOf('.');
    if (dot <= 0 || dot == sealed.length() - 1) {
      return null;
    }
    String value = sealed.substring(0, dot);
    return verify(value, sealed.substring(dot + 1)) ? value : null;
  }

  /**
   * A random token.
   *
   * @param bytes how many random bytes
   * @return base64url text
   */
  public static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }

  /**
   * SHA-256 of a text, base64url.
   *
   * @param text the text
   * @return the hash
   */
  public static String sha256(String text) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * SHA-256 of bytes, base64url.
   *
   * @param bytes the bytes
   * @return the hash
   */
  public static String sha256(byte[] bytes) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(SecretKeySpec k, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(k);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
