package io.testgen.worker.workflow;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** What a run's error says: the innermost failure's own message, not Temporal's wrapping. */
final class FailureMessages {
  private FailureMessages() {}

  /** The innermost failure message: what actually went wrong, not the wrapping. */
  static String describe(TemporalFailure failure) {
    Throwable cause = failure;
    String message = failure.getMessage();
    while (cause != null) {
      if (cause instanceof ApplicationFailure app) {
        message = app.getOriginalMessage();
      } else if (cause instanceof TemporalFailure temporal && !(cause instanceof ActivityFailure)) {
        message = temporal.getOriginalMessage();
      }
      cause = cause.getCause();
    }
    return message;
  }
}
