package io.testgen.gateway.runs;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionMetadata;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.SearchAttributes;
import java.time.Instant;

/**
 * What the gateway reads from a run's Temporal metadata (describe or a visibility row): owner,
 * target, stage and the client-facing state.
 */
record RunView(
    String workflowId,
    String owner,
    String targetUrl,
    String kind,
    String stage,
    String requestHash,
    WorkflowExecutionStatus executionStatus,
    Instant startedAt,
    Instant closedAt) {

  static RunView of(WorkflowExecutionMetadata metadata) {
    return new RunView(
        metadata.getExecution().getWorkflowId(),
        metadata.getTypedSearchAttributes().get(SearchAttributes.OWNER),
        RunMemo.read(metadata, RunMemo.TARGET_URL),
        RunMemo.read(metadata, RunMemo.KIND),
        metadata.getTypedSearchAttributes().get(SearchAttributes.STAGE),
        RunMemo.read(metadata, RunMemo.REQUEST_HASH),
        metadata.getStatus(),
        metadata.getStartTime(),
        metadata.getCloseTime());
  }

  boolean open() {
    return executionStatus == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        || executionStatus == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
  }

  /** Client-facing state from Temporal's status and the Stage search attribute. */
  RunState state() {
    return switch (executionStatus) {
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> RunState.COMPLETED;
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> RunState.CANCELLED;
      case WORKFLOW_EXECUTION_STATUS_FAILED,
          WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
          WORKFLOW_EXECUTION_STATUS_TERMINATED ->
          RunState.FAILED;
      default -> {
        if ("awaiting_review".equals(stage)) yield RunState.AWAITING_REVIEW;
        yield stage == null || stage.isBlank() ? RunState.PENDING : RunState.RUNNING;
      }
    };
  }

  RunSummary summary() {
    return new RunSummary(workflowId, state(), targetUrl, stage, kind, startedAt, closedAt);
  }
}
