package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Detection (1..5, 5 = a failure is hardest to notice), from the evidence and, once Evolution has
 * measured its suite's oracle strength, from the faults it did or did not catch. 2, plus:
 *
 * <pre>
 *   +2 an element with only fragile locators (no unique role, label, test id, hint text, alt or
 *      title locator): a test may fail for the wrong reason or pass on the wrong element
 *   +1 a state reachable only through actions (no URL to check)
 *   +1 a form whose valid submission was never seen: what success looks like is unknown, so a
 *      test can only assert that nothing went wrong
 *   -1 navigation (the URL tells at once whether it worked)
 *   +1 the suite missed faults injected on the scenario's pages (mutation analysis)
 *   -1 the suite caught every fault injected on them
 * </pre>
 *
 * A probe gets no penalty for an unseen outcome: its oracle (the script flag, the server's answer)
 * is as exact as any assertion, and a penalty let probes outrank the happy path they probe.
 */
final class DetectionRules {
  static final int BASE = 2;

  private static final Set<String> STABLE_STRATEGIES =
      Set.of("role", "label", "test_id", Locator.HINT_TEXT, "alt", "title");

  private final ObservationIndex index;
  private final MutationReport mutation;

  /**
   * @param mutation oracle strength of the suite; null before Evolution (evidence only)
   */
  DetectionRules(ObservationIndex index, MutationReport mutation) {
    this.index = index;
    this.mutation = mutation;
  }

  int assess(
      Scenario scenario, List<StateInfo> states, List<FormInfo> forms, List<String> reasons) {
    int detection = BASE;
    if (orEmpty(scenario.evidence().elementIds()).stream().anyMatch(this::onlyFragileLocators)) {
      detection += 2;
      reasons.add("detection +2: an element with only fragile locators");
    }
    if (states.stream().anyMatch(s -> !orEmpty(s.path()).isEmpty())) {
      detection += 1;
      reasons.add("detection +1: a state reachable only through actions");
    }
    if (!scenario.probe()
        && !forms.isEmpty()
        && forms.stream().noneMatch(DetectionRules::validSubmissionSeen)) {
      detection += 1;
      reasons.add(
          "detection +1: no valid submission of form "
              + forms.get(0).formId()
              + " was seen, so its success is unknown");
    }
    if (ScenarioVocabulary.NAVIGATION.equals(scenario.scenarioType())) {
      detection -= 1;
      reasons.add("detection -1: navigation, the URL shows the outcome");
    }
    return detection + measured(states, forms, reasons);
  }

  /** From the mutation report: faults on the scenario's states that the suite missed or caught. */
  private int measured(List<StateInfo> states, List<FormInfo> forms, List<String> reasons) {
    if (mutation == null) {
      return 0;
    }
    Set<String> stateIds = new HashSet<>();
    states.forEach(s -> stateIds.add(s.stateId()));
    forms.forEach(f -> stateIds.add(f.stateId()));
    List<MutationReport.Mutant> counted =
        mutation.faults().stream()
            .filter(f -> stateIds.contains(f.stateId()))
            .filter(f -> "killed".equals(f.status()) || "survived".equals(f.status()))
            .toList();
    if (counted.isEmpty()) {
      return 0;
    }
    long survived = counted.stream().filter(f -> "survived".equals(f.status())).count();
    if (survived > 0) {
      reasons.add(
          "detection +1: the suite missed "
              + survived
              + " of "
              + counted.size()
              + " faults injected on its pages");
      return 1;
    }
    reasons.add("detection -1: the suite caught all " + counted.size() + " faults on its pages");
    return -1;
  }

  private static boolean validSubmissionSeen(FormInfo form) {
    return orEmpty(form.submissions()).stream().map(FormSubmission::kind).anyMatch("valid"::equals);
  }

  private boolean onlyFragileLocators(String elementId) {
    List<Locator> locators = index.locatorsOf(elementId);
    return locators.stream().noneMatch(l -> l.unique() && STABLE_STRATEGIES.contains(l.strategy()));
  }
}
