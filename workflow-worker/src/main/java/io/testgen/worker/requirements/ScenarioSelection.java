package io.testgen.worker.requirements;

import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The request's filters over derived scenarios: scenario types, the instruction's flow only, and a
 * cap. The cap keeps the highest priorities (derivation order breaks ties); the kept scenarios stay
 * in derivation order.
 *
 * @param scenarioTypes types to keep; empty keeps all
 */
public record ScenarioSelection(List<String> scenarioTypes, int maxScenarios, boolean goalOnly) {
  public static final int MIN_SCENARIOS = 1;
  public static final int MAX_SCENARIOS = 100;

  public ScenarioSelection {
    scenarioTypes = scenarioTypes == null ? List.of() : List.copyOf(scenarioTypes);
  }

  public List<Scenario> apply(List<Scenario> derived) {
    List<Scenario> matching =
        derived.stream()
            .filter(s -> scenarioTypes.isEmpty() || scenarioTypes.contains(s.scenarioType()))
            .filter(s -> !goalOnly || onGoalFlow(s))
            .toList();
    if (matching.size() <= maxScenarios) {
      return matching;
    }
    Set<Integer> kept = new HashSet<>();
    IntStream.range(0, matching.size())
        .boxed()
        .sorted(
            Comparator.comparingInt(
                    (Integer i) -> ScenarioVocabulary.priorityRank(matching.get(i).priority()))
                .thenComparingInt(i -> i))
        .limit(maxScenarios)
        .forEach(kept::add);
    List<Scenario> selected = new ArrayList<>(maxScenarios);
    for (int i = 0; i < matching.size(); i++) {
      if (kept.contains(i)) {
        selected.add(matching.get(i));
      }
    }
    return selected;
  }

  static boolean onGoalFlow(Scenario scenario) {
    List<String> tags = scenario.tags() == null ? List.of() : scenario.tags();
    return tags.contains(ScenarioVocabulary.TAG_GOAL)
        || tags.contains(ScenarioVocabulary.TAG_GOAL_FLOW);
  }
}
