package io.testgen.worker.workflow;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsActivities;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.RunEventActivities;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.common.workflow.WorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orchestration only: the order of the agents, their options, the review and goal gates, status,
 * and what operators see in the Temporal UI. Every agent is an activity; all I/O happens there.
 */
public class TestGenerationWorkflowImpl implements TestGenerationWorkflow {
  /** Failure types that retrying cannot fix. */
  static final String[] NON_RETRYABLE = {
    "InvalidTarget", "TargetUnreachable", "InvalidRequest", "TargetNotAllowed"
  };

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

  /** Run-level progress events; the publisher never throws, so one quick attempt is plenty. */
  static final LocalActivityOptions PUBLISH =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
          .build();

  private final RunEventActivities events =
      Workflow.newLocalActivityStub(RunEventActivities.class, PUBLISH);

  private RunStatusTracker status;
  private RequirementsResult requirements;
  private boolean awaitingReview;
  private ReviewDecision approval;
  private RejectRequest rejection;

  @Override
  public GenerationResult generate(GenerationRequest request) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    Instant startedAt = now();
    status =
        new RunStatusTracker(
            workflowId,
            request == null ? null : request.url(),
            request == null ? null : request.owner(),
            startedAt);
    RunRequestValidator.validate(request);
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.TARGET_HOST.valueSet(WorkflowIds.host(request.url())));
    publish(
        ProgressEventType.WORKFLOW_STARTED,
        null,
        0.0,
        "Generating tests for " + request.url(),
        Map.of());
    try {
      return runPipeline(workflowId, request, startedAt);
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(this::endCancelled).run();
      throw e;
    } catch (ActivityFailure | ApplicationFailure e) {
      if (e.getCause() instanceof CanceledFailure cancelled) {
        // The agent acknowledged the cancel (WAIT_CANCELLATION_COMPLETED): the run ends CANCELED.
        Workflow.newDetachedCancellationScope(this::endCancelled).run();
        throw cancelled;
      }
      endFailed(describe(e));
      throw e;
    }
  }

  private GenerationResult runPipeline(
      String workflowId, GenerationRequest request, Instant startedAt) {
    String url = request.url();
    PipelineInputs given = request.inputs();
    for (Agent agent : Agent.values()) {
      if (!request.runs(agent)) status.agentSkipped(agent);
    }

    ObservationResult observation = given == null ? null : given.observation();
    if (request.runs(Agent.OBSERVATION)) {
      enter(Agent.OBSERVATION, "Exploring " + url);
      observation =
          stub(
                  ObservationActivities.class,
                  OBSERVE,
                  "Observation: explore "
                      + url
                      + " (depth "
                      + request.effectiveMaxDepth()
                      + ", up to "
                      + request.effectiveMaxPages()
                      + " pages)")
              .observe(
                  new ObservationRequest(
                      workflowId,
                      url,
                      request.effectiveMaxDepth(),
                      request.effectiveMaxPages(),
                      request.userInstruction(),
                      request.loginCredentials(),
                      request.httpCredentials(),
                      request.destructiveAllowed(),
                      request.writesAllowed()));
      Map<String, Integer> observed = observationCounts(observation);
      leave(
          Agent.OBSERVATION,
          "Found " + observed.get("states") + " states, " + observed.get("forms") + " forms",
          observed);
      goalGate(request, observation);
    }

    requirements = given == null ? null : given.requirements();
    if (request.runs(Agent.REQUIREMENTS)) {
      int forms = observation.forms() == null ? 0 : observation.forms().size();
      enter(Agent.REQUIREMENTS, "Deriving scenarios from " + observation.stateCount() + " states");
      requirements =
          stub(
                  RequirementsActivities.class,
                  DERIVE_REQUIREMENTS,
                  "Requirements: scenarios from "
                      + observation.stateCount()
                      + " states and "
                      + forms
                      + " forms")
              .deriveRequirements(
                  new RequirementsRequest(
                      workflowId,
                      observation,
                      request.userInstruction(),
                      request.scenarioTypes(),
                      request.effectiveMaxScenarios(),
                      Boolean.TRUE.equals(request.focusGoalOnly()),
                      request.loginCredentials() != null));
      leave(
          Agent.REQUIREMENTS,
          requirements.scenarios().size() + " scenarios",
          Map.of("scenarios", requirements.scenarios().size()));
      if (request.reviewRequired()) reviewGate(request);
    }

    AnalysisResult analysis = given == null ? null : given.analysis();
    if (request.runs(Agent.ANALYSIS)) {
      enter(Agent.ANALYSIS, "Scoring " + requirements.scenarios().size() + " scenarios");
      analysis =
          stub(
                  AnalysisActivities.class,
                  ANALYSE,
                  "Analysis: FMEA risk of " + requirements.scenarios().size() + " scenarios")
              .analyse(new AnalysisRequest(workflowId, observation, requirements));
      leave(
          Agent.ANALYSIS,
          "Ranked " + analysis.ranking().size() + " scenarios",
          analysisCounts(analysis));
    }

    EvolutionResult evolution = null;
    if (request.runs(Agent.EVOLUTION)) {
      enter(Agent.EVOLUTION, "Generating and verifying tests");
      String baseline = request.baselineWorkflowId();
      evolution =
          stub(
                  EvolutionActivities.class,
                  EVOLVE,
                  "Evolution: verify tests for "
                      + requirements.scenarios().size()
                      + " scenarios against "
                      + url
                      + (baseline == null ? "" : " (baseline " + baseline + ")"))
              .evolve(
                  new EvolutionRequest(
                      workflowId,
                      url,
                      observation,
                      requirements,
                      analysis,
                      request.loginCredentials(),
                      request.httpCredentials(),
                      baseline,
                      baseline == null ? null : ArtifactPaths.runDir(baseline) + "/suite.json",
                      request.effectiveMaxIterations(),
                      request.effectiveVerifyRuns()));
      leave(Agent.EVOLUTION, evolution.testCount() + " tests verified", evolutionCounts(evolution));
    }

    Instant completedAt = now();
    status.completed(completedAt);
    stage("completed");
    int testCount = evolution == null ? 0 : evolution.testCount();
    String summary =
        evolution == null
            ? "Completed " + String.join(", ", ranStages(request))
            : "Generated " + testCount + " verified tests";
    Workflow.setCurrentDetails(
        evolution == null
            ? "**Completed**: " + String.join(", ", ranStages(request))
            : "**Completed**: "
                + testCount
                + " verified tests, pass rate "
                + Math.round(evolution.passRate() * 100)
                + "%, "
                + evolution.flakyCount()
                + " flaky dropped");
    publish(
        ProgressEventType.WORKFLOW_COMPLETED, null, 1.0, summary, Map.of("test_count", testCount));
    return new GenerationResult(
        workflowId,
        RunState.COMPLETED,
        testCount,
        observation,
        requirements,
        analysis,
        evolution,
        startedAt,
        completedAt,
        Duration.between(startedAt, completedAt).toMillis() / 1000.0);
  }

  private static List<String> ranStages(GenerationRequest request) {
    List<String> ran = new ArrayList<>();
    for (Agent agent : Agent.values()) if (request.runs(agent)) ran.add(agent.wireName());
    return ran;
  }

  /** With an instruction, the run is only useful if Observation reached the goal. */
  private void goalGate(GenerationRequest request, ObservationResult observation) {
    if (!request.goalRequired() || observation.goal() == null || observation.goal().reached())
      return;
    String reason =
        observation.goal().reason() == null ? "no path found" : observation.goal().reason();
    throw ApplicationFailure.newNonRetryableFailure(
        "Goal not reached: \"" + request.userInstruction() + "\": " + reason, "GoalNotReached");
  }

  /** Waits for a human to approve (optionally editing the scenarios) or reject. */
  private void reviewGate(GenerationRequest request) {
    awaitingReview = true;
    status.awaitingReview();
    stage("awaiting_review");
    Duration timeout = request.effectiveReviewTimeout();
    Workflow.setCurrentDetails(
        "**Awaiting review** of "
            + requirements.scenarios().size()
            + " scenarios: approve or reject within "
            + timeout);
    publish(
        ProgressEventType.AWAITING_REVIEW,
        Agent.REQUIREMENTS.wireName(),
        Agent.REQUIREMENTS.bandEnd(),
        "Waiting for review of " + requirements.scenarios().size() + " scenarios",
        Map.of("timeout_seconds", timeout.toSeconds()));
    boolean decided = Workflow.await(timeout, () -> approval != null || rejection != null);
    awaitingReview = false;
    if (!decided) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Review timed out: nobody approved or rejected the requirements within " + timeout,
          "ReviewTimedOut");
    }
    if (rejection != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Requirements rejected"
              + (rejection.reviewer() == null ? "" : " by " + rejection.reviewer())
              + (rejection.reason() == null ? "" : ": " + rejection.reason()),
          "RequirementsRejected");
    }
    if (approval.scenarios() != null) {
      requirements =
          new RequirementsResult(approval.scenarios(), requirements.coverage(), requirements.llm());
    }
    status.resumed();
  }

  @Override
  public RunStatus status() {
    return status == null ? null : status.snapshot();
  }

  @Override
  public ReviewOutcome approve(ReviewDecision decision) {
    approval = decision == null ? new ReviewDecision(null, null, null) : decision;
    int count =
        approval.scenarios() != null
            ? approval.scenarios().size()
            : requirements.scenarios().size();
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "approved", count);
  }

  @Override
  public void validateApprove(ReviewDecision decision) {
    requireAwaitingReview();
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

  @Override
  public ReviewOutcome reject(RejectRequest request) {
    rejection = request == null ? new RejectRequest(null, null) : request;
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "rejected", 0);
  }

  @Override
  public void validateReject(RejectRequest request) {
    requireAwaitingReview();
  }

  private void requireAwaitingReview() {
    if (!awaitingReview || approval != null || rejection != null) {
      throw new IllegalStateException("the run is not awaiting review");
    }
  }

  private void enter(Agent agent, String message) {
    status.agentStarted(agent, message, now());
    stage(agent.wireName());
    Workflow.setCurrentDetails(
        "**" + capitalised(agent.wireName()) + "** (" + (agent.ordinal() + 1) + "/4): " + message);
  }

  private void leave(Agent agent, String message, Map<String, Integer> counts) {
    status.agentCompleted(agent, message, counts, now());
  }

  private void endFailed(String reason) {
    Agent agent = status.current();
    if (agent != null) status.agentEnded(agent, AgentState.FAILED, reason, now());
    status.failed(reason, now());
    stage("failed");
    Workflow.setCurrentDetails("**Failed**: " + reason);
    publish(
        ProgressEventType.WORKFLOW_FAILED,
        agent == null ? null : agent.wireName(),
        status.snapshot().totalProgress(),
        reason,
        Map.of());
  }

  private void endCancelled() {
    Agent agent = status.current();
    if (agent != null) status.agentEnded(agent, AgentState.CANCELLED, "cancelled", now());
    status.cancelled(now());
    stage("cancelled");
    Workflow.setCurrentDetails("**Cancelled** by request");
    publish(
        ProgressEventType.WORKFLOW_CANCELLED,
        agent == null ? null : agent.wireName(),
        status.snapshot().totalProgress(),
        "Run cancelled",
        Map.of());
  }

  private void stage(String stage) {
    Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet(stage));
  }

  private void publish(
      ProgressEventType type,
      String agent,
      double progress,
      String message,
      Map<String, Object> data) {
    events.publishRunEvent(
        new ProgressEvent(
            type, Workflow.getInfo().getWorkflowId(), agent, progress, message, data, now()));
  }

  private static <T> T stub(Class<T> activities, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        activities, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** The innermost failure message: what actually went wrong, not the wrapping. */
  static String describe(TemporalFailure failure) {
    Throwable cause = failure;
    String message = failure.getMessage();
    while (cause != null) {
      if (cause instanceof ApplicationFailure app) {
        message = app.getOriginalMessage();
      } else if (cause instanceof TemporalFailure temporal && !(cause instanceof ActivityFailure)) {
        message = temporal.getOriginalMessage();
      }
      cause = cause.getCause();
    }
    return message;
  }

  private static Map<String, Integer> observationCounts(ObservationResult observation) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(
        "pages",
        observation.stats() == null
            ? observation.stateCount()
            : observation.stats().pagesVisited());
    counts.put("states", observation.stateCount());
    counts.put("forms", observation.forms() == null ? 0 : observation.forms().size());
    counts.put("findings", observation.findings() == null ? 0 : observation.findings().size());
    return counts;
  }

  private static Map<String, Integer> analysisCounts(AnalysisResult analysis) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("scenarios", analysis.ranking().size());
    if (analysis.levelCounts() != null) counts.putAll(analysis.levelCounts());
    return counts;
  }

  private static Map<String, Integer> evolutionCounts(EvolutionResult evolution) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("tests", evolution.testCount());
    counts.put("flaky", evolution.flakyCount());
    counts.put("repaired", evolution.repairedCount());
    counts.put("failing", evolution.failing() == null ? 0 : evolution.failing().size());
    return counts;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
