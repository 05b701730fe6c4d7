package io.testgen.worker.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.mutation.MutationAnalysis;
import io.testgen.worker.mutation.TestRun;
import io.testgen.worker.progress.AgentProgressReporter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evolution's one hook into mutation analysis: after verification, measures the suite's oracle
 * strength with the executor that verified it, within the request's budget (default: as long as the
 * verification took; 0: off), streams it as progress and stores it beside suite.json.
 */
public final class MutationRuns {
  private MutationRuns() {}

  static EvolutionResult measure(
      EvolutionResult result,
      List<GeneratedTest> suite,
      EvolutionRequest request,
      BrowserPool pool,
      TestExecutor executor,
      EvolutionSettings settings,
      ArtifactStore artifacts,
      AgentProgressReporter progress,
      SuiteEvolution.Heartbeat heartbeat) {
    Integer seconds = request.mutationBudgetSeconds();
    if ((seconds != null && seconds <= 0) || suite.isEmpty() || request.observation() == null)
      return result;
    Duration budget =
        seconds == null ? Duration.ofMillis(result.durationMillis()) : Duration.ofSeconds(seconds);
    MutationReport report =
        new MutationAnalysis(
                pool,
                of(executor),
                SuiteEvolution.origin(request.targetUrl()),
                settings.parallelContexts())
            .measure(
                request.observation(),
                suite,
                budget,
                (phase, done, total, killed) -> {
                  heartbeat.beat(suite.size(), suite.size());
                  progress.progress(
                      0.9 + 0.08 * (total == 0 ? 1 : (double) done / total),
                      "unmutated".equals(phase)
                          ? "Mutation analysis: unmutated run " + done + "/" + total
                          : "Mutation analysis: "
                              + done
                              + "/"
                              + total
                              + " faults, "
                              + killed
                              + " killed",
                      Map.of("phase", phase, "done", done, "total", total, "killed", killed));
                });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mutation_injected", report.injected());
    data.put("mutation_killed", report.killed());
    data.put("mutation_survived", report.survived());
    data.put("mutation_discarded", report.discarded());
    data.put("mutation_untried", report.untried());
    if (report.score() != null) data.put("mutation_score", report.score());
    progress.progress(
        0.98,
        "Mutation score: "
            + (report.score() == null ? "n/a" : Math.round(report.score() * 100) + "%")
            + " ("
            + report.killed()
            + " of "
            + (report.injected() - report.discarded())
            + " faults killed)",
        data);
    try {
      artifacts.write(
          reportRef(request.workflowId()),
          JsonMapperFactory.shared().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the mutation report", e);
    }
    return result.withMutation(report);
  }

  /** Where a run's mutation report lives: {@code runs/<wf>/mutation.json}, beside suite.json. */
  static String reportRef(String workflowId) {
    return ArtifactPaths.runDir(workflowId) + "/mutation.json";
  }

  /**
   * One run of a test on {@code baseUrl} with a fresh executor and no credentials, for callers
   * outside Evolution (mutation analysis on its own, its tests).
   */
  public static TestRun testRun(BrowserPool pool, String baseUrl, EvolutionSettings settings) {
    return of(new TestExecutor(pool, baseUrl, Map.of(), null, settings, new VerificationStop()));
  }

  /** The executor as mutation analysis sees it: one run, the page handed over before step one. */
  static TestRun of(TestExecutor executor) {
    return (test, prepare) ->
        executor
            .run(
                test,
                null,
                null,
                new TestExecutor.RunWatcher() {
                  @Override
                  public void opened(Page page, String unique) {
                    prepare.accept(page);
                  }

                  @Override
                  public void beforeStep(Page page, int index) {}

                  @Override
                  public void passed(Page page) {}
                })
            .passed();
  }
}
