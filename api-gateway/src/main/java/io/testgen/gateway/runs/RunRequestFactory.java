package io.testgen.gateway.runs;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.gateway.errors.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Turns validated HTTP bodies into the workflow's {@link GenerationRequest} (plus memo entries that
 * record where a run came from).
 */
@Component
class RunRequestFactory {
  private final RunRequestValidator validator;
  private final RunLookup lookup;
  private final RunQueries queries;

  RunRequestFactory(RunRequestValidator validator, RunLookup lookup, RunQueries queries) {
    this.validator = validator;
    this.lookup = lookup;
    this.queries = queries;
  }

  /**
   * A run and where it came from (for its memo).
   *
   * @param stage for a single-stage run, that stage; else null
   * @param source the earlier run it continues; else null
   */
  record Prepared(GenerationRequest request, String stage, String source) {}

  /**
   * generate-tests: a full run for the body's URL. A {@code baseline_workflow_id} must name one of
   * the caller's runs (404 for another user's, 400 BASELINE_NOT_FOUND for none).
   */
  Prepared generation(String owner, GenerateTestsRequest body) {
    String url = validator.targetUrl(body.url());
    GenerationRequest request = request(url, body);
    String baseline = body.baselineWorkflowId();
    if (baseline != null) lookup.referenced(owner, baseline, BASELINE_FIELD);
    return new Prepared(request, null, baseline);
  }

  private static final String BASELINE_FIELD = "baseline_workflow_id";

  private GenerationRequest request(String url, GenerateTestsRequest body) {
    validator.scenarioTypes(body.scenarioTypes());
    validator.credentials(body.loginCredentials(), body.httpCredentials());
    if (body.baselineWorkflowId() != null
        && !RunRequestValidator.validWorkflowId(body.baselineWorkflowId())) {
      throw InvalidRequestException.field(BASELINE_FIELD, "not a workflow id");
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
        null,
        body.allowWrites(),
        body.mutationBudgetSeconds());
  }

  /** improve-tests: the baseline must be the caller's completed run; the URL defaults to its. */
  Prepared improvement(String owner, GenerateTestsRequest body) {
    if (body.baselineWorkflowId() == null || body.baselineWorkflowId().isBlank()) {
      throw InvalidRequestException.field(BASELINE_FIELD, "required");
    }
    RunView baseline = lookup.completedBaseline(owner, body.baselineWorkflowId(), BASELINE_FIELD);
    String url =
        validator.targetUrl(
            body.url() == null || body.url().isBlank() ? baseline.targetUrl() : body.url());
    return new Prepared(request(url, body), null, baseline.workflowId());
  }

  /** observation: only the Observation stage, for the body's URL. */
  Prepared observation(String owner, GenerateTestsRequest body) {
    Prepared full = generation(owner, body);
    return new Prepared(
        withInputs(
            full.request(),
            new PipelineInputs(List.of(Agent.OBSERVATION.wireName()), null, null, null)),
        Agent.OBSERVATION.wireName(),
        full.source());
  }

  /**
   * A per-stage run of {@code stage} alone. The earlier stages' results come from the caller's
   * completed run named by {@code workflow_id} (copied from its result) or inline from the body;
   * every result the stage needs must be there (400 INVALID_FIELD naming the missing one). The URL
   * comes from the body, the earlier run, or the inline observation.
   */
  Prepared stage(String owner, StageRunRequest body, Agent stage) {
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
    ObservationResult observation;
    RequirementsResult requirements;
    AnalysisResult analysis;
    String earlierUrl;
    String source;
    GenerationResult earlier = null;
    if (body.workflowId() != null) {
      // The caller's completed run: 404 NOT_FOUND / NOT_READY, 409 RUN_FAILED / RUN_CANCELLED.
      RunView earlierRun = lookup.owned(owner, body.workflowId());
      earlier = queries.resultsOf(earlierRun);
      observation = earlier.observationResult();
      requirements = earlier.requirementsResult();
      analysis = earlier.analysisResult();
      earlierUrl = earlierRun.targetUrl();
      source = "; run " + body.workflowId() + " has none";
    } else {
      observation = body.observationResult();
      requirements = body.requirementsResult();
      analysis = body.analysisResult();
      earlierUrl = observation == null ? null : observation.targetUrl();
      source = "; give it inline or name an earlier run with workflow_id";
      refuseUnused(stage, Agent.REQUIREMENTS, "observation_result", observation);
      refuseUnused(stage, Agent.ANALYSIS, "requirements_result", requirements);
      refuseUnused(stage, Agent.EVOLUTION, "analysis_result", analysis);
      requireOwnedArtifacts(owner, observation);
    }
    require(stage, Agent.REQUIREMENTS, "observation_result", observation, source);
    require(stage, Agent.ANALYSIS, "requirements_result", requirements, source);
    require(stage, Agent.EVOLUTION, "analysis_result", analysis, source);
    String url = body.url() == null || body.url().isBlank() ? earlierUrl : body.url();
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
            body.maxIterations(),
            null,
            null);
    PipelineInputs inputs =
        earlier != null
            ? EarlierResults.inputs(stage, earlier, earlierUrl, checked)
            : new PipelineInputs(
                List.of(stage.wireName()),
                stage.compareTo(Agent.REQUIREMENTS) >= 0 ? observation : null,
                stage.compareTo(Agent.ANALYSIS) >= 0 ? requirements : null,
                stage.compareTo(Agent.EVOLUTION) >= 0 ? analysis : null);
    return new Prepared(
        withInputs(request(checked, options), inputs), stage.wireName(), body.workflowId());
  }

  /**
   * Inline results may name artifacts (screenshots) of earlier runs: each run they name must exist
   * and be the caller's, like any other reference to a run.
   */
  private void requireOwnedArtifacts(String owner, ObservationResult observation) {
    if (observation == null || observation.states() == null) return;
    Set<String> runs = new TreeSet<>();
    String prefix = ArtifactPaths.runDir("");
    for (StateInfo state : observation.states()) {
      String ref = state == null ? null : state.screenshotRef();
      if (ref == null) continue;
      if (!ref.startsWith(prefix) || ref.contains("..") || ref.indexOf('/', prefix.length()) < 0) {
        throw InvalidRequestException.field(
            "observation_result.states.screenshot_ref",
            "must name an artifact of one of your runs");
      }
      runs.add(ref.substring(prefix.length(), ref.indexOf('/', prefix.length())));
    }
    for (String run : runs) {
      lookup.referenced(owner, run, "observation_result.states.screenshot_ref");
    }
  }

  /** A stage from {@code firstNeeding} on needs the result named {@code field}. */
  private static void require(
      Agent stage, Agent firstNeeding, String field, Object result, String source) {
    if (stage.compareTo(firstNeeding) >= 0 && result == null) {
      throw InvalidRequestException.field(
          field,
          "the "
              + stage.wireName()
              + " stage needs the "
              + Agent.values()[firstNeeding.ordinal() - 1].wireName()
              + " result ("
              + field
              + ")"
              + source);
    }
  }

  /** An inline result the stage does not use is refused rather than silently ignored. */
  private static void refuseUnused(Agent stage, Agent firstUsing, String field, Object result) {
    if (result != null && stage.compareTo(firstUsing) < 0) {
      throw InvalidRequestException.field(
          field, "the " + stage.wireName() + " stage does not use " + field);
    }
  }

  private static GenerationRequest withInputs(GenerationRequest r, PipelineInputs inputs) {
    return r.with(c -> c.inputs = inputs);
  }
}
