package io.testgen.gateway.runs;

import io.testgen.common.workflow.GenerationRequest;
import io.testgen.gateway.errors.InvalidRequestException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns validated HTTP bodies into the workflow's {@link GenerationRequest} (plus memo entries that
 * record where a run came from).
 */
@Component
class RunRequestFactory {
  private final RunRequestValidator validator;
  private final RunService runs;

  RunRequestFactory(RunRequestValidator validator, RunService runs) {
    this.validator = validator;
    this.runs = runs;
  }

  /** A run and its memo entries. */
  record Prepared(GenerationRequest request, Map<String, String> memo) {}

  GenerationRequest generation(GenerateTestsRequest body) {
    String url = validator.targetUrl(body.url());
    return request(url, body);
  }

  private GenerationRequest request(String url, GenerateTestsRequest body) {
    validator.scenarioTypes(body.scenarioTypes());
    validator.credentials(body.loginCredentials(), body.httpCredentials());
    if (body.baselineWorkflowId() != null
        && !RunRequestValidator.validWorkflowId(body.baselineWorkflowId())) {
      throw InvalidRequestException.field("baseline_workflow_id", "not a workflow id");
    }
    return new GenerationRequest(
        url,
        body.maxDepth(),
        body.maxPages(),
        body.userInstruction(),
        null,
        body.loginCredentials(),
        body.httpCredentials(),
        body.allowDestructive(),
        body.scenarioTypes(),
        body.maxScenarios(),
        body.focusGoalOnly(),
        body.reviewRequirements(),
        body.reviewTimeoutSeconds() == null
            ? null
            : Duration.ofSeconds(body.reviewTimeoutSeconds()),
        body.baselineWorkflowId(),
        body.maxIterations(),
        null,
        null,
        null);
  }

  /** improve-tests: the baseline must be the caller's completed run; the URL defaults to its. */
  Prepared improvement(String owner, GenerateTestsRequest body) {
    if (body.baselineWorkflowId() == null || body.baselineWorkflowId().isBlank()) {
      throw InvalidRequestException.field("baseline_workflow_id", "required");
    }
    RunView baseline = runs.completedBaseline(owner, body.baselineWorkflowId());
    String url =
        validator.targetUrl(
            body.url() == null || body.url().isBlank() ? baseline.targetUrl() : body.url());
    return new Prepared(request(url, body), Map.of(RunService.MEMO_SOURCE, baseline.workflowId()));
  }

  /**
   * A per-stage run. The previous stage is named by {@code workflow_id} (the caller's run) or given
   * inline; the URL comes from the body, the earlier run, or the inline observation.
   */
  Prepared stage(String owner, StageRunRequest body, String stage) {
    boolean inline =
        body.observationResult() != null
            || body.requirementsResult() != null
            || body.analysisResult() != null;
    if (body.workflowId() == null && !inline) {
      throw InvalidRequestException.field(
          "workflow_id", "give the previous stage's workflow_id or its result inline");
    }
    if (body.workflowId() != null && inline) {
      throw InvalidRequestException.field(
          "workflow_id", "give either workflow_id or an inline result, not both");
    }
    String url = body.url();
    Map<String, String> memo = new LinkedHashMap<>();
    memo.put("stage", stage);
    if (body.workflowId() != null) {
      String earlierUrl = runs.targetUrlOf(owner, body.workflowId());
      if (url == null || url.isBlank()) url = earlierUrl;
      memo.put(RunService.MEMO_SOURCE, body.workflowId());
    } else if ((url == null || url.isBlank()) && body.observationResult() != null) {
      url = body.observationResult().targetUrl();
    }
    String checked = validator.targetUrl(url);
    GenerateTestsRequest options =
        new GenerateTestsRequest(
            checked,
            null,
            null,
            body.userInstruction(),
            null,
            null,
            null,
            body.scenarioTypes(),
            body.maxScenarios(),
            body.focusGoalOnly(),
            null,
            null,
            null,
            body.maxIterations());
    return new Prepared(request(checked, options), memo);
  }
}
