package io.testgen.worker.analysis;

import io.testgen.common.agents.analysis.ExecutionStrategy;
import io.testgen.common.agents.analysis.RiskAssessment;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to run ranked scenarios:
 *
 * <ul>
 *   <li>order: rank order, except that a scenario runs after the scenarios whose data it needs;
 *   <li>parallel groups: wave 0 holds scenarios without prerequisites, wave n those whose
 *       prerequisites are all in earlier waves; waves run one after another;
 *   <li>smoke set (what CI runs on every commit): in rank order, the main path (a functional
 *       scenario, not a probe) of every feature of severity {@value #SMOKE_SEVERITY} or more, the
 *       scenarios of critical priority or critical risk and the start page's render check, at most
 *       {@value #SMOKE_SIZE}, with their prerequisites;
 *   <li>time: seconds per type plus {@value #SECONDS_PER_STEP} s per action step; parallel time
 *       assumes {@value #WORKERS} workers per wave.
 * </ul>
 */
public final class ExecutionStrategyPlanner {
  static final int SMOKE_SIZE = 5;
  static final int SMOKE_SEVERITY = 4;
  static final int WORKERS = 4;
  static final double SECONDS_PER_STEP = 2;
  static final Map<String, Double> SECONDS_BY_TYPE =
      Map.of(
          "navigation", 4.0,
          "functional", 8.0,
          "form_validation", 6.0,
          "negative", 6.0,
          "edge", 6.0,
          "security", 6.0,
          "accessibility", 3.0);

  private ExecutionStrategyPlanner() {}

  /**
   * @param ranked scenarios in rank order
   * @param assessments by scenario id
   * @param prerequisites by scenario id (ids outside {@code ranked} are ignored)
   */
  public static ExecutionStrategy plan(
      List<Scenario> ranked,
      Map<String, RiskAssessment> assessments,
      Map<String, Set<String>> prerequisites) {
    Map<String, Scenario> byId = new HashMap<>();
    ranked.forEach(s -> byId.put(s.scenarioId(), s));
    List<String> order = dependencyOrder(ranked, prerequisites, byId);

    Map<String, Integer> wave = new HashMap<>();
    int waves = 0;
    for (String id : order) {
      int level = 0;
      for (String before : prerequisites.getOrDefault(id, Set.of())) {
        if (wave.containsKey(before)) {
          level = Math.max(level, wave.get(before) + 1);
        }
      }
      wave.put(id, level);
      waves = Math.max(waves, level + 1);
    }
    List<List<String>> groups = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      List<String> group = new ArrayList<>();
      for (Scenario s : ranked) {
        if (wave.get(s.scenarioId()) == w) {
          group.add(s.scenarioId());
        }
      }
      groups.add(List.copyOf(group));
    }

    double sequential = 0;
    for (Scenario s : ranked) {
      sequential += secondsFor(s);
    }
    double parallel = 0;
    for (List<String> group : groups) {
      double sum = 0;
      double longest = 0;
      for (String id : group) {
        double seconds = secondsFor(byId.get(id));
        sum += seconds;
        longest = Math.max(longest, seconds);
      }
      parallel += Math.max(longest, sum / WORKERS);
    }
    return new ExecutionStrategy(
        order,
        smokeSet(ranked, assessments, prerequisites, order),
        List.copyOf(groups),
        round(sequential),
        round(parallel));
  }

  /** Kahn's algorithm, always taking the best-ranked scenario that is ready. */
  private static List<String> dependencyOrder(
      List<Scenario> ranked, Map<String, Set<String>> prerequisites, Map<String, Scenario> byId) {
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    List<Scenario> pending = new ArrayList<>(ranked);
    while (!pending.isEmpty()) {
      Scenario next = null;
      for (Scenario s : pending) {
        boolean ready =
            prerequisites.getOrDefault(s.scenarioId(), Set.of()).stream()
                .allMatch(p -> done.contains(p) || !byId.containsKey(p));
        if (ready) {
          next = s;
          break;
        }
      }
      if (next == null) {
        next = pending.get(0); // a cycle: fall back to rank order rather than stall
      }
      pending.remove(next);
      done.add(next.scenarioId());
      order.add(next.scenarioId());
    }
    return order;
  }

  private static List<String> smokeSet(
      List<Scenario> ranked,
      Map<String, RiskAssessment> assessments,
      Map<String, Set<String>> prerequisites,
      List<String> order) {
    Set<String> chosen = new LinkedHashSet<>();
    for (Scenario s : ranked) {
      if (chosen.size() >= SMOKE_SIZE) {
        break;
      }
      RiskAssessment risk = assessments.get(s.scenarioId());
      boolean mainPathOfSevereFeature =
          ScenarioVocabulary.FUNCTIONAL.equals(s.scenarioType())
              && !s.probe()
              && risk != null
              && risk.severity() >= SMOKE_SEVERITY;
      boolean vital =
          mainPathOfSevereFeature
              || ScenarioVocabulary.CRITICAL.equals(s.priority())
              || (risk != null && ScenarioVocabulary.CRITICAL.equals(risk.level()))
              || (s.tags() != null && s.tags().contains("start") && s.tags().contains("render"));
      if (vital) {
        chosen.addAll(prerequisites.getOrDefault(s.scenarioId(), Set.of()));
        chosen.add(s.scenarioId());
      }
    }
    // Smoke tests run in execution order, so prerequisites come first.
    return order.stream().filter(chosen::contains).toList();
  }

  static double secondsFor(Scenario scenario) {
    double base = SECONDS_BY_TYPE.getOrDefault(scenario.scenarioType(), 6.0);
    int steps = scenario.when() == null ? 0 : scenario.when().size();
    return base + SECONDS_PER_STEP * steps;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
