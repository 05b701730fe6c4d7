package io.testgen.gateway.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.common.workflow.WorkflowIds;
import io.testgen.gateway.config.PayloadEncryption;
import io.testgen.gateway.config.RunsProperties;
import io.testgen.gateway.config.TemporalProperties;
import io.testgen.gateway.errors.ConflictException;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.errors.NotFoundException;
import io.testgen.gateway.errors.UnavailableException;
import io.testgen.gateway.security.RunQuota;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Every Temporal call of the gateway: starting runs (ids, options, idempotency, quota), reading
 * status and results, cancelling, the review Updates, and ownership — a run belongs to the user in
 * its {@code Owner} search attribute, and anyone else is told it does not exist.
 */
@Service
public class RunService {
  static final String MEMO_OWNER = "owner";
  static final String MEMO_TARGET_URL = "target_url";
  static final String MEMO_KIND = "kind";
  static final String MEMO_SOURCE = "source_workflow_id";

  private static final Logger log = LoggerFactory.getLogger(RunService.class);

  private final WorkflowClient client;
  private final TemporalProperties temporal;
  private final RunIndex index;
  private final RunQuota quota;
  private final Path artifactsRoot;
  private final boolean encryptionConfigured;

  public RunService(
      WorkflowClient client,
      TemporalProperties temporal,
      RunsProperties runs,
      RunIndex index,
      RunQuota quota,
      PayloadEncryption payloadEncryption) {
    this.client = client;
    this.temporal = temporal;
    this.index = index;
    this.quota = quota;
    this.artifactsRoot = Path.of(runs.artifactsDir()).toAbsolutePath().normalize();
    this.encryptionConfigured = payloadEncryption.enabled();
  }

  /**
   * Starts a run for {@code owner}. With an idempotency key the workflow id is derived from owner
   * and key, and a repeat returns the existing run (running or closed) instead of a second one.
   *
   * @param kind which endpoint started it (generate, improve, observation ...), kept in the memo
   */
  public RunAccepted start(
      String owner,
      GenerationRequest request,
      String kind,
      Map<String, String> extraMemo,
      String idempotencyKey) {
    if ((request.loginCredentials() != null || request.httpCredentials() != null)
        && !encryptionConfigured) {
      // Credentials would otherwise sit in Temporal's history in plain text.
      throw new InvalidRequestException(
          "ENCRYPTION_NOT_CONFIGURED",
          "credentials need payload encryption; the operator must set TESTGEN_PAYLOAD_KEYS",
          request.loginCredentials() != null ? "login_credentials" : "http_credentials");
    }
    String workflowId =
        idempotencyKey == null
            ? WorkflowIds.fresh(request.url())
            : WorkflowIds.idempotent(request.url(), owner, idempotencyKey);
    if (idempotencyKey != null) {
      Optional<RunAccepted> existing = existingFor(owner, workflowId);
      if (existing.isPresent()) return existing.get();
    }
    quota.reserve(owner, workflowId);

    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(MEMO_OWNER, owner);
    memo.put(MEMO_TARGET_URL, request.url());
    memo.put(MEMO_KIND, kind);
    memo.putAll(extraMemo);
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(temporal.taskQueue())
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(
                idempotencyKey == null
                    ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE
                    : WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(
                io.temporal.common.SearchAttributes.newBuilder()
                    .set(SearchAttributes.OWNER, owner)
                    .set(SearchAttributes.TARGET_HOST, WorkflowIds.host(request.url()))
                    .build())
            .setMemo(memo)
            .setStaticSummary(summary(request, kind))
            .build();
    GenerationRequest owned = request.withOwner(owner);
    boolean started = false;
    try {
      client.newUntypedWorkflowStub(TestGenerationWorkflow.TYPE, options).start(owned);
      started = true;
    } catch (WorkflowExecutionAlreadyStarted closedDuplicate) {
      // Reuse policy refused a second run under the same idempotent id: answer the first.
      return existingFor(owner, workflowId).orElseThrow(() -> NotFoundException.run(workflowId));
    } finally {
      // A started run keeps its reservation until the index shows it (or it expires).
      if (!started) quota.release(owner, workflowId);
    }
    index.recordStart(owner, workflowId, Instant.now());
    log.info(
        "event=run_started workflow_id={} owner={} kind={} host={} idempotent={}",
        workflowId,
        owner,
        kind,
        WorkflowIds.host(request.url()),
        idempotencyKey != null);
    return RunAccepted.of(workflowId, RunState.PENDING);
  }

  private Optional<RunAccepted> existingFor(String owner, String workflowId) {
    Optional<RunView> existing = tryDescribe(workflowId);
    if (existing.isEmpty()) return Optional.empty();
    if (!owner.equals(existing.get().owner())) {
      throw new ConflictException(
          "IDEMPOTENCY_KEY_CONFLICT", "this Idempotency-Key cannot be used; choose another");
    }
    return Optional.of(RunAccepted.of(workflowId, existing.get().state()));
  }

  private static String summary(GenerationRequest request, String kind) {
    return request.url()
        + " ("
        + kind
        + ", max_depth="
        + request.effectiveMaxDepth()
        + ", max_pages="
        + request.effectiveMaxPages()
        + ", max_scenarios="
        + request.effectiveMaxScenarios()
        + (request.reviewRequired() ? ", review" : "")
        + (request.loginCredentials() != null ? ", login" : "")
        + ")";
  }

  /** The caller's run, or 404 NOT_FOUND (unknown id and other user's run look the same). */
  RunView ownedRun(String owner, String workflowId) {
    if (!RunRequestValidator.validWorkflowId(workflowId)) throw NotFoundException.run(workflowId);
    RunView run = tryDescribe(workflowId).orElseThrow(() -> NotFoundException.run(workflowId));
    if (!owner.equals(run.owner())) throw NotFoundException.run(workflowId);
    return run;
  }

  /** Checks that {@code workflowId} is the caller's run; used by the stream endpoint. */
  public void requireOwned(String owner, String workflowId) {
    ownedRun(owner, workflowId);
  }

  private Optional<RunView> tryDescribe(String workflowId) {
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
    }
  }

