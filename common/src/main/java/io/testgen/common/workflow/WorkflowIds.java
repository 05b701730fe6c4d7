package io.testgen.common.workflow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Workflow ids that name the target host, so the Temporal UI list reads well. */
public final class WorkflowIds {
  private WorkflowIds() {}

  /** A fresh id such as {@code testgen-shop.example.com-3f9a1c2b7d4e}. */
  public static String fresh(String url) {
    return "testgen-"
        + hostSlug(url)
        + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /**
   * A deterministic id for an idempotent start: the same user and Idempotency-Key always give the
   * same id, on any gateway instance.
   */
  public static String idempotent(String url, String owner, String idempotencyKey) {
    return "testgen-"
        + hostSlug(url)
        + "-"
        + sha256(owner + "\n" + idempotencyKey).substring(0, 16);
  }

  /** Host of a URL, lower-case, or {@code unknown}. */
  public static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }

  private static String hostSlug(String url) {
    return host(url).replaceAll("[^a-z0-9.-]", "-");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
