package io.testgen.worker.observation;

/**
 * The target as a whole cannot be crawled: no page of it showed a state (every page failed). The
 * activity turns it into a non-retryable {@code TargetUnusable} failure.
 */
public final class TargetUnusableException extends RuntimeException {
  public TargetUnusableException(String message) {
    super(message);
  }
}
