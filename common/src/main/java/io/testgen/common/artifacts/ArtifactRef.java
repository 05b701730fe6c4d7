package io.testgen.common.artifacts;

import java.util.regex.Pattern;

/**
 * A content-addressed reference to one stored artifact: what Temporal carries instead of a large
 * result. The content is found at {@link ArtifactPaths#object(String)} and checked against both
 * fields when read ({@link ContentAddressedStore#get}).
 *
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 * @param sizeBytes length of the stored bytes
 */
public record ArtifactRef(String sha256, long sizeBytes) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ArtifactRef {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
    }
    if (sizeBytes < 0) throw new IllegalArgumentException("size_bytes must not be negative");
  }
}
