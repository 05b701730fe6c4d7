package io.testgen.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.workflow.FailureTypes;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one check that an agent refused its input: what every activity test of bad input asserts. */
public final class InvalidRequests {
  private InvalidRequests() {}

  /** {@code call} fails fast, non-retryable, as {@link FailureTypes#INVALID_REQUEST}, saying so. */
  public static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
              assertThat(f.getOriginalMessage()).isEqualTo(message);
            });
  }
}
