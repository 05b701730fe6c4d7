package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.SuiteDiff;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.progress.AgentProgressReporter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evolution agent without Temporal, in order: builds tests from scenarios, verifies them
 * against the live app (repair, flakiness filter), has {@link BaselineEvolution} evolve a baseline
 * suite when one is given and {@link SuiteStore} write the test model and both rendered suites, and
 * summarises.
 */
public final class SuiteEvolution {
  private static final Logger log = LoggerFactory.getLogger(SuiteEvolution.class);
  static final String USERNAME_ENV = "TESTGEN_USERNAME";
  static final String PASSWORD_ENV = "TESTGEN_PASSWORD";

  /** Lets the caller beat (and be cancelled) while tests run; may throw to stop the run. */
  public interface Heartbeat {
    void beat(int verified, int total);

    Heartbeat NONE = (verified, total) -> {};
  }

  private final BrowserPool pool;
  private final ArtifactStore artifacts;
  private final EvolutionSettings settings;
  private final SuiteStore store;

  public SuiteEvolution(BrowserPool pool, ArtifactStore artifacts, EvolutionSettings settings) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.settings = settings;
    this.store = new SuiteStore(artifacts);
  }

  public EvolutionResult evolve(
      EvolutionRequest request, AgentProgressReporter progress, Heartbeat heartbeat) {
    return evolve(request, progress, heartbeat, false);
  }

  /**
   * @param resume whether this is a retried attempt: tests an earlier attempt of the same run
   *     verified (recorded in its checkpoint) are taken over
   */
  public EvolutionResult evolve(
      EvolutionRequest request,
      AgentProgressReporter progress,
      Heartbeat heartbeat,
      boolean resume) {
    long start = System.currentTimeMillis();
    String baseUrl = origin(request.targetUrl());
    RequirementsResult requirements =
        request.requirements() == null
            ? new RequirementsResult(List.of(), null, null)
            : request.requirements();
    TestPlan plan =
        new TestModelBuilder(request.observation(), request.allowDestructive())
            .build(requirements, request.analysis());
    Map<String, String> secrets = new HashMap<>();
    if (request.loginCredentials() != null) {
      secrets.put(USERNAME_ENV, request.loginCredentials().username());
      secrets.put(PASSWORD_ENV, request.loginCredentials().password());
    }
    VerificationStop stop = new VerificationStop();
    VerificationCheckpoint checkpoint = new VerificationCheckpoint(artifacts, request.workflowId());
    TestExecutor executor =
        new TestExecutor(pool, baseUrl, secrets, request.httpCredentials(), settings, stop);
    SuiteVerifier verifier =
        new SuiteVerifier(pool, executor, artifacts, request.workflowId(), settings, stop);
    int verifyRuns = request.verifyRuns() > 0 ? request.verifyRuns() : settings.verifyRuns();
    int toLearn = plan.pending().size();
    long learnStart = System.nanoTime();
    plan = learn(plan, executor, progress, heartbeat);
    long learnMillis = (System.nanoTime() - learnStart) / 1_000_000;
    progress.progress(
        0.05,
        "Generated " + plan.candidates().size() + " candidate tests",
        Map.of("tests_generated", plan.candidates().size(), "skipped", plan.skipped().size()));

    SuiteModel baseline = store.loadBaseline(request);
    List<GeneratedTest> toVerify = new ArrayList<>();
    Set<String> baselineIds = Set.of();
    if (baseline != null) {
      List<GeneratedTest> kept = baseline.suiteTests();
      baselineIds = kept.stream().map(GeneratedTest::testId).collect(Collectors.toSet());
      kept.forEach(
          t ->
              toVerify.add(
                  SuiteVerifier.with(t, t.steps(), "candidate", 0, 0, 0, List.of(), null)));
    }
    for (GeneratedTest candidate : plan.candidates())
      if (!baselineIds.contains(candidate.testId())) toVerify.add(candidate);

    long verifyStart = System.nanoTime();
    List<GeneratedTest> verified =
        verifier.verifyAll(
            toVerify,
            verifyRuns,
            ticker(progress, heartbeat, "Verifying"),
            resume ? checkpoint.load() : Map.of(),
            checkpoint::record);
    long verifyMillis = (System.nanoTime() - verifyStart) / 1_000_000;
    int iterations = 1;
    int maxIterations = request.maxIterations() > 0 ? request.maxIterations() : 5;
    if (baseline != null) {
      BaselineEvolution.Evolved evolved =
          new BaselineEvolution(verifier, verifyRuns, progress, heartbeat)
              .evolve(verified, baselineIds, plan, requirements, request, maxIterations);
      verified = evolved.tests();
      iterations = evolved.iterations();
    }

    List<GeneratedTest> all = new ArrayList<>(verified);
    all.addAll(plan.skipped());
    SuiteModel model = new SuiteModel(request.workflowId(), request.targetUrl(), baseUrl, all);
    long writeStart = System.nanoTime();
    Map<String, String> suites = store.write(model);
    log.info(
        "event=evolution_phases workflow_id={} learn_millis={} verify_millis={} write_millis={}"
            + " scenarios_to_learn={} tests_to_verify={}",
        request.workflowId(),
        learnMillis,
        verifyMillis,
        (System.nanoTime() - writeStart) / 1_000_000,
        toLearn,
        toVerify.size());

    List<GeneratedTest> suite = model.suiteTests();
    long judged =
        verified.stream()
            .filter(t -> !"retired".equals(t.status()) && !"skipped".equals(t.status()))
            .count();
    SuiteDiff diff =
        baseline == null
            ? null
            : BaselineEvolution.diff(request, verified, baselineIds, iterations);
    EvolutionResult result =
        new EvolutionResult(
            all,
            suite.size(),
            judged == 0 ? 0 : (double) suite.size() / judged,
            count(verified, "flaky"),
            count(verified, "repaired"),
            verified.stream()
                .filter(t -> "failed".equals(t.status()))
                .map(GeneratedTest::testId)
                .toList(),
            suites,
            diff,
            System.currentTimeMillis() - start,
            null);
    result =
        MutationRuns.measure(
            result, model, request, pool, executor, settings, store, artifacts, progress,
            heartbeat);
    log.info(
        "event=evolution_done workflow_id={} tests={} passed={} repaired={} flaky={} failed={} skipped={}",
        request.workflowId(),
        result.testCount(),
        count(verified, "passed"),
        result.repairedCount(),
        result.flakyCount(),
        result.failing().size(),
        plan.skipped().size());
    return result;
  }

  /**
   * Scenarios without observed evidence run live first; what the app did becomes their assertions
   * (or the reason they cannot be tests). The learning runs on this thread, whose browser
   * connection is released afterwards.
   */
  private TestPlan learn(
      TestPlan plan, TestExecutor executor, AgentProgressReporter progress, Heartbeat heartbeat) {
    if (plan.pending().isEmpty()) return plan;
    int total = plan.pending().size();
    ScenarioLearner.Learned learned;
    try {
      learned =
          new ScenarioLearner(executor)
              .learnAll(
                  plan.pending(),
                  done -> {
                    heartbeat.beat(0, total);
                    progress.progress(
                        0.02 + 0.03 * done / total,
                        "Learning scenarios live: " + done + "/" + total,
                        Map.of("scenarios_learned", done, "scenarios_to_learn", total));
                  });
    } finally {
      pool.releaseThread();
    }
    List<GeneratedTest> skipped = new ArrayList<>(plan.skipped());
    skipped.addAll(learned.skipped());
    return new TestPlan(plan.ranked(learned.tests()), skipped, List.of(), plan.order());
  }

  /** Where a run's test model lives: {@code runs/<wf>/suite.json}. */
  public static String modelRef(String workflowId) {
    return SuiteStore.modelRef(workflowId);
  }

  static SuiteVerifier.Ticker ticker(
      AgentProgressReporter progress, Heartbeat heartbeat, String verb) {
    int[] last = {-1};
    return (verified, passed, total) -> {
      heartbeat.beat(verified, total);
      if (verified != last[0]) {
        last[0] = verified;
        progress.progress(
            0.1 + 0.8 * (total == 0 ? 1 : (double) verified / total),
            verb + " tests: " + verified + "/" + total,
            Map.of("tests_verified", verified, "tests_passed", passed, "tests_total", total));
      }
    };
  }

  private static int count(List<GeneratedTest> tests, String status) {
    return (int) tests.stream().filter(t -> status.equals(t.status())).count();
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    if (uri.getScheme() == null || uri.getHost() == null)
      throw new IllegalArgumentException("target URL has no origin: " + url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
