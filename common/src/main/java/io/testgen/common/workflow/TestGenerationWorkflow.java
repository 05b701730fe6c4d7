package io.testgen.common.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One generation run: observe, derive requirements, (optionally wait for review), analyse, evolve.
 * Implemented in the worker; started by the gateway on {@link TaskQueues#PIPELINE}.
 */
@WorkflowInterface
public interface TestGenerationWorkflow {

  /** Workflow type name as it appears in the Temporal UI. */
  String TYPE = "TestGeneration";

  @WorkflowMethod(name = TYPE)
  GenerationResult generate(GenerationRequest request);

  /** Live status in the seed's shape. */
  @QueryMethod
  RunStatus status();

  /**
   * Approves the derived requirements, optionally replacing them with an edited list, and lets the
   * run continue. Only accepted while the run is awaiting review.
   */
  @UpdateMethod
  ReviewOutcome approve(ReviewDecision decision);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ReviewDecision decision);

  /** Rejects the derived requirements; the run ends failed with the reviewer's reason. */
  @UpdateMethod
  ReviewOutcome reject(RejectRequest request);

  @UpdateValidatorMethod(updateName = "reject")
  void validateReject(RejectRequest request);
}
