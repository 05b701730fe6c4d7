package io.testgen.gateway;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ResultRefs;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TestGenerationWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny implementation of the workflow contract for gateway-contract tests, run by a real worker
 * on the real Temporal dev server. Behaviour follows the request's user_instruction: {@code hold}
 * waits until cancelled, {@code fail} fails; {@code review_requirements} waits for approve/reject
 * with the review timeout; {@code showcase} completes with {@link WebViewShowcase}'s full result;
 * otherwise it completes at once with three derived scenarios.
 *
 * <p>Like the real workflow it runs only the request's {@link PipelineInputs#stages() stages}
 * (checked the same way: contiguous, in order, earlier results present, else a non-retryable {@code
 * InvalidRequest}), reports the others {@code skipped}, and returns the given earlier results with
 * its own for the stages it ran. Its own results name the run that produced them (observation's
 * {@code start_state_id}, requirements' {@code llm.provider}, analysis' {@code ranking}), so tests
 * can tell copied results from produced ones.
 */
public class FakeTestGenerationWorkflow implements TestGenerationWorkflow {
  static final int DERIVED_SCENARIOS = 3;

  /** The artifact store the gateway under test reads ({@code testgen.runs.artifacts-dir}). */
  static final ContentAddressedStore STORE =
      new ContentAddressedStore(GatewayIntegrationTest.ARTIFACTS);

  /** The real workflow's failure types (TestGenerationWorkflowImpl). */
  static final String REVIEW_TIMED_OUT = FailureTypes.REVIEW_TIMED_OUT;

  static final String REQUIREMENTS_REJECTED = FailureTypes.REQUIREMENTS_REJECTED;

  private RunState state = RunState.RUNNING;
  private String owner;
  private String url;
  private GenerationRequest request;
  private Instant completedAt;
  private ReviewDecision approved;
  private RejectRequest rejected;

