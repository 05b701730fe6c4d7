package io.testgen.worker.workflow;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The human review of the requirements: waits for the approve or reject Update (or the timeout),
 * validates the Updates, and hands back the reviewer's edits, if any. Workflow code: its only
 * command is the durable timer of {@link Workflow#await(Duration, java.util.function.Supplier)}.
 */
final class ReviewGate {
  private int pendingCount;
  private boolean awaiting;
  private ReviewDecision approval;
  private RejectRequest rejection;

  /**
   * Blocks until a decision on the {@code scenarios} derived scenarios; returns the reviewer's
   * edited list, or null when they were approved as they are. Throws {@code ReviewTimedOut} or
   * {@code RequirementsRejected}.
   */
  List<Scenario> await(int scenarios, Duration timeout, RunNarrator narrator) {
    pendingCount = scenarios;
    awaiting = true;
    narrator.awaitingReview(scenarios, timeout);
    boolean decided = Workflow.await(timeout, () -> approval != null || rejection != null);
    awaiting = false;
    if (!decided) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Review timed out: nobody approved or rejected the requirements within " + timeout,
          FailureTypes.REVIEW_TIMED_OUT);
    }
    if (rejection != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Requirements rejected"
              + (rejection.reviewer() == null ? "" : " by " + rejection.reviewer())
              + (rejection.reason() == null ? "" : ": " + rejection.reason()),
          FailureTypes.REQUIREMENTS_REJECTED);
    }
    narrator.reviewed();
    return approval.scenarios();
  }

  ReviewOutcome approve(ReviewDecision decision) {
    approval = decision == null ? new ReviewDecision(null, null, null) : decision;
    int count = approval.scenarios() != null ? approval.scenarios().size() : pendingCount;
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "approved", count);
  }

  void validateApprove(ReviewDecision decision) {
    requireAwaiting();
    if (decision == null || decision.scenarios() == null) return;
    if (decision.scenarios().isEmpty()) {
      throw new IllegalArgumentException(
          "scenarios: an edited list must keep at least one scenario");
    }
    Set<String> ids = new HashSet<>();
    for (Scenario scenario : decision.scenarios()) {
      if (scenario == null || scenario.scenarioId() == null || scenario.scenarioId().isBlank()) {
        throw new IllegalArgumentException("scenarios: every scenario needs a scenario_id");
      }
      if (!ids.add(scenario.scenarioId())) {
        throw new IllegalArgumentException(
            "scenarios: duplicate scenario_id " + scenario.scenarioId());
      }
      if (scenario.title() == null || scenario.title().isBlank()) {
        throw new IllegalArgumentException(
            "scenarios: " + scenario.scenarioId() + " needs a title");
      }
    }
  }

  ReviewOutcome reject(RejectRequest request) {
    rejection = request == null ? new RejectRequest(null, null) : request;
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "rejected", 0);
  }

  void validateReject(RejectRequest request) {
    requireAwaiting();
  }

  private void requireAwaiting() {
    if (!awaiting || approval != null || rejection != null) {
      throw new IllegalStateException("the run is not awaiting review");
    }
  }
}
