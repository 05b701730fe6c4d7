package io.testgen.gateway;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.RejectRequest;
import io.testgen.common.workflow.ReviewDecision;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TestGenerationWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny implementation of the workflow contract for gateway-contract tests, run by a real worker
 * on the real Temporal dev server. Behaviour follows the request's user_instruction: {@code hold}
 * waits until cancelled, {@code fail} fails; {@code review_requirements} waits for approve/reject
 * with the review timeout; otherwise it completes at once with three derived scenarios.
 */
public class FakeTestGenerationWorkflow implements TestGenerationWorkflow {
  static final int DERIVED_SCENARIOS = 3;

  private RunState state = RunState.RUNNING;
  private String owner;
  private String url;
  private ReviewDecision approved;
  private RejectRequest rejected;

  @Override
  public GenerationResult generate(GenerationRequest request) {
    owner = request.owner();
    url = request.url();
    String instruction = request.userInstruction() == null ? "" : request.userInstruction();
    Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet("observation"));
    if (instruction.equals("hold")) {
      Workflow.await(() -> false);
    }
    if (instruction.equals("fail")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target unreachable: connection refused", "TargetUnreachable");
    }
    int scenarios = DERIVED_SCENARIOS;
    if (request.reviewRequired()) {
      state = RunState.AWAITING_REVIEW;
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STAGE.valueSet("awaiting_review"));
      Duration timeout = request.effectiveReviewTimeout();
      boolean decided = Workflow.await(timeout, () -> approved != null || rejected != null);
      if (!decided) {
        throw ApplicationFailure.newNonRetryableFailure(
            "review timed out after " + timeout.toSeconds() + "s", "ReviewTimeout");
      }
      if (rejected != null) {
        throw ApplicationFailure.newNonRetryableFailure(
            "requirements rejected by " + rejected.reviewer() + ": " + rejected.reason(),
            "ReviewRejected");
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
            0);
    return new GenerationResult(
        workflowId,
        RunState.COMPLETED,
        scenarios,
        null,
        new RequirementsResult(List.of(), null, null),
        null,
        evolution,
        now,
        now,
        0.0);
  }

  private Instant completedAt;

  @Override
  public RunStatus status() {
    Map<String, AgentProgress> progress = new LinkedHashMap<>();
    progress.put("observation", AgentProgress.pending());
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
