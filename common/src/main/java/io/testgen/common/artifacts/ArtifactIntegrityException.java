package io.testgen.common.artifacts;

/** A referenced artifact is missing or its bytes do not hash to its reference. */
public final class ArtifactIntegrityException extends RuntimeException {
  public ArtifactIntegrityException(String message) {
    super(message);
  }

  public ArtifactIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