  private static RuntimeException unavailableOr(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc
          && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
              || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
        return new UnavailableException(
            "TEMPORAL_UNAVAILABLE", "the workflow service is unavailable; try again");
      }
    }
    return e;
  }

  /**
   * Status in the seed's shape: live from the workflow's query; when no worker answers (or the run
   * is closed and cannot be replayed) from describe, with the close state and failure reason.
   */
  public RunStatus status(String owner, String workflowId) {
    RunView run = ownedRun(owner, workflowId);
    RunStatus live = queryStatus(workflowId).orElse(null);
    if (run.open()) {
      if (live != null) return withIdentity(live, run);
      return describedStatus(run, run.state(), null, null);
    }
    RunState state = run.state();
    String error = state == RunState.FAILED ? failureReason(workflowId) : null;
    if (state == RunState.CANCELLED) error = "cancelled";
    if (live != null) {
      return new RunStatus(
          workflowId,
          state,
          state == RunState.COMPLETED ? null : live.currentAgent(),
          live.progress(),
          state == RunState.COMPLETED ? 1.0 : live.totalProgress(),
          live.startedAt() != null ? live.startedAt() : run.startedAt(),
          run.closedAt(),
          error,
          run.targetUrl(),
          run.owner());
    }
    return describedStatus(run, state, error, state == RunState.COMPLETED ? 1.0 : null);
  }

  private Optional<RunStatus> queryStatus(String workflowId) {
    try {
      return Optional.ofNullable(
          client.newWorkflowStub(TestGenerationWorkflow.class, workflowId).status());
    } catch (RuntimeException e) {
      // No worker polling, a query timeout, or a replay problem: describe is enough.
      log.info(
          "event=status_query_fallback workflow_id={} error={}",
          workflowId,
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static RunStatus withIdentity(RunStatus live, RunView run) {
    return new RunStatus(
        run.workflowId(),
        live.status() == null ? run.state() : live.status(),
        live.currentAgent(),
        live.progress(),
        live.totalProgress(),
        live.startedAt() != null ? live.startedAt() : run.startedAt(),
        live.completedAt(),
        live.error(),
        live.targetUrl() != null ? live.targetUrl() : run.targetUrl(),
        run.owner());
  }

  private static RunStatus describedStatus(
      RunView run, RunState state, String error, Double total) {
    Map<String, AgentProgress> progress = new LinkedHashMap<>();
    for (Agent agent : Agent.values()) {
      progress.put(
          agent.wireName(),
          state == RunState.COMPLETED
              ? new AgentProgress(AgentState.COMPLETED, 1.0, null, null, null, null, Map.of())
              : AgentProgress.pending());
    }
    String current = null;
    if (run.stage() != null) {
      try {
        current = Agent.fromWire(run.stage()).wireName();
      } catch (IllegalArgumentException notAnAgent) {
        current = null;
      }
    }
    return new RunStatus(
        run.workflowId(),
        state,
        state.terminal() ? null : current,
        progress,
        total != null ? total : 0.0,
        run.startedAt(),
        run.closedAt(),
        error,
        run.targetUrl(),
        run.owner());
  }

  /** The result of a completed run; 404 NOT_READY before, 409 RUN_FAILED / RUN_CANCELLED. */
  public GenerationResult results(String owner, String workflowId) {
    RunView run = ownedRun(owner, workflowId);
    return switch (run.state()) {
      case COMPLETED -> result(workflowId);
      case FAILED -> throw new ConflictException("RUN_FAILED", failureReason(workflowId));
      case CANCELLED -> throw new ConflictException("RUN_CANCELLED", "the run was cancelled");
      default -> throw NotFoundException.notReady("the run has not finished yet");
    };
  }

  private GenerationResult result(String workflowId) {
    try {
      return client
          .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .getResult(10, TimeUnit.SECONDS, GenerationResult.class);
    } catch (TimeoutException e) {
      throw NotFoundException.notReady("the run's result is not available yet");
    }
  }

  /** Why a closed run failed, in words safe to show. */
  String failureReason(String workflowId) {
    try {
      client
          .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
          .getResult(10, TimeUnit.SECONDS, GenerationResult.class);
      return null;
    } catch (WorkflowFailedException e) {
      return reason(e.getCause());
    } catch (TimeoutException | WorkflowException e) {
      return "the run failed";
    }
  }

  private static String reason(Throwable cause) {
    if (cause instanceof ApplicationFailure app) return app.getOriginalMessage();
    if (cause instanceof TimeoutFailure) return "the run timed out";
    if (cause instanceof TerminatedFailure) return "the run was terminated";
    if (cause instanceof CanceledFailure) return "the run was cancelled";
    if (cause instanceof TemporalFailure failure) return failure.getOriginalMessage();
    return "the run failed";
  }

  /** Where a completed run's rendered suite zip is; 404 NOT_READY when it is not there. */
  public Path suite(String owner, String workflowId, String format) {
    GenerationResult result = results(owner, workflowId);
    String relative =
        result.evolutionResult() != null && result.evolutionResult().suites() != null
            ? result.evolutionResult().suites().get(format)
            : null;
    if (relative == null) relative = ArtifactPaths.suiteZip(workflowId, format);
    Path file = artifactsRoot.resolve(relative).normalize();
    if (!file.startsWith(artifactsRoot) || !Files.isRegularFile(file)) {
      throw NotFoundException.notReady("no " + format + " suite was rendered for this run");
    }
    return file;
  }

  /** Requests cancellation; 409 ALREADY_CLOSED for a closed run. */
  public CancelAccepted cancel(String owner, String workflowId) {
    RunView run = ownedRun(owner, workflowId);
    if (!run.open()) {
      throw new ConflictException("ALREADY_CLOSED", "the run is already " + run.state().wireName());
    }
    client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).cancel();
    log.info("event=run_cancel_requested workflow_id={} owner={}", workflowId, owner);
    return new CancelAccepted(workflowId, "cancelling");
  }

  /** Approves the run's requirements (optionally edited) through the workflow's Update. */
  public ReviewOutcome approve(String owner, String workflowId, ApproveBody body) {
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
  public ReviewOutcome reject(String owner, String workflowId, RejectBody body) {
    RunView run = requireReviewable(owner, workflowId);
    RejectRequest request = new RejectRequest(owner, body == null ? null : body.reason());
    try {
      return client.newWorkflowStub(TestGenerationWorkflow.class, run.workflowId()).reject(request);
    } catch (WorkflowUpdateException e) {
      throw reviewRefusal(e);
    }
  }

  private RunView requireReviewable(String owner, String workflowId) {
    RunView run = ownedRun(owner, workflowId);
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

  /**
   * For a closed run, the terminal event its stream should end with (for streams that expired or
   * lost it); empty while the run is open or unknown.
   */
  public Optional<ProgressEvent> terminalEvent(String workflowId) {
    Optional<RunView> run = tryDescribe(workflowId);
    if (run.isEmpty() || run.get().open()) return Optional.empty();
    RunState state = run.get().state();
    ProgressEventType type =
        switch (state) {
          case COMPLETED -> ProgressEventType.WORKFLOW_COMPLETED;
          case CANCELLED -> ProgressEventType.WORKFLOW_CANCELLED;
          default -> ProgressEventType.WORKFLOW_FAILED;
        };
    String message =
        switch (state) {
          case COMPLETED -> "run completed";
          case CANCELLED -> "run cancelled";
          default -> Optional.ofNullable(failureReason(workflowId)).orElse("run failed");
        };
    return Optional.of(
        new ProgressEvent(
            type,
            workflowId,
            null,
            state == RunState.COMPLETED ? 1.0 : 0.0,
            message,
            Map.of("synthesized", true),
            run.get().closedAt() != null ? run.get().closedAt() : Instant.now()));
  }

  /** The run's target URL, for stage endpoints that continue an earlier run. */
  String targetUrlOf(String owner, String workflowId) {
    return ownedRun(owner, workflowId).targetUrl();
  }

  /** For improve-tests: the baseline must be the caller's completed run. */
  RunView completedBaseline(String owner, String workflowId) {
    RunView run = ownedRun(owner, workflowId);
    if (run.executionStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      throw new ConflictException(
          "BASELINE_NOT_COMPLETED",
          "baseline run is " + run.state().wireName() + "; only a completed run can be improved");
    }
    return run;
  }

  public RunPage list(String owner, RunState status, int pageSize, String pageToken) {
    return index.list(owner, status, pageSize, pageToken);
  }

  /** Closed-state check used by the stream when Redis is down. */
  public boolean isClosed(String workflowId) {
    return tryDescribe(workflowId).map(run -> !run.open()).orElse(false);
  }
}
