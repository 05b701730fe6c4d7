package io.testgen.common.workflow;

import java.util.List;

/**
 * The type names of the non-retryable {@code ApplicationFailure}s the worker throws, so the
 * workflow's retry policy, the gateway's error mapping and the tests name the same failure.
 */
public final class FailureTypes {
  private FailureTypes() {}

  /** The target URL is missing, malformed, not http(s), has no host or carries credentials. */
  public static final String INVALID_TARGET = "InvalidTarget";

  /** The target's host does not resolve or its start page cannot be loaded. */
  public static final String TARGET_UNREACHABLE = "TargetUnreachable";

  /** The target is outside {@code TESTGEN_ALLOWED_TARGETS} (or a blocked address). */
  public static final String TARGET_NOT_ALLOWED = "TargetNotAllowed";

  /** The request (or an agent's input) breaks a rule other than the target's. */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /** Nobody approved or rejected the requirements within the review timeout. */
  public static final String REVIEW_TIMED_OUT = "ReviewTimedOut";

  /** A reviewer rejected the requirements. */
  public static final String REQUIREMENTS_REJECTED = "RequirementsRejected";

  /** The instruction's goal was required and the crawl did not reach it. */
  public static final String GOAL_NOT_REACHED = "GoalNotReached";

  /** The review update's validator refused the edited scenarios. */
  public static final String INVALID_SCENARIOS = "InvalidScenarios";

  /**
   * A referenced result is missing from the artifact store or its bytes do not hash to its
   * reference; thrown non-retryable (a retry reads the same bytes).
   */
  public static final String ARTIFACT_CORRUPT = "ArtifactCorrupt";

  /** Failures an agent's retry cannot fix: its activity options list them as do-not-retry. */
  public static final List<String> NON_RETRYABLE =
      List.of(INVALID_TARGET, TARGET_UNREACHABLE, INVALID_REQUEST, TARGET_NOT_ALLOWED);
}
