package io.testgen.gateway.errors;

import org.springframework.http.HttpStatus;

/**
 * 404. {@code NOT_FOUND} for unknown runs and for other users' runs alike (so ids cannot be
 * probed); {@code NOT_READY} for results that do not exist yet.
 */
public class NotFoundException extends GatewayException {
  public NotFoundException(String code, String message) {
    super(HttpStatus.NOT_FOUND, code, message, null);
  }

  public static NotFoundException run(String workflowId) {
    return new NotFoundException("NOT_FOUND", "no run " + workflowId);
  }

  public static NotFoundException notReady(String message) {
    return new NotFoundException("NOT_READY", message);
  }
}
