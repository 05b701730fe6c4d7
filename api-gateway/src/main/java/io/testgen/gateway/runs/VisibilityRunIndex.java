package io.testgen.gateway.runs;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.gateway.config.TemporalProperties;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.security.ActiveRuns;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs listed from Temporal visibility: {@code WorkflowType = 'TestGeneration' AND Owner = '...'},
 * in visibility's order (open runs first, then by close time, newest first). Any gateway instance
 * sees every run. Pending and running are both Temporal's Running, so filtering by them happens
 * after the query and a page may hold fewer rows than asked.
 */
@Component
@ConditionalOnProperty(
    name = "testgen.runs.index",
    havingValue = "visibility",
    matchIfMissing = true)
class VisibilityRunIndex implements RunIndex {
  private final WorkflowClient client;
  private final WorkflowServiceStubs stubs;
  private final String namespace;

  VisibilityRunIndex(WorkflowClient client, WorkflowServiceStubs stubs, TemporalProperties props) {
    this.client = client;
    this.stubs = stubs;
    this.namespace = props.namespace();
  }

  @Override
  public void recordStart(String owner, String workflowId, Instant startedAt) {}

  @Override
  public ActiveRuns activeRuns(String owner, Collection<String> reserved) {
    List<String> asked = reserved.stream().filter(RunRequestValidator::validWorkflowId).toList();
    if (asked.isEmpty()) {
      long active =
          client.countWorkflows(ownerQuery(owner) + " AND ExecutionStatus = 'Running'").getCount();
      return new ActiveRuns(active, Set.of());
    }
    // One query for both, so a reserved run is seen exactly when it is counted (or closed).
    String query =
        ownerQuery(owner)
            + " AND (ExecutionStatus = 'Running' OR WorkflowId IN ("
            + asked.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "))
            + "))";
    long active = 0;
    Set<String> seen = new HashSet<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page =
          stubs
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setPageSize(1000)
                      .setQuery(query)
                      .setNextPageToken(token)
                      .build());
      for (WorkflowExecutionInfo info : page.getExecutionsList()) {
        if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) active++;
        seen.add(info.getExecution().getWorkflowId());
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    seen.retainAll(asked);
    return new ActiveRuns(active, seen);
  }

  @Override
  public RunPage list(String owner, RunState status, int pageSize, String pageToken) {
    ListWorkflowExecutionsRequest.Builder request =
        ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace(namespace)
            .setPageSize(pageSize)
            .setQuery(ownerQuery(owner) + statusClause(status));
    if (pageToken != null && !pageToken.isBlank()) {
      try {
        request.setNextPageToken(ByteString.copyFrom(Base64.getUrlDecoder().decode(pageToken)));
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.field("next_page_token", "invalid page token");
      }
    }
    ListWorkflowExecutionsResponse response;
    try {
      response = stubs.blockingStub().listWorkflowExecutions(request.build());
    } catch (StatusRuntimeException e) {
      // A token visibility did not issue (well-formed base64, garbage inside): the dev server
      // answers UNKNOWN, others INVALID_ARGUMENT.
      Status.Code code = e.getStatus().getCode();
      if (!request.getNextPageToken().isEmpty()
          && (code == Status.Code.INVALID_ARGUMENT
              || code == Status.Code.UNKNOWN
              || code == Status.Code.INTERNAL)) {
        throw InvalidRequestException.field("next_page_token", "invalid page token");
      }
      throw e;
    }
    List<RunSummary> runs =
        response.getExecutionsList().stream()
            .map(
                info ->
                    RunView.of(
                        new WorkflowExecutionMetadata(
                            info, client.getOptions().getDataConverter())))
            .map(RunView::summary)
            .filter(run -> status == null || run.status() == status)
            .toList();
    String next =
        response.getNextPageToken().isEmpty()
            ? null
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(response.getNextPageToken().toByteArray());
    return new RunPage(runs, next);
  }

  private static String ownerQuery(String owner) {
    // Owner names are restricted to [A-Za-z0-9._@-] when keys are loaded: no quoting issues.
    return "WorkflowType = '" + TestGenerationWorkflow.TYPE + "' AND Owner = '" + owner + "'";
  }

  private static String statusClause(RunState status) {
    if (status == null) return "";
    return switch (status) {
      case PENDING, RUNNING -> " AND ExecutionStatus = 'Running'";
      case AWAITING_REVIEW -> " AND ExecutionStatus = 'Running' AND Stage = 'awaiting_review'";
      case COMPLETED -> " AND ExecutionStatus = 'Completed'";
      case CANCELLED -> " AND ExecutionStatus = 'Canceled'";
      case FAILED ->
          " AND (ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut'"
              + " OR ExecutionStatus = 'Terminated')";
    };
  }
}
