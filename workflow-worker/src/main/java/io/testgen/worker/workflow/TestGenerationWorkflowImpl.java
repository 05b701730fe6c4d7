package io.testgen.worker.workflow;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import java.time.Duration;

/**
 * Orchestration only: the order of the agents, their options, the review and goal gates, and
 * cancellation. Every agent is an activity; all I/O happens there. What operators and clients see
 * (status, Stage, UI details, run events) is told by {@link RunNarrator}; the review waits in
 * {@link ReviewGate}. The stages' order and hand-over live in {@link ReferencePipeline} (results by
 * reference), or {@link InlinePipeline} for runs recorded before it.
 */
public class TestGenerationWorkflowImpl implements TestGenerationWorkflow {
  /** Version marker: runs recorded before it have no final risk register (replay stays valid). */
  static final String FINAL_RISK_REGISTER = "final-risk-register";

  /**
   * Version marker: runs recorded before it carried every result whole through Temporal ({@link
   * InlinePipeline}); later runs carry artifact references ({@link ReferencePipeline}).
   */
  static final String RESULTS_BY_REFERENCE = "results-by-reference";

  /** Failure types that retrying cannot fix. */
  static final String[] NON_RETRYABLE = FailureTypes.NON_RETRYABLE.toArray(String[]::new);

  private static final RetryOptions AGENT_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(3)
          .setDoNotRetry(NON_RETRYABLE)
          .build();

  /** How soon a worker's death inside Requirements or Analysis is noticed. */
  static final Duration PIPELINE_HEARTBEAT = Duration.ofSeconds(10);

  /** Crawls for minutes; heartbeats its checkpoint so a retry resumes and a cancel is seen fast. */
  static final ActivityOptions OBSERVE =
      agent(TaskQueues.BROWSER, Duration.ofMinutes(30), Duration.ofSeconds(30));

  /**
   * Computation over the observation (and an optional LLM call): the worker heartbeats it while it
   * runs (PipelineHeartbeats), so a dead worker is noticed in seconds, not at the 5 minutes.
   */
  static final ActivityOptions DERIVE_REQUIREMENTS =
      agent(TaskQueues.PIPELINE, Duration.ofMinutes(5), PIPELINE_HEARTBEAT);

  /** Like Requirements: heartbeated by the worker while it runs. */
  static final ActivityOptions ANALYSE =
      agent(TaskQueues.PIPELINE, Duration.ofMinutes(5), PIPELINE_HEARTBEAT);

  /** Runs every candidate test several times in a browser: the longest stage. */
  static final ActivityOptions EVOLVE =
      agent(TaskQueues.BROWSER, Duration.ofMinutes(60), Duration.ofSeconds(60));

  /** An agent's options: every agent retries alike and waits for its cancellation to complete. */
  private static ActivityOptions agent(
      String taskQueue, Duration startToClose, Duration heartbeat) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(heartbeat)
        .setRetryOptions(AGENT_RETRY)
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .build();
  }

  private final ReviewGate review = new ReviewGate();
  private RunNarrator narrator;

  @Override
  public GenerationResult generate(GenerationRequest request) {
    narrator = new RunNarrator(request);
    RunRequestValidator.validate(request);
    narrator.started(request);
    try {
      return runPipeline(request);
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(narrator::cancelled).run();
      throw e;
    } catch (ActivityFailure | ApplicationFailure e) {
      if (e.getCause() instanceof CanceledFailure cancelled) {
        // The agent acknowledged the cancel (WAIT_CANCELLATION_COMPLETED): the run ends CANCELED.
        Workflow.newDetachedCancellationScope(narrator::cancelled).run();
        throw cancelled;
      }
      narrator.failed(e);
      throw e;
    }
  }

  private GenerationResult runPipeline(GenerationRequest request) {
    // Runs recorded before results went by reference replay the inline pipeline.
    if (Workflow.getVersion(RESULTS_BY_REFERENCE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return new InlinePipeline(narrator, review).run(request);
    }
    return new ReferencePipeline(narrator, review).run(request);
  }

  /** With an instruction, the run is only useful if Observation reached the goal. */
  static void goalGate(GenerationRequest request, GoalOutcome goal) {
    if (!request.goalRequired() || goal == null || goal.reached()) return;
    String reason = goal.reason() == null ? "no path found" : goal.reason();
    throw ApplicationFailure.newNonRetryableFailure(
        "Goal not reached: \"" + request.userInstruction() + "\": " + reason,
        FailureTypes.GOAL_NOT_REACHED);
  }

  static <T> T stub(Class<T> activities, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        activities, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  @Override
  public RunStatus status() {
    return narrator == null ? null : narrator.snapshot();
  }

  @Override
  public ReviewOutcome approve(ReviewDecision decision) {
    return review.approve(decision);
  }

  @Override
  public void validateApprove(ReviewDecision decision) {
    review.validateApprove(decision);
  }

  @Override
  public ReviewOutcome reject(RejectRequest request) {
    return review.reject(request);
  }

  @Override
  public void validateReject(RejectRequest request) {
    review.validateReject(request);
  }
}
