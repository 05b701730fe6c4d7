package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.SuiteDiff;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.progress.AgentProgressReporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evolves a verified baseline suite: rebuilds broken tests from the current observation, retires
 * tests of states that are gone, re-verifies while repairs keep helping, and diffs the outcome
 * against the baseline.
 */
final class BaselineEvolution {
  /** The tests after evolution and how many verification passes it took. */
  record Evolved(List<GeneratedTest> tests, int iterations) {}

  private final SuiteVerifier verifier;
  private final int verifyRuns;
  private final AgentProgressReporter progress;
  private final SuiteEvolution.Heartbeat heartbeat;

  BaselineEvolution(
      SuiteVerifier verifier,
      int verifyRuns,
      AgentProgressReporter progress,
      SuiteEvolution.Heartbeat heartbeat) {
    this.verifier = verifier;
    this.verifyRuns = verifyRuns;
    this.progress = progress;
    this.heartbeat = heartbeat;
  }

  /** {@code verified} already went through one verification pass, which counts as iteration 1. */
  Evolved evolve(
      List<GeneratedTest> verified,
      Set<String> baselineIds,
      TestPlan plan,
      RequirementsResult requirements,
      EvolutionRequest request,
      int maxIterations) {
    int iterations = 1;
    verified = regenerateBroken(verified, baselineIds, plan);
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
              SuiteEvolution.ticker(progress, heartbeat, "Re-verifying"));
      iterations++;
      boolean changed = false;
      for (int k = 0; k < failing.size(); k++) {
        if (!"failed".equals(again.get(k).status())) changed = true;
        verified.set(failing.get(k), again.get(k));
      }
      if (!changed) break;
    }
    return new Evolved(verified, iterations);
  }

  /**
   * A baseline test that repair could not save, whose scenario the current observation still
   * supports, is rebuilt from what Observation sees now; if that passes, the test is kept as
   * repaired ("regenerated"), so a changed app keeps its coverage.
   */
  private List<GeneratedTest> regenerateBroken(
      List<GeneratedTest> verified, Set<String> baselineIds, TestPlan plan) {
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
            SuiteEvolution.ticker(progress, heartbeat, "Regenerating"));
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
              .filter(s -> StepAction.GOTO.wireName().equals(s.action()))
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

  static SuiteDiff diff(
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
}
