package io.testgen.worker.workflow;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RunLimits;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The workflow's own check of its input. The gateway validates first with friendlier errors; this
 * guards runs started by any other client. Deterministic: no DNS, no clock.
 */
final class RunRequestValidator {
  private RunRequestValidator() {}

  static void validate(GenerationRequest request) {
    if (request == null) invalid("request is missing");
    if (request.url() == null || request.url().isBlank()) invalid("url is required");
    URI uri;
    try {
      uri = URI.create(request.url().trim());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "url is malformed: " + request.url(), FailureTypes.INVALID_TARGET);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "url must use http or https: " + request.url(), FailureTypes.INVALID_TARGET);
    }
    if (uri.getHost() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "url has no host: " + request.url(), FailureTypes.INVALID_TARGET);
    }
    range("max_depth", request.maxDepth(), RunLimits.MAX_DEPTH);
    range("max_pages", request.maxPages(), RunLimits.MAX_PAGES);
    range("max_scenarios", request.maxScenarios(), RunLimits.MAX_SCENARIOS);
    range("max_iterations", request.maxIterations(), RunLimits.MAX_ITERATIONS);
    range("verify_runs", request.verifyRuns(), RunLimits.MAX_VERIFY_RUNS);
    Integer budget = request.mutationBudgetSeconds();
    if (budget != null && (budget < 0 || budget > RunLimits.MAX_MUTATION_BUDGET_SECONDS)) {
      invalid(
          "mutation_budget_seconds must be between 0 and "
              + RunLimits.MAX_MUTATION_BUDGET_SECONDS
              + ", was "
              + budget);
    }
    stages(request.inputs());
    StageInputsValidator.validate(request.url(), request.inputs());
  }

  /**
   * Stages must be known, in order and contiguous; every stage before the first needs its result.
   */
  private static void stages(PipelineInputs inputs) {
    if (inputs == null || inputs.stages() == null || inputs.stages().isEmpty()) return;
    List<String> order = Arrays.stream(Agent.values()).map(Agent::wireName).toList();
    int first = -1;
    int previous = -1;
    for (String stage : inputs.stages()) {
      int index = order.indexOf(stage);
      if (index < 0) invalid("stages: unknown stage " + stage + ", expected one of " + order);
      if (previous >= 0 && index != previous + 1)
        invalid("stages must be contiguous and in order: " + inputs.stages());
      if (first < 0) first = index;
      previous = index;
    }
    if (first > 0 && !inputs.hasObservation())
      invalid("stages " + inputs.stages() + " need an observation result");
    if (first > 1 && !inputs.hasRequirements())
      invalid("stages " + inputs.stages() + " need a requirements result");
    if (first > 2 && !inputs.hasAnalysis())
      invalid("stages " + inputs.stages() + " need an analysis result");
  }

  private static void range(String field, Integer value, int max) {
    if (value != null && (value < RunLimits.MIN || value > max)) {
      invalid(field + " must be between " + RunLimits.MIN + " and " + max + ", was " + value);
    }
  }

  private static void invalid(String message) {
    throw ApplicationFailure.newNonRetryableFailure(message, FailureTypes.INVALID_REQUEST);
  }
}
