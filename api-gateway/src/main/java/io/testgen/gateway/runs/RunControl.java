package io.testgen.gateway.runs;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.gateway.errors.ConflictException;
import io.testgen.gateway.errors.InvalidRequestException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Changes to a running run: cancellation, and the review gate's approve and reject Updates (the
 * workflow's validators decide; their refusals become 400 or 409).
 */
@Service
class RunControl {
  private static final Logger log = LoggerFactory.getLogger(RunControl.class);

  private final WorkflowClient client;
  private final RunLookup lookup;

  RunControl(WorkflowClient client, RunLookup lookup) {
    this.client = client;
    this.lookup = lookup;
  }

  /** Requests cancellation; 409 ALREADY_CLOSED for a closed run. */
  CancelAccepted cancel(String owner, String workflowId) {
    RunView run = lookup.owned(owner, workflowId);
    if (!run.open()) {
      throw new ConflictException("ALREADY_CLOSED", "the run is already " + run.state().wireName());
    }
    client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).cancel();
    log.info("event=run_cancel_requested workflow_id={} owner={}", workflowId, owner);
    return new CancelAccepted(workflowId, "cancelling");
  }

  /** Approves the run's requirements (optionally edited) through the workflow's Update. */
  ReviewOutcome approve(String owner, String workflowId, ApproveBody body) {
    RunView run = requireReviewable(owner, workflowId);
    ReviewDecision decision =
        new ReviewDecision(
            body == null ? null : body.scenarios(), owner, body == null ? null : body.comment());
    try {
      return client
          .newWorkflowStub(TestGenerationWorkflow.class, run.workflowId())
          .approve(decision);
    } catch (WorkflowUpdateException e) {
      throw reviewRefusal(e);
    }
  }

  /** Rejects the run's requirements; the workflow ends failed with the reason. */
  ReviewOutcome reject(String owner, String workflowId, RejectBody body) {
    RunView run = requireReviewable(owner, workflowId);
    RejectRequest request = new RejectRequest(owner, body == null ? null : body.reason());
    try {
      return client.newWorkflowStub(TestGenerationWorkflow.class, run.workflowId()).reject(request);
    } catch (WorkflowUpdateException e) {
      throw reviewRefusal(e);
    }
  }

  private RunView requireReviewable(String owner, String workflowId) {
    RunView run = lookup.owned(owner, workflowId);
    if (!run.open()) {
      throw new ConflictException(
          "NOT_AWAITING_REVIEW", "the run is " + run.state().wireName() + ", not awaiting review");
    }
    return run;
  }

  /**
   * The validator's refusal: an {@code IllegalArgumentException} or failure type {@code
   * InvalidScenarios} is the client's edit (400 INVALID_SCENARIOS); anything else means the run is
   * not waiting for a review (409 NOT_AWAITING_REVIEW).
   */
  private static RuntimeException reviewRefusal(WorkflowUpdateException e) {
    Throwable cause = e.getCause();
    String type = cause instanceof ApplicationFailure app ? app.getType() : "";
    String message =
        cause instanceof ApplicationFailure app ? app.getOriginalMessage() : "update refused";
    if (type != null
        && (type.endsWith("IllegalArgumentException") || type.equals("InvalidScenarios"))) {
      return new InvalidRequestException("INVALID_SCENARIOS", message, "scenarios");
    }
    return new ConflictException("NOT_AWAITING_REVIEW", message);
  }
}
