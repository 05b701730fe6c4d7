package io.testgen.worker.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.SuiteDiff;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.progress.AgentProgressReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evolution agent without Temporal: builds tests from scenarios, verifies them against the live
 * app (repair, flakiness filter), evolves a baseline suite when one is given, writes the test model
 * and both rendered suites to the artifact store and summarises.
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
  private final ObjectMapper json = JsonMapperFactory.shared();

  public SuiteEvolution(BrowserPool pool, ArtifactStore artifacts, EvolutionSettings settings) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.settings = settings;
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
        new TestModelBuilder(request.observation()).build(requirements, request.analysis());
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
    plan = learn(plan, executor, progress, heartbeat);
    progress.progress(
        0.05,
        "Generated " + plan.candidates().size() + " candidate tests",
        Map.of("tests_generated", plan.candidates().size(), "skipped", plan.skipped().size()));

    SuiteModel baseline = loadBaseline(request);
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

    List<GeneratedTest> verified =
        verifier.verifyAll(
            toVerify,
            verifyRuns,
            ticker(progress, heartbeat, "Verifying"),
            resume ? checkpoint.load() : Map.of(),
            checkpoint::record);
    int iterations = 1;
    int maxIterations = request.maxIterations() > 0 ? request.maxIterations() : 5;
    if (baseline != null) {
      verified =
          regenerateBroken(verified, baselineIds, plan, verifier, verifyRuns, progress, heartbeat);
      // Tests of states that are gone are retired first: re-running them cannot help.
      verified = new ArrayList<>(retireGone(verified, baselineIds, requirements, request));
      // Another pass only helps where the previous one changed something; stop when nothing does.
      while (iterations < maxIterations
          && verified.stream().anyMatch(t -> "repaired".equals(t.status()))
          && verified.stream().anyMatch(t -> "failed".equals(t.status()))) {
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < verified.size(); i++)
          if ("failed".equals(verified.get(i).status())) failing.add(i);
        List<GeneratedTest> again =
            verifier.verifyAll(
                failing.stream().map(verified::get).toList(),
                verifyRuns,
                ticker(progress, heartbeat, "Re-verifying"));
        iterations++;
        boolean changed = false;
        for (int k = 0; k < failing.size(); k++) {
          if (!"failed".equals(again.get(k).status())) changed = true;
          verified.set(failing.get(k), again.get(k));
        }
        if (!changed) break;
      }
    }

    List<GeneratedTest> all = new ArrayList<>(verified);
    all.addAll(plan.skipped());
    SuiteModel model = new SuiteModel(request.workflowId(), request.targetUrl(), baseUrl, all);
    Map<String, String> suites = write(model);

    List<GeneratedTest> suite = model.suiteTests();
    long judged =
        verified.stream()
            .filter(t -> !"retired".equals(t.status()) && !"skipped".equals(t.status()))
            .count();
    SuiteDiff diff = baseline == null ? null : diff(request, verified, baselineIds, iterations);
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
            System.currentTimeMillis() - start);
    result =
        MutationRuns.measure(
            result, suite, request, pool, executor, settings, artifacts, progress, heartbeat);
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

  private static SuiteVerifier.Ticker ticker(
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

  /**
   * A baseline test that repair could not save, whose scenario the current observation still
   * supports, is rebuilt from what Observation sees now; if that passes, the test is kept as
   * repaired ("regenerated"), so a changed app keeps its coverage.
   */
  private static List<GeneratedTest> regenerateBroken(
      List<GeneratedTest> verified,
      Set<String> baselineIds,
      TestPlan plan,
      SuiteVerifier verifier,
      int verifyRuns,
      AgentProgressReporter progress,
      Heartbeat heartbeat) {
    Map<String, GeneratedTest> fresh = new HashMap<>();
    plan.candidates().forEach(c -> fresh.put(c.testId(), c));
    List<Integer> broken = new ArrayList<>();
    for (int i = 0; i < verified.size(); i++) {
      GeneratedTest t = verified.get(i);
      GeneratedTest candidate = fresh.get(t.testId());
      if ("failed".equals(t.status())
          && baselineIds.contains(t.testId())
          && candidate != null
          && !candidate.steps().equals(t.steps())) broken.add(i);
    }
    if (broken.isEmpty()) return verified;
    List<GeneratedTest> rebuilt =
        verifier.verifyAll(
            broken.stream().map(i -> fresh.get(verified.get(i).testId())).toList(),
            verifyRuns,
            ticker(progress, heartbeat, "Regenerating"));
    List<GeneratedTest> out = new ArrayList<>(verified);
    for (int k = 0; k < broken.size(); k++) {
      GeneratedTest t = rebuilt.get(k);
      if (!SuiteModel.inSuite(t.status())) continue;
      List<Repair> repairs = new ArrayList<>(t.repairs());
      repairs.add(
          0,
          new Repair(
              -1, "regenerated", "steps of the baseline", "steps from the current observation"));
      out.set(
          broken.get(k),
          SuiteVerifier.with(
              t, t.steps(), "repaired", t.runs(), t.passes(), t.durationMillis(), repairs, null));
    }
    return out;
  }

  /** A baseline test that no longer passes and whose state is gone is retired, not failed. */
  private static List<GeneratedTest> retireGone(
      List<GeneratedTest> verified,
      Set<String> baselineIds,
      RequirementsResult requirements,
      EvolutionRequest request) {
    Set<String> scenarioIds =
        requirements.scenarios() == null
            ? Set.of()
            : requirements.scenarios().stream()
                .map(Scenario::scenarioId)
                .collect(Collectors.toSet());
    Set<String> paths =
        request.observation().states() == null
            ? Set.of()
            : request.observation().states().stream()
                .map(StateInfo::url)
                .map(TestModelBuilder::pathWithQuery)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    List<GeneratedTest> out = new ArrayList<>();
    for (GeneratedTest t : verified) {
      boolean fromBaseline = baselineIds.contains(t.testId());
      String firstPath =
          t.steps().stream()
              .filter(s -> Steps.GOTO.equals(s.action()))
              .map(s -> s.value())
              .findFirst()
              .orElse(null);
      boolean gone =
          !scenarioIds.contains(t.scenarioId())
              || (firstPath != null && !paths.contains(firstPath));
      if (fromBaseline && "failed".equals(t.status()) && gone)
        out.add(
            SuiteVerifier.with(
                t,
                t.steps(),
                "retired",
                t.runs(),
                t.passes(),
                t.durationMillis(),
                t.repairs(),
                t.failure()));
      else out.add(t);
    }
    return out;
  }

  private static SuiteDiff diff(
      EvolutionRequest request,
      List<GeneratedTest> verified,
      Set<String> baselineIds,
      int iterations) {
    List<String> kept = new ArrayList<>();
    List<String> repaired = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> retired = new ArrayList<>();
    for (GeneratedTest t : verified) {
      boolean old = baselineIds.contains(t.testId());
      if (old && "passed".equals(t.status())) kept.add(t.testId());
      else if (old && "repaired".equals(t.status())) repaired.add(t.testId());
      else if (old && "retired".equals(t.status())) retired.add(t.testId());
      else if (!old && SuiteModel.inSuite(t.status())) added.add(t.testId());
    }
    return new SuiteDiff(request.baselineWorkflowId(), kept, repaired, added, retired, iterations);
  }

  private Map<String, String> write(SuiteModel model) {
    String wf = model.workflowId();
    Map<String, String> suites = new LinkedHashMap<>();
    List<GeneratedTest> suite = model.suiteTests();
    suites.put(
        ArtifactPaths.FORMAT_TYPESCRIPT,
        artifacts.write(
            ArtifactPaths.suiteZip(wf, ArtifactPaths.FORMAT_TYPESCRIPT),
            SuiteArchive.zip(
                "testgen-suite-playwright-ts",
                TypeScriptSuiteRenderer.render(model.baseUrl(), suite))));
    suites.put(
        ArtifactPaths.FORMAT_JAVA,
        artifacts.write(
            ArtifactPaths.suiteZip(wf, ArtifactPaths.FORMAT_JAVA),
            SuiteArchive.zip(
                "testgen-suite-playwright-java",
                JavaSuiteRenderer.render(model.baseUrl(), suite))));
    try {
      suites.put(
          ArtifactPaths.FORMAT_MODEL,
          artifacts.write(
              modelRef(wf), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(model)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the suite model", e);
    }
    return suites;
  }

  /** Where a run's test model lives: {@code runs/<wf>/suite.json}. */
  public static String modelRef(String workflowId) {
    return ArtifactPaths.runDir(workflowId) + "/suite.json";
  }

  private SuiteModel loadBaseline(EvolutionRequest request) {
    String ref = request.baselineSuiteRef();
    if ((ref == null || ref.isBlank()) && request.baselineWorkflowId() != null)
      ref = modelRef(request.baselineWorkflowId());
    if (ref == null || ref.isBlank()) return null;
    if (!artifacts.exists(ref)) throw new BaselineNotFoundException(ref);
    try {
      return json.readValue(artifacts.read(ref), SuiteModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline suite " + ref, e);
    }
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
