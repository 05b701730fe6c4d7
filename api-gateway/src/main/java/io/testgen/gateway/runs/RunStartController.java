package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.testgen.common.workflow.Agent;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that start runs: each turns its body into a run request and hands it to {@link
 * RunStarter}; each answers 202 with where to follow the run ({@link StartsRun}).
 */
@RestController
@RequestMapping(path = "/api/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "runs")
class RunStartController {
  private final RunRequestFactory requests;
  private final RunStarter starter;

  RunStartController(RunRequestFactory requests, RunStarter starter) {
    this.requests = requests;
    this.starter = starter;
  }

  @Operation(summary = "Start a full run: observe, derive requirements, analyse, evolve")
  @StartsRun("/generate-tests")
  RunAccepted generateTests(StartCall call, @Valid @RequestBody GenerateTestsRequest body) {
    return start(call, "generate", requests.generation(call.user(), body));
  }

  @Operation(summary = "Improve an earlier completed run's suite (baseline_workflow_id required)")
  @StartsRun("/improve-tests")
  RunAccepted improveTests(StartCall call, @Valid @RequestBody GenerateTestsRequest body) {
    return start(call, "improve", requests.improvement(call.user(), body));
  }

  @Operation(summary = "Run only the Observation stage for a URL")
  @StartsRun("/observation")
  RunAccepted observation(StartCall call, @Valid @RequestBody GenerateTestsRequest body) {
    return start(call, "observation", requests.observation(call.user(), body));
  }

  @Operation(
      summary =
          "Run only the Requirements stage on an earlier completed run or an inline observation_result")
  @StartsRun("/requirements")
  RunAccepted requirements(StartCall call, @Valid @RequestBody StageRunRequest body) {
    return stage(call, body, Agent.REQUIREMENTS);
  }

  @Operation(
      summary =
          "Run only the Analysis stage on an earlier completed run or inline observation_result and requirements_result")
  @StartsRun("/analysis")
  RunAccepted analysis(StartCall call, @Valid @RequestBody StageRunRequest body) {
    return stage(call, body, Agent.ANALYSIS);
  }

  @Operation(
      summary =
          "Run only the Evolution stage on an earlier completed run or inline observation_result, requirements_result and analysis_result")
  @StartsRun("/evolution")
  RunAccepted evolution(StartCall call, @Valid @RequestBody StageRunRequest body) {
    return stage(call, body, Agent.EVOLUTION);
  }

  private RunAccepted stage(StartCall call, StageRunRequest body, Agent stage) {
    return start(call, stage.wireName(), requests.stage(call.user(), body, stage));
  }

  private RunAccepted start(StartCall call, String kind, RunRequestFactory.Prepared prepared) {
    return starter.start(
        call.user(),
        prepared.request(),
        kind,
        prepared.stage(),
        prepared.source(),
        call.idempotencyKey());
  }
}
