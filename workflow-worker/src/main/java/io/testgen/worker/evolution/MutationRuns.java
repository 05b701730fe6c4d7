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
 * strength with the executor that verified it, has {@link SuiteStrengthener} add the assertions
 * that kill the faults it let survive (re-writing both suites and suite.json when it added any),
 * all within the request's budget (default: as long as the verification took; 0: off), streams the
 * score before and after as progress and stores the report beside suite.json.
 */
public final class MutationRuns {
  private MutationRuns() {}

  static EvolutionResult measure(
      EvolutionResult result,
      SuiteModel model,
      EvolutionRequest request,
      BrowserPool pool,
      TestExecutor executor,
      EvolutionSettings settings,
      SuiteStore store,
      ArtifactStore artifacts,
      AgentProgressReporter progress,
      SuiteEvolution.Heartbeat heartbeat) {
    Integer seconds = request.mutationBudgetSeconds();
    List<GeneratedTest> suite = model.suiteTests();
    if ((seconds != null && seconds <= 0) || suite.isEmpty() || request.observation() == null)
      return result;
    long start = System.nanoTime();
    Duration budget =
        seconds == null ? Duration.ofMillis(result.durationMillis()) : Duration.ofSeconds(seconds);
    MutationAnalysis analysis =
        new MutationAnalysis(
            pool,
            of(executor),
            SuiteEvolution.origin(request.targetUrl()),
            settings.parallelContexts());
    // A quarter of the budget is kept for strengthening: a fault found but never acted on helps
    // the suite less than one fewer fault tried.
    MutationReport report =
        analysis.measure(
            request.observation(),
            suite,
            budget.multipliedBy(3).dividedBy(4),
            (phase, done, total, killed) -> {
              heartbeat.beat(suite.size(), suite.size());
              progress.progress(
                  0.9 + 0.06 * (total == 0 ? 1 : (double) done / total),
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
    if (report.survived() > 0) {
      int verifyRuns = request.verifyRuns() > 0 ? request.verifyRuns() : settings.verifyRuns();
      SuiteStrengthener.Outcome outcome;
      try {
        outcome =
            new SuiteStrengthener(executor, analysis, verifyRuns)
                .strengthen(
                    suite,
                    report,
                    start + budget.toNanos(),
                    (done, total, added) -> {
                      heartbeat.beat(suite.size(), suite.size());
                      progress.progress(
                          0.96 + 0.02 * (total == 0 ? 1 : (double) done / total),
                          "Strengthening the suite: "
                              + done
                              + "/"
                              + total
                              + " surviving faults, "
                              + added
                              + " assertions added",
                          Map.of(
                              "phase",
                              "strengthen",
                              "done",
                              done,
                              "total",
                              total,
                              "strengthened",
                              added));
                    });
      } finally {
        pool.releaseThread();
      }
      report = SuiteStrengthener.after(report, outcome, (System.nanoTime() - start) / 1_000_000);
      if (!outcome.strengthened().isEmpty()) result = withSuite(result, model, outcome, store);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mutation_injected", report.injected());
    data.put("mutation_killed", report.killed());
    data.put("mutation_survived", report.survived());
    data.put("mutation_discarded", report.discarded());
    data.put("mutation_untried", report.untried());
    if (report.score() != null) data.put("mutation_score", report.score());
    if (report.scoreBefore() != null) data.put("mutation_score_before", report.scoreBefore());
    data.put("mutation_strengthened", report.strengthened().size());
    progress.progress(
        0.98,
        "Mutation score: "
            + (report.scoreBefore() == null || report.scoreBefore().equals(report.score())
                ? ""
                : percent(report.scoreBefore()) + " before strengthening, ")
            + percent(report.score())
            + " ("
            + report.killed()
            + " of "
            + (report.injected() - report.discarded())
            + " faults killed"
            + (report.strengthened().isEmpty()
                ? ""
                : ", " + report.strengthened().size() + " assertions added")
            + ")",
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

  private static String percent(Double score) {
    return score == null ? "n/a" : Math.round(score * 100) + "%";
  }

  /**
   * The result with the strengthened tests in place and both suites and suite.json written anew.
   */
  private static EvolutionResult withSuite(
      EvolutionResult result,
      SuiteModel model,
      SuiteStrengthener.Outcome outcome,
      SuiteStore store) {
    Map<String, GeneratedTest> strengthened = new LinkedHashMap<>();
    outcome.suite().forEach(t -> strengthened.put(t.testId(), t));
    List<GeneratedTest> all =
        model.tests().stream()
            .map(t -> SuiteModel.inSuite(t.status()) ? strengthened.getOrDefault(t.testId(), t) : t)
            .toList();
    Map<String, String> suites =
        store.write(new SuiteModel(model.workflowId(), model.targetUrl(), model.baseUrl(), all));
    return new EvolutionResult(
        all,
        result.testCount(),
        result.passRate(),
        result.flakyCount(),
        result.repairedCount(),
        result.failing(),
        suites,
        result.diff(),
        result.durationMillis(),
        result.mutation());
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
