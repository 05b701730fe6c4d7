package io.testgen.worker.workflow;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsActivities;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Orchestration only: the order of the agents, their options, the review and goal gates, and
 * cancellation. Every agent is an activity; all I/O happens there. What operators and clients see
 * (status, Stage, UI details, run events) is told by {@link RunNarrator}; the review waits in
 * {@link ReviewGate}.
 */
public class TestGenerationWorkflowImpl implements TestGenerationWorkflow {
  /** Failure types that retrying cannot fix. */
  /** Version marker: runs recorded before it have no final risk register (replay stays valid). */
  static final String FINAL_RISK_REGISTER = "final-risk-register";

  static final String[] NON_RETRYABLE = FailureTypes.NON_RETRYABLE.toArray(String[]::new);

  private static final RetryOptions AGENT_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(3)
          .setDoNotRetry(NON_RETRYABLE)
          .build();

  /** Crawls for minutes; heartbeats its checkpoint so a retry resumes and a cancel is seen fast. */
  static final ActivityOptions OBSERVE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.BROWSER)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(AGENT_RETRY)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

  /** Pure computation over the observation: short, no heartbeat needed. */
  static final ActivityOptions DERIVE_REQUIREMENTS =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.PIPELINE)
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(AGENT_RETRY)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

  static final ActivityOptions ANALYSE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.PIPELINE)
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(AGENT_RETRY)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

  /** Runs every candidate test several times in a browser: the longest stage. */
  static final ActivityOptions EVOLVE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.BROWSER)
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setRetryOptions(AGENT_RETRY)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

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
    String id = narrator.workflowId();
    PipelineInputs given = request.inputs();

    ObservationResult observation = given == null ? null : given.observation();
    if (request.runs(Agent.OBSERVATION)) {
      observation =
          stub(ObservationActivities.class, OBSERVE, narrator.observing(request))
              .observe(AgentRequests.observation(id, request));
      narrator.observed(observation);
      goalGate(request, observation);
    }

    RequirementsResult requirements = given == null ? null : given.requirements();
    if (request.runs(Agent.REQUIREMENTS)) {
      requirements =
          stub(RequirementsActivities.class, DERIVE_REQUIREMENTS, narrator.deriving(observation))
              .deriveRequirements(AgentRequests.requirements(id, request, observation));
      narrator.derived(requirements);
      if (request.reviewRequired()) {
        requirements = review.await(requirements, request.effectiveReviewTimeout(), narrator);
      }
    }

    AnalysisResult analysis = given == null ? null : given.analysis();
    if (request.runs(Agent.ANALYSIS)) {
      analysis =
          stub(AnalysisActivities.class, ANALYSE, narrator.analysing(requirements))
              .analyse(AgentRequests.analysis(id, observation, requirements));
      narrator.analysed(analysis);
    }

    EvolutionResult evolution = null;
    if (request.runs(Agent.EVOLUTION)) {
      evolution =
          stub(EvolutionActivities.class, EVOLVE, narrator.evolving(request, requirements))
              .evolve(AgentRequests.evolution(id, request, observation, requirements, analysis));
      narrator.evolved(evolution);
    }

    AnalysisResult finalAnalysis = null;
    if (analysis != null
        && evolution != null
        && request.runs(Agent.ANALYSIS)
        && Workflow.getVersion(FINAL_RISK_REGISTER, Workflow.DEFAULT_VERSION, 1) == 1) {
      // the risk register again, now that verification and oracle strength are known
      finalAnalysis =
          stub(AnalysisActivities.class, ANALYSE, "Final risk register")
              .analyse(AgentRequests.finalAnalysis(id, observation, requirements, evolution));
    }

    Instant completedAt = narrator.completed(request, evolution);
    Instant startedAt = narrator.startedAt();
    return new GenerationResult(
        id,
        RunState.COMPLETED,
        evolution == null ? 0 : evolution.testCount(),
        observation,
        requirements,
        analysis,
        evolution,
        startedAt,
        completedAt,
        Duration.between(startedAt, completedAt).toMillis() / 1000.0,
        finalAnalysis);
  }

  /** With an instruction, the run is only useful if Observation reached the goal. */
  private static void goalGate(GenerationRequest request, ObservationResult observation) {
    if (!request.goalRequired() || observation.goal() == null || observation.goal().reached())
      return;
    String reason =
        observation.goal().reason() == null ? "no path found" : observation.goal().reason();
    throw ApplicationFailure.newNonRetryableFailure(
        "Goal not reached: \"" + request.userInstruction() + "\": " + reason,
        FailureTypes.GOAL_NOT_REACHED);
  }

  private static <T> T stub(Class<T> activities, ActivityOptions options, String summary) {
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
