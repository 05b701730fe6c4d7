package io.testgen.worker.requirements;

import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The request's filters over derived scenarios: scenario types, the instruction's flow only, and a
 * cap. The cap keeps the highest priorities, families taking turns among equals ({@link #family}),
 * derivation order breaking the remaining ties; the kept scenarios stay in derivation order.
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
    // the n-th scenario of its family and priority: families take turns within a priority
    int[] turn = new int[matching.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < matching.size(); i++)
      turn[i] =
          seen.merge(matching.get(i).priority() + "|" + family(matching.get(i)), 1, Integer::sum);
    Set<Integer> kept = new HashSet<>();
    IntStream.range(0, matching.size())
        .boxed()
        .sorted(
            Comparator.comparingInt(
                    (Integer i) -> ScenarioVocabulary.priorityRank(matching.get(i).priority()))
                .thenComparingInt(i -> turn[i])
                .thenComparingInt(i -> family(matching.get(i)))
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

  /**
   * The families that take turns among equal priorities: what a user of the app does (forms,
   * searches, in-page actions, filters, and the start page's smoke check), where a click leads, how
   * another page renders, how accessible a page is. A cap keeps the first of each family, then the
   * second of each, and so on, features first at each turn: it fills the suite neither with render
   * checks while the features go untested nor the other way round.
   */
  static int family(Scenario scenario) {
    List<String> tags = scenario.tags() == null ? List.of() : scenario.tags();
    String type = scenario.scenarioType() == null ? "" : scenario.scenarioType();
    if (type.equals(ScenarioVocabulary.ACCESSIBILITY)) return 3;
    if (tags.contains("render") && !tags.contains("start")) return 2;
    if (type.equals(ScenarioVocabulary.NAVIGATION) && !tags.contains("query")) return 1;
    return 0;
  }

  static boolean onGoalFlow(Scenario scenario) {
    List<String> tags = scenario.tags() == null ? List.of() : scenario.tags();
    return tags.contains(ScenarioVocabulary.TAG_GOAL)
        || tags.contains(ScenarioVocabulary.TAG_GOAL_FLOW);
  }
}
