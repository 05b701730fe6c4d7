package io.testgen.worker.workflow;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.RunEventActivities;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.WorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells everyone watching where a run is: the queryable status ({@link RunStatusTracker}), the
 * {@code Stage} search attribute, the Temporal UI's current details and activity summaries, and the
 * run-level progress events. Workflow code: uses workflow time only, and emits its commands
 * (search-attribute upserts, the events' local activity) in the order the orchestration calls it.
 */
final class RunNarrator {
  /** Run-level progress events; the publisher never throws, so one quick attempt is plenty. */
  static final LocalActivityOptions PUBLISH =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
          .build();

  private final RunEventActivities events =
      Workflow.newLocalActivityStub(RunEventActivities.class, PUBLISH);
  private final String workflowId;
  private final Instant startedAt;
  private final RunStatusTracker status;

  /** Status exists from the first moment, so a query answers even if validation then fails. */
  RunNarrator(GenerationRequest request) {
    workflowId = Workflow.getInfo().getWorkflowId();
    startedAt = now();
    status =
        new RunStatusTracker(
            workflowId,
            request == null ? null : request.url(),
            request == null ? null : request.owner(),
            startedAt);
  }

  String workflowId() {
    return workflowId;
  }

  Instant startedAt() {
    return startedAt;
  }

  RunStatus snapshot() {
    return status.snapshot();
  }

  void started(GenerationRequest request) {
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.TARGET_HOST.valueSet(WorkflowIds.host(request.url())));
    publish(
        ProgressEventType.WORKFLOW_STARTED,
        null,
        0.0,
        "Generating tests for " + request.url(),
        Map.of());
    for (Agent agent : Agent.values()) {
      if (!request.runs(agent)) status.agentSkipped(agent);
    }
  }

  // ---- entering a stage: status, Stage attribute, UI details; the activity's summary ----------

  String observing(GenerationRequest request) {
    enter(Agent.OBSERVATION, "Exploring " + request.url());
    return "Observation: explore "
        + request.url()
        + " (depth "
        + request.effectiveMaxDepth()
        + ", up to "
        + request.effectiveMaxPages()
        + " pages)";
  }

  String deriving(ObservationSummary observation) {
    int forms = observation.formCount();
    enter(Agent.REQUIREMENTS, "Deriving scenarios from " + observation.stateCount() + " states");
    return "Requirements: scenarios from "
        + observation.stateCount()
        + " states and "
        + forms
        + " forms";
  }

  String analysing(RequirementsSummary requirements) {
    enter(Agent.ANALYSIS, "Scoring " + requirements.scenarioCount() + " scenarios");
    return "Analysis: FMEA risk of " + requirements.scenarioCount() + " scenarios";
  }

  String evolving(GenerationRequest request, RequirementsSummary requirements) {
    enter(Agent.EVOLUTION, "Generating and verifying tests");
    String baseline = request.baselineWorkflowId();
    return "Evolution: verify tests for "
        + requirements.scenarioCount()
        + " scenarios against "
        + request.url()
        + (baseline == null ? "" : " (baseline " + baseline + ")");
  }

  // ---- leaving a stage: its counts
  // ---------------------------------------------------------------

  void observed(ObservationSummary observation) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("pages", observation.pagesVisited());
    counts.put("states", observation.stateCount());
    counts.put("forms", observation.formCount());
    counts.put("findings", observation.findingCount());
    leave(
        Agent.OBSERVATION,
        "Found " + counts.get("states") + " states, " + counts.get("forms") + " forms",
        counts);
  }

  void derived(RequirementsSummary requirements) {
    leave(
        Agent.REQUIREMENTS,
        requirements.scenarioCount() + " scenarios",
        Map.of("scenarios", requirements.scenarioCount()));
  }

  void analysed(AnalysisSummary analysis) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("scenarios", analysis.rankedCount());
    if (analysis.levelCounts() != null) counts.putAll(analysis.levelCounts());
    leave(Agent.ANALYSIS, "Ranked " + analysis.rankedCount() + " scenarios", counts);
  }

  void evolved(EvolutionSummary evolution) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("tests", evolution.testCount());
    counts.put("flaky", evolution.flakyCount());
    counts.put("repaired", evolution.repairedCount());
    counts.put("failing", evolution.failingCount());
    leave(Agent.EVOLUTION, evolution.testCount() + " tests verified", counts);
  }

  // ---- the review gate -------------------------------------------------------------------------

  void awaitingReview(int scenarios, Duration timeout) {
    status.awaitingReview();
    stage("awaiting_review");
    Workflow.setCurrentDetails(
        "**Awaiting review** of " + scenarios + " scenarios: approve or reject within " + timeout);
    publish(
        ProgressEventType.AWAITING_REVIEW,
        Agent.REQUIREMENTS.wireName(),
        Agent.REQUIREMENTS.bandEnd(),
        "Waiting for review of " + scenarios + " scenarios",
        Map.of("timeout_seconds", timeout.toSeconds()));
  }

  void reviewed() {
    status.resumed();
  }

  // ---- the end ---------------------------------------------------------------------------------

  /** Marks the run completed and returns the time it completed at. */
  Instant completed(GenerationRequest request, EvolutionSummary evolution) {
    Instant completedAt = now();
    status.completed(completedAt);
    stage("completed");
    int testCount = evolution == null ? 0 : evolution.testCount();
    String stages = String.join(", ", ranStages(request));
    Workflow.setCurrentDetails(
        evolution == null
            ? "**Completed**: " + stages
            : "**Completed**: "
                + testCount
                + " verified tests, pass rate "
                + Math.round(evolution.passRate() * 100)
                + "%, "
                + evolution.flakyCount()
                + " flaky dropped");
    publish(
        ProgressEventType.WORKFLOW_COMPLETED,
        null,
        1.0,
        evolution == null ? "Completed " + stages : "Generated " + testCount + " verified tests",
        Map.of("test_count", testCount));
    return completedAt;
  }

  void failed(TemporalFailure failure) {
    String reason = FailureMessages.describe(failure);
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

  void cancelled() {
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

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
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
        new ProgressEvent(type, workflowId, agent, progress, message, data, now()));
  }

  private static List<String> ranStages(GenerationRequest request) {
    List<String> ran = new ArrayList<>();
    for (Agent agent : Agent.values()) if (request.runs(agent)) ran.add(agent.wireName());
    return ran;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
