package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Coverage;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which states, forms and elements of the observation have at least one scenario whose evidence
 * names them. Percentages have one decimal; an empty category counts as 100 % covered.
 */
public final class CoverageCalculator {
  private CoverageCalculator() {}

  public static Coverage of(ObservationIndex index, List<Scenario> scenarios) {
    Set<String> states = new HashSet<>();
    Set<String> forms = new HashSet<>();
    Set<String> elements = new HashSet<>();
    for (Scenario scenario : scenarios) {
      Evidence evidence = scenario.evidence();
      if (evidence == null) {
        continue;
      }
      orEmpty(evidence.stateIds()).stream().filter(index::hasState).forEach(states::add);
      orEmpty(evidence.formIds()).stream().filter(index::hasForm).forEach(forms::add);
      orEmpty(evidence.elementIds()).stream().filter(index::hasElement).forEach(elements::add);
    }
    int statesTotal = index.states().size();
    int formsTotal = index.forms().size();
    int elementsTotal = index.elementIds().size();
    return new Coverage(
        states.size(),
        statesTotal,
        percent(states.size(), statesTotal),
        forms.size(),
        formsTotal,
        percent(forms.size(), formsTotal),
        elements.size(),
        elementsTotal,
        percent(elements.size(), elementsTotal));
  }

  static double percent(int covered, int total) {
    if (total == 0) {
      return 100.0;
    }
    return Math.round(1000.0 * covered / total) / 10.0;
  }
}
