package io.testgen.worker.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names states by what the user sees: a hash of the visible DOM structure (tags, roles, input
 * types; repeated siblings collapsed), never of text or URL, so {@code /items/1} and {@code
 * /items/2} share one template. Ids derive from the hash, so the same site yields the same ids run
 * after run.
 */
final class StateFingerprint {
  private StateFingerprint() {}

  static String of(String structure) {
    return sha256(structure == null ? "" : structure);
  }

  /**
   * The fingerprint of a page loaded by URL: an error page the app answered with HTTP 4xx/5xx is
   * another state than a page of the same layout that answered 200 (a "not found" page in the
   * site's frame is not the help page it resembles), and each error status is its own.
   */
  static String of(String structure, Integer status) {
    if (status == null || status < 400) return of(structure);
    return of((structure == null ? "" : structure) + "\n@http-status " + status);
  }

  /** {@code S-} and the first 8 hex digits of the fingerprint. */
  static String stateId(String fingerprint) {
    return "S-" + fingerprint.substring(0, 8);
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
