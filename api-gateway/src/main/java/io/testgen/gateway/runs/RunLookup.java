package io.testgen.gateway.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.gateway.errors.ConflictException;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.errors.NotFoundException;
import io.testgen.gateway.errors.UnavailableException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds runs and enforces ownership: a run belongs to the user in its {@code Owner} search
 * attribute, and anyone else is told it does not exist. Every reference a request makes to another
 * run (a path id, a baseline, a stage's input run) goes through here.
 */
@Component
public class RunLookup {
  private final WorkflowClient client;

  RunLookup(WorkflowClient client) {
    this.client = client;
  }

  /** The caller's run, or 404 NOT_FOUND (unknown id and other user's run look the same). */
  RunView owned(String owner, String workflowId) {
    if (!RunRequestValidator.validWorkflowId(workflowId)) throw NotFoundException.run(workflowId);
    RunView run = describe(workflowId).orElseThrow(() -> NotFoundException.run(workflowId));
    if (!owner.equals(run.owner())) throw NotFoundException.run(workflowId);
    return run;
  }

  /** Checks that {@code workflowId} is the caller's run; used by the stream endpoints. */
  public void requireOwned(String owner, String workflowId) {
    owned(owner, workflowId);
  }

  /**
   * A run a request body names ({@code field}): 400 BASELINE_NOT_FOUND when no such run exists, 404
   * NOT_FOUND when it is another user's (as for any other user's run).
   */
  RunView referenced(String owner, String workflowId, String field) {
    if (!RunRequestValidator.validWorkflowId(workflowId)) {
      throw InvalidRequestException.field(field, "not a workflow id");
    }
    RunView run =
        describe(workflowId)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "BASELINE_NOT_FOUND", "no run " + workflowId + " to build on", field));
    if (!owner.equals(run.owner())) throw NotFoundException.run(workflowId);
    return run;
  }

  /** For improve-tests: the baseline must be the caller's completed run. */
  RunView completedBaseline(String owner, String workflowId, String field) {
    RunView run = referenced(owner, workflowId, field);
    if (run.executionStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      throw new ConflictException(
          "BASELINE_NOT_COMPLETED",
          "baseline run is " + run.state().wireName() + "; only a completed run can be improved");
    }
    return run;
  }

  /** Closed-state check used by the stream when Redis is down. */
  public boolean isClosed(String workflowId) {
    return describe(workflowId).map(run -> !run.open()).orElse(false);
  }

  /** The run's metadata; empty when there is no TestGen run with that id. */
  Optional<RunView> describe(String workflowId) {
    try {
      var description =
          client
              .newUntypedWorkflowStub(
                  workflowId, Optional.empty(), Optional.of(TestGenerationWorkflow.TYPE))
              .describe();
      if (!TestGenerationWorkflow.TYPE.equals(description.getWorkflowType())) {
        return Optional.empty();
      }
      return Optional.of(RunView.of(description));
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw unavailableOr(e);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return Optional.empty();
      throw unavailableOr(e);
    } catch (IllegalArgumentException e) {
      // The SDK's first call fetches server capabilities within the call's deadline; while the
      // connection is still being made that deadline can already be spent ("invalid expiration
      // PT-0.199S"). The service is not ready yet: say so, never a 500.
      throw temporalUnavailable();
    }
  }

  static UnavailableException temporalUnavailable() {
    return new UnavailableException(
        "TEMPORAL_UNAVAILABLE", "the workflow service is unavailable; try again");
  }

  static RuntimeException unavailableOr(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc
          && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
              || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
        return temporalUnavailable();
      }
    }
    return e;
  }
}
