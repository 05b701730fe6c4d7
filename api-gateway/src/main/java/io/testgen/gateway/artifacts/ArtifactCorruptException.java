package io.testgen.gateway.artifacts;

import io.testgen.gateway.errors.GatewayException;
import org.springframework.http.HttpStatus;

/**
 * 500 {@code ARTIFACT_CORRUPT}: a stored result the run references is missing from the artifact
 * store or no longer matches its hash. Retrying does not help; the details are in the log.
 */
public class ArtifactCorruptException extends GatewayException {
  public ArtifactCorruptException() {
    super(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "ARTIFACT_CORRUPT",
        "the run's stored results are missing or do not match their references",
        null);
  }
}
