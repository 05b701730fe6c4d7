package io.testgen.worker.evolution;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.security.LoginCredentials;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.Agent;
import io.testgen.worker.analysis.AnalysisActivitiesImpl;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.observation.CrawlObserver;
import io.testgen.worker.observation.CrawlSettings;
import io.testgen.worker.observation.Crawler;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import java.util.function.Predicate;

/**
 * The four agents in-process against a served fixture app, for tests of one family of generators
 * and for measurements: a crawl, the scenarios the test keeps, analysis of those, evolution (by
 * default verifying each test twice without mutation analysis).
 */
final class InProcessPipeline {
  private final BrowserPool pool;
  private final ArtifactStore artifacts;
  private final String workflowId;

  private final boolean allowDestructive;

  InProcessPipeline(BrowserPool pool, ArtifactStore artifacts, String workflowId) {
    this(pool, artifacts, workflowId, false);
  }

  private InProcessPipeline(
      BrowserPool pool, ArtifactStore artifacts, String workflowId, boolean allowDestructive) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.workflowId = workflowId;
    this.allowDestructive = allowDestructive;
  }

  /** This pipeline as a run with {@code allow_destructive}: its crawl and its tests. */
  InProcessPipeline allowingDestructive() {
    return new InProcessPipeline(pool, artifacts, workflowId, true);
  }

  ObservationResult crawl(String url, int depth, int pages, LoginCredentials login) {
    return new Crawler(pool, artifacts, TargetPolicy.allowingLoopback(), CrawlSettings.defaults())
        .crawl(
            new ObservationRequest(
                workflowId, url, depth, pages, null, login, null, allowDestructive),
            null,
            CrawlObserver.NONE);
  }

  /** All scenarios the rules derive (up to 80), then only those {@code keep} accepts. */
  RequirementsResult scenarios(
      ObservationResult observation, boolean credentials, Predicate<Scenario> keep) {
    RequirementsResult all = requirements(observation, 80, credentials);
    return new RequirementsResult(
        all.scenarios().stream().filter(keep).toList(), all.coverage(), all.llm());
  }

  /** The scenarios the rules derive, at most {@code maxScenarios}. */
  RequirementsResult requirements(
      ObservationResult observation, int maxScenarios, boolean credentials) {
    return requirements(observation, maxScenarios, credentials, java.util.List.of());
  }

  /** The scenarios of {@code types} (all when empty) the rules derive, at most {@code max}. */
  RequirementsResult requirements(
      ObservationResult observation, int max, boolean credentials, java.util.List<String> types) {
    int maxScenarios = max;
    return new RequirementsActivitiesImpl(ProgressPublisher.NONE)
        .deriveRequirements(
            new RequirementsRequest(
                workflowId, observation, null, types, maxScenarios, false, credentials));
  }

  /** Analysis, then Evolution verifying each test twice without mutation analysis. */
  EvolutionResult evolve(
      String url,
      ObservationResult observation,
      RequirementsResult requirements,
      LoginCredentials login,
      EvolutionSettings settings) {
    return evolve(url, observation, requirements, login, 2, 0, settings);
  }

  /**
   * Analysis, then Evolution in one iteration with {@code verifyRuns} per test and {@code
   * mutationBudgetSeconds} for mutation analysis (null: the default, 0: off).
   */
  EvolutionResult evolve(
      String url,
      ObservationResult observation,
      RequirementsResult requirements,
      LoginCredentials login,
      int verifyRuns,
      Integer mutationBudgetSeconds,
      EvolutionSettings settings) {
    AnalysisResult analysis =
        new AnalysisActivitiesImpl(ProgressPublisher.NONE)
            .analyse(new AnalysisRequest(workflowId, observation, requirements));
    return new SuiteEvolution(pool, artifacts, settings)
        .evolve(
            EvolutionInputs.inline(
                allowDestructive,
                workflowId,
                url,
                observation,
                requirements,
                analysis,
                login,
                null,
                1,
                verifyRuns,
                mutationBudgetSeconds),
            new AgentProgressReporter(ProgressPublisher.NONE, workflowId, Agent.EVOLUTION),
            SuiteEvolution.Heartbeat.NONE);
  }

  /** Prints each test with its status, steps and failure: what a failing assertion is read with. */
  static void print(EvolutionResult result) {
    result
        .tests()
        .forEach(
            t ->
                System.out.println(
                    "TEST "
                        + t.status()
                        + " "
                        + t.title()
                        + "\n  "
                        + t.steps()
                        + "\n  "
                        + t.failure()));
  }

  /**
   * Runs tests once more as the rendered suites do: signed in with the credentials' variables (none
   * without).
   */
  io.testgen.worker.mutation.TestRun signedInRun(
      String baseUrl,
      io.testgen.common.security.LoginCredentials login,
      EvolutionSettings settings) {
    java.util.Map<String, String> secrets =
        login == null
            ? java.util.Map.of()
            : java.util.Map.of(
                SuiteEvolution.USERNAME_ENV, login.username(),
                SuiteEvolution.PASSWORD_ENV, login.password());
    return MutationRuns.of(
        new TestExecutor(pool, baseUrl, secrets, null, settings, new VerificationStop()));
  }
}
