package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.testgen.common.workflow.Agent;
import io.testgen.gateway.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that start runs. Each answers 202 with where to follow the run. */
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
  @PostMapping(path = "/generate-tests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted generateTests(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody GenerateTestsRequest body) {
    return start(caller, idempotencyKey, "generate", requests.generation(caller.user(), body));
  }

  @Operation(summary = "Improve an earlier completed run's suite (baseline_workflow_id required)")
  @PostMapping(path = "/improve-tests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted improveTests(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody GenerateTestsRequest body) {
    return start(caller, idempotencyKey, "improve", requests.improvement(caller.user(), body));
  }

  @Operation(summary = "Run only the Observation stage for a URL")
  @PostMapping(path = "/observation", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted observation(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody GenerateTestsRequest body) {
    return start(caller, idempotencyKey, "observation", requests.observation(caller.user(), body));
  }

  @Operation(
      summary =
          "Run only the Requirements stage on an earlier completed run or an inline observation_result")
  @PostMapping(path = "/requirements", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted requirements(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody StageRunRequest body) {
    return stage(caller, idempotencyKey, body, Agent.REQUIREMENTS);
  }

  @Operation(
      summary =
          "Run only the Analysis stage on an earlier completed run or inline observation_result and requirements_result")
  @PostMapping(path = "/analysis", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted analysis(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody StageRunRequest body) {
    return stage(caller, idempotencyKey, body, Agent.ANALYSIS);
  }

  @Operation(
      summary =
          "Run only the Evolution stage on an earlier completed run or inline observation_result, requirements_result and analysis_result")
  @PostMapping(path = "/evolution", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  RunAccepted evolution(
      @Parameter(hidden = true) Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody StageRunRequest body) {
    return stage(caller, idempotencyKey, body, Agent.EVOLUTION);
  }

  private RunAccepted stage(
      Caller caller, String idempotencyKey, StageRunRequest body, Agent stage) {
    return start(
        caller, idempotencyKey, stage.wireName(), requests.stage(caller.user(), body, stage));
  }

  private RunAccepted start(
      Caller caller, String idempotencyKey, String kind, RunRequestFactory.Prepared prepared) {
    return starter.start(
        caller.user(),
        prepared.request(),
        kind,
        prepared.stage(),
        prepared.source(),
        idempotencyKey);
  }
}