  @Override
  public GenerationResult generate(GenerationRequest request) {
    this.request = request;
    owner = request.owner();
    url = request.url();
    checkStages(request.inputs());
    String instruction = request.userInstruction() == null ? "" : request.userInstruction();
    Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet("observation"));
    if (instruction.equals("hold")) {
      Workflow.await(() -> false);
    }
    if (instruction.equals("fail")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target unreachable: connection refused", FailureTypes.TARGET_UNREACHABLE);
    }
    int scenarios = DERIVED_SCENARIOS;
    if (request.reviewRequired()) {
      state = RunState.AWAITING_REVIEW;
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet("awaiting_review"));
      Duration timeout = request.effectiveReviewTimeout();
      boolean decided = Workflow.await(timeout, () -> approved != null || rejected != null);
      // Failure types and messages as TestGenerationWorkflowImpl writes them.
      if (!decided) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Review timed out: nobody approved or rejected the requirements within " + timeout,
            REVIEW_TIMED_OUT);
      }
      if (rejected != null) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Requirements rejected by " + rejected.reviewer() + ": " + rejected.reason(),
            REQUIREMENTS_REJECTED);
      }
      state = RunState.RUNNING;
      if (approved.scenarios() != null) scenarios = approved.scenarios().size();
    }
    Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet("done"));
    String workflowId = Workflow.getInfo().getWorkflowId();
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    // Like the real workflow: a query answered between here and the close already sees the end.
    completedAt = now;
    state = RunState.COMPLETED;
    if (instruction.equals("showcase")) return WebViewShowcase.result(workflowId, url);
    EvolutionResult evolution =
        new EvolutionResult(
            List.of(),
            scenarios,
            1.0,
            0,
            0,
            List.of(),
            Map.of(
                ArtifactPaths.FORMAT_TYPESCRIPT,
                ArtifactPaths.suiteZip(workflowId, ArtifactPaths.FORMAT_TYPESCRIPT)),
            null,
            0,
            null);
    PipelineInputs given = request.inputs();
    ObservationResult observation =
        request.runs(Agent.OBSERVATION)
            ? new ObservationResult(
                url, workflowId, List.of(), List.of(), List.of(), List.of(), null, false, null)
            : given.observation();
    RequirementsResult requirements =
        request.runs(Agent.REQUIREMENTS)
            ? new RequirementsResult(
                List.of(),
                null,
                new LlmReport(false, workflowId, null, false, null, List.of(), 0, 0))
            : given.requirements();
    AnalysisResult analysis =
        request.runs(Agent.ANALYSIS)
            ? new AnalysisResult(List.of(), List.of(workflowId), Map.of(), null, null)
            : given.analysis();
    boolean evolved = request.runs(Agent.EVOLUTION);
    // Like the real workflow: what this run produced is stored and referenced, given results stay
    // inline. (A fake may write files from workflow code; the real agents do it in activities.)
    // Earlier results given by reference stay references.
    ResultRefs refs =
        new ResultRefs(
            request.runs(Agent.OBSERVATION)
                ? STORE.putJson(observation)
                : given.storedObservation() == null ? null : given.storedObservation().ref(),
            request.runs(Agent.REQUIREMENTS)
                ? STORE.putJson(requirements)
                : given.storedRequirements() == null ? null : given.storedRequirements().ref(),
            request.runs(Agent.ANALYSIS)
                ? STORE.putJson(analysis)
                : given.storedAnalysis() == null ? null : given.storedAnalysis().ref(),
            evolved ? STORE.putJson(evolution) : null,
            null);
    return new GenerationResult(
        workflowId,
        RunState.COMPLETED,
        evolved ? scenarios : 0,
        request.runs(Agent.OBSERVATION) ? null : observation,
        request.runs(Agent.REQUIREMENTS) ? null : requirements,
        request.runs(Agent.ANALYSIS) ? null : analysis,
        null,
        now,
        now,
        0.0,
        null,
        refs);
  }

  /** The real workflow's rule for partial runs. */
  private static void checkStages(PipelineInputs inputs) {
    if (inputs == null || inputs.stages() == null || inputs.stages().isEmpty()) return;
    List<String> order = Arrays.stream(Agent.values()).map(Agent::wireName).toList();
    int first = order.indexOf(inputs.stages().get(0));
    for (int i = 0; i < inputs.stages().size(); i++) {
      if (first < 0 || order.indexOf(inputs.stages().get(i)) != first + i) {
        throw ApplicationFailure.newNonRetryableFailure(
            "stages must be contiguous and in order: " + inputs.stages(),
            FailureTypes.INVALID_REQUEST);
      }
    }
    if ((first > 0 && !inputs.hasObservation())
        || (first > 1 && !inputs.hasRequirements())
        || (first > 2 && !inputs.hasAnalysis())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "stages " + inputs.stages() + " need the earlier results", FailureTypes.INVALID_REQUEST);
    }
  }

  @Override
  public RunStatus status() {
    Map<String, AgentProgress> progress = new LinkedHashMap<>();
    for (Agent agent : Agent.values()) {
      boolean skipped = request != null && !request.runs(agent);
      progress.put(
          agent.wireName(),
          skipped
              ? new AgentProgress(AgentState.SKIPPED, 0.0, null, null, null, null, Map.of())
              : state == RunState.COMPLETED
                  ? new AgentProgress(AgentState.COMPLETED, 1.0, null, null, null, null, Map.of())
                  : AgentProgress.pending());
    }
    return new RunStatus(
        Workflow.getInfo().getWorkflowId(),
        state,
        state == RunState.AWAITING_REVIEW ? "requirements" : "observation",
        progress,
        state == RunState.COMPLETED ? 1.0 : state == RunState.AWAITING_REVIEW ? 0.5 : 0.1,
        null,
        completedAt,
        null,
        url,
        owner);
  }

  @Override
  public ReviewOutcome approve(ReviewDecision decision) {
    approved = decision;
    int count = decision.scenarios() == null ? DERIVED_SCENARIOS : decision.scenarios().size();
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "approved", count);
  }

  @Override
  public void validateApprove(ReviewDecision decision) {
    if (state != RunState.AWAITING_REVIEW || approved != null || rejected != null) {
      throw new IllegalStateException("the run is not awaiting review");
    }
    if (decision.scenarios() != null) {
      if (decision.scenarios().isEmpty()) {
        throw new IllegalArgumentException("an edited scenario list must not be empty");
      }
      for (Scenario scenario : decision.scenarios()) {
        if (scenario.title() == null || scenario.title().isBlank()) {
          throw new IllegalArgumentException("every scenario needs a title");
        }
      }
    }
  }

  @Override
  public ReviewOutcome reject(RejectRequest request) {
    rejected = request;
    return new ReviewOutcome(Workflow.getInfo().getWorkflowId(), "rejected", 0);
  }

  @Override
  public void validateReject(RejectRequest request) {
    if (state != RunState.AWAITING_REVIEW || approved != null || rejected != null) {
      throw new IllegalStateException("the run is not awaiting review");
    }
  }
}
