package io.testgen.worker.evolution;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.artifacts.ResultStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evolution agent as a Temporal activity: {@link SuiteEvolution} plus heartbeats (with the
 * verification count as details), cancellation (seen at a heartbeat: the browser contexts close and
 * the exception goes back to Temporal) and progress events.
 */
public final class EvolutionActivitiesImpl implements EvolutionActivities {
  private static final Logger log = LoggerFactory.getLogger(EvolutionActivitiesImpl.class);

  private final SuiteEvolution evolution;
  private final ProgressPublisher progress;
  private final ResultStore results;

  public EvolutionActivitiesImpl(
      BrowserPool pool,
      ArtifactStore artifacts,
      ProgressPublisher progress,
      EvolutionSettings settings) {
    this.evolution = new SuiteEvolution(pool, artifacts, settings);
    this.progress = progress;
    this.results = new ResultStore(artifacts);
  }

  @Override
  public EvolutionSummary evolveAndStore(EvolutionRequest request) {
    EvolutionResult result = evolve(results.inlined(request));
    return EvolutionSummary.of(result, results.put(result));
  }

  @Override
  public EvolutionResult evolve(EvolutionRequest request) {
    if (request == null || request.workflowId() == null || request.observation() == null)
      throw ApplicationFailure.newNonRetryableFailure(
          "evolution needs a workflow id and an observation", FailureTypes.INVALID_REQUEST);
    try {
      SuiteEvolution.origin(request.targetUrl());
    } catch (RuntimeException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL is not absolute: " + request.targetUrl(), FailureTypes.INVALID_TARGET);
    }
    AgentProgressReporter reporter =
        new AgentProgressReporter(progress, request.workflowId(), Agent.EVOLUTION);
    reporter.started(
        request.baselineSuiteRef() != null || request.baselineWorkflowId() != null
            ? "Improving the suite of " + request.baselineWorkflowId()
            : "Generating and verifying tests");
    // A retried attempt takes over the tests the failed attempt already verified.
    boolean resume = Activity.getExecutionContext().getInfo().getAttempt() > 1;
    try {
      EvolutionResult result =
          evolution.evolve(
              request,
              reporter,
              (verified, total) ->
                  Activity.getExecutionContext()
                      .heartbeat(Map.of("verified", verified, "total", total)),
              resume);
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("test_count", result.testCount());
      counts.put("pass_rate", result.passRate());
      counts.put("flaky_count", result.flakyCount());
      counts.put("repaired_count", result.repairedCount());
      counts.put("failing_count", result.failing().size());
      reporter.completed("Suite of " + result.testCount() + " verified tests", counts);
      return result;
    } catch (ActivityCompletionException cancelled) {
      log.info("event=evolution_cancelled workflow_id={}", request.workflowId());
      reporter.failed("Evolution cancelled");
      throw cancelled;
    } catch (BaselineNotFoundException e) {
      reporter.failed(e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_REQUEST);
    } catch (RuntimeException e) {
      log.warn(
          "event=evolution_failed workflow_id={} error={}", request.workflowId(), e.toString());
      reporter.failed("Evolution failed: " + TestExecutor.firstLine(e.getMessage()));
      throw e;
    }
  }
}
