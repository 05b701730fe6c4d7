package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The composite rank: the more severe failure first, then highest RPN; then the scenario that
 * covers the most states, forms and elements not yet covered by higher-ranked ones; then priority;
 * then derivation order. Greedy, so coverage gain is measured against what is already ranked.
 *
 * <p>Severity comes before RPN as in the AIAG-VDA FMEA's action priority: no amount of occurrence
 * and detection on a cosmetic check outweighs a failure that locks users out or loses their data
 * (by RPN alone, a validation probe on a search box outranked the login).
 */
public final class ScenarioRanker {
  /** One ranked scenario and the coverage it adds. */
  public record Ranked(Scenario scenario, FmeaScorer.Score score, int coverageGain) {}

  private ScenarioRanker() {}

  public static List<Ranked> rank(List<Scenario> scenarios, Map<String, FmeaScorer.Score> scores) {
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      remaining.add(i);
    }
    Set<String> covered = new HashSet<>();
    List<Ranked> ranked = new ArrayList<>(scenarios.size());
    while (!remaining.isEmpty()) {
      int best = -1;
      int bestGain = -1;
      for (int i : remaining) {
        int gain = gain(scenarios.get(i), covered);
        if (best < 0 || better(scenarios, scores, i, gain, best, bestGain)) {
          best = i;
          bestGain = gain;
        }
      }
      Scenario chosen = scenarios.get(best);
      covered.addAll(evidenceKeys(chosen));
      ranked.add(new Ranked(chosen, scores.get(chosen.scenarioId()), bestGain));
      remaining.remove(Integer.valueOf(best));
    }
    return ranked;
  }

  private static boolean better(
      List<Scenario> scenarios,
      Map<String, FmeaScorer.Score> scores,
      int candidate,
      int candidateGain,
      int best,
      int bestGain) {
    int severityCandidate = scores.get(scenarios.get(candidate).scenarioId()).severity();
    int severityBest = scores.get(scenarios.get(best).scenarioId()).severity();
    if (severityCandidate != severityBest) {
      return severityCandidate > severityBest;
    }
    int rpnCandidate = scores.get(scenarios.get(candidate).scenarioId()).rpn();
    int rpnBest = scores.get(scenarios.get(best).scenarioId()).rpn();
    if (rpnCandidate != rpnBest) {
      return rpnCandidate > rpnBest;
    }
    if (candidateGain != bestGain) {
      return candidateGain > bestGain;
    }
    int priorityCandidate = ScenarioVocabulary.priorityRank(scenarios.get(candidate).priority());
    int priorityBest = ScenarioVocabulary.priorityRank(scenarios.get(best).priority());
    if (priorityCandidate != priorityBest) {
      return priorityCandidate < priorityBest;
    }
    return candidate < best;
  }

  private static int gain(Scenario scenario, Set<String> covered) {
    int gain = 0;
    for (String key : evidenceKeys(scenario)) {
      if (!covered.contains(key)) {
        gain++;
      }
    }
    return gain;
  }

  /** Evidence ids, prefixed so a state and an element with the same id stay apart. */
  static Set<String> evidenceKeys(Scenario scenario) {
    Evidence evidence = scenario.evidence();
    Set<String> keys = new LinkedHashSet<>();
    if (evidence == null) {
      return keys;
    }
    orEmpty(evidence.stateIds()).forEach(id -> keys.add("state:" + id));
    orEmpty(evidence.formIds()).forEach(id -> keys.add("form:" + id));
    orEmpty(evidence.elementIds()).forEach(id -> keys.add("element:" + id));
    return keys;
  }
}
