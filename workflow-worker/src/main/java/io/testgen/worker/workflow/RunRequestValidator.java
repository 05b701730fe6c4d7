package io.testgen.worker.workflow;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.workflow.GenerationRequest;
import java.net.URI;
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
          "url is malformed: " + request.url(), "InvalidTarget");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "url must use http or https: " + request.url(), "InvalidTarget");
    }
    if (uri.getHost() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "url has no host: " + request.url(), "InvalidTarget");
    }
    range("max_depth", request.maxDepth(), 1, 5);
    range("max_pages", request.maxPages(), 1, 500);
    range("max_scenarios", request.maxScenarios(), 1, 100);
    range("max_iterations", request.maxIterations(), 1, 20);
    range("verify_runs", request.verifyRuns(), 1, 10);
  }

  private static void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      invalid(field + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void invalid(String message) {
    throw ApplicationFailure.newNonRetryableFailure(message, "InvalidRequest");
  }
}
