package io.testgen.gateway.runs;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.gateway.artifacts.StoredResults;
import io.testgen.gateway.config.TemporalProperties;
import io.testgen.gateway.errors.ConflictException;
import io.testgen.gateway.errors.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads runs: status in the seed's shape (live from the workflow's query, bounded in time, else
 * from describe), results, the reason a run failed, and the terminal event a closed run's stream
 * should end with.
 */
@Service
public class RunQueries {
  private static final Logger log = LoggerFactory.getLogger(RunQueries.class);

  private final WorkflowClient client;
  private final RunLookup lookup;
  private final LatestProgress latestProgress;
  private final Duration queryTimeout;
  private final StoredResults storedResults;

  /** Threads that wait on status queries; a full pool means describe answers instead. */
  private final ThreadPoolExecutor queries =
      new ThreadPoolExecutor(
          0,
          64,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "status-query");
            thread.setDaemon(true);
            return thread;
          });

  RunQueries(
      WorkflowClient client,
      RunLookup lookup,
      LatestProgress latestProgress,
      TemporalProperties temporal,
      StoredResults storedResults) {
    this.client = client;
    this.storedResults = storedResults;
    this.lookup = lookup;
    this.latestProgress = latestProgress;
    this.queryTimeout =
        temporal.queryTimeout() == null ? Duration.ofSeconds(3) : temporal.queryTimeout();
  }

  /**
   * Status in the seed's shape: live from the workflow's query; when no worker answers in time (or
   * the run is closed and cannot be replayed) from describe, with the close state and failure
   * reason.
   */
  public RunStatus status(String owner, String workflowId) {
    RunView run = lookup.owned(owner, workflowId);
    RunStatus live = queryStatus(workflowId).orElse(null);
    if (run.open()) {
      // Agents report within a stage to the stream only; the newest event is the truth there.
      if (live != null) return latestProgress.over(withIdentity(live, run));
      return latestProgress.over(describedStatus(run, run.state(), null, null));
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

  /**
   * The workflow's status query, given {@code query-timeout} of wall-clock time: with no worker
   * polling, Temporal holds a query until its own deadline (and the SDK may retry), so the bound is
   * kept here, not left to the RPC.
   */
  private Optional<RunStatus> queryStatus(String workflowId) {
    Future<RunStatus> query;
    try {
      query =
          queries.submit(
              () -> client.newWorkflowStub(TestGenerationWorkflow.class, workflowId).status());
    } catch (RejectedExecutionException busy) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(query.get(queryTimeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      query.cancel(true);
      // No worker polling, a query timeout, or a replay problem: describe is enough.
      log.info(
          "event=status_query_fallback workflow_id={} error={}",
          workflowId,
          e instanceof ExecutionException ? e.getCause().getClass().getSimpleName() : "timeout");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
    return resultsOf(lookup.owned(owner, workflowId));
  }

  /** The result of a run the caller already looked up (and owns). */
  GenerationResult resultsOf(RunView run) {
    String workflowId = run.workflowId();
    return switch (run.state()) {
      case COMPLETED -> result(workflowId);
      case FAILED -> throw new ConflictException("RUN_FAILED", failureReason(workflowId));
      case CANCELLED -> throw new ConflictException("RUN_CANCELLED", "the run was cancelled");
      default -> throw NotFoundException.notReady("the run has not finished yet");
    };
  }

  /** The workflow's result with the parts it references read from the artifact store. */
  private GenerationResult result(String workflowId) {
    try {
      return storedResults.resolve(
          client
              .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
              .getResult(10, TimeUnit.SECONDS, GenerationResult.class));
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

  /**
   * For a closed run, the terminal event its stream should end with (for streams that expired or
   * lost it); empty while the run is open or unknown.
   */
  public Optional<ProgressEvent> terminalEvent(String workflowId) {
    Optional<RunView> run = lookup.describe(workflowId);
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
}
