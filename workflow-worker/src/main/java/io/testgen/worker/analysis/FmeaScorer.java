package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FMEA of one scenario by readable rules; the rules that fire are listed in the reasons, in words,
 * with the evidence they read.
 *
 * <pre>
 * Severity (1..5): what the feature does ({@link SeverityRules}).
 * Occurrence (1..5): its complexity and what went wrong in the crawl ({@link OccurrenceRules}).
 * Detection (1..5, 5 = failures hardest to notice): 2, plus
 *   +2 an element with only fragile locators (no unique role, label, test id, hint text, alt or
 *      title locator)
 *   +1 a state reachable only through actions (no URL to check)
 *   -1 navigation (the URL tells at once whether it worked)
 * </pre>
 *
 * A probe gets no detection penalty: its oracle (the script flag, the server's answer) is as exact
 * as any assertion, and a penalty let probes outrank the happy path of the feature they probe.
 */
public final class FmeaScorer {
  static final int BASE_DETECTION = 2;

  private static final Set<String> STABLE_STRATEGIES =
      Set.of("role", "label", "test_id", Locator.HINT_TEXT, "alt", "title");

  /** Figures and the rules that produced them, before ranking. */
  public record Score(
      String scenarioId, int severity, int occurrence, int detection, List<String> reasons) {
    public int rpn() {
      return severity * occurrence * detection;
    }
  }

  private final ObservationIndex index;
  private final SeverityRules severityRules;
  private final OccurrenceRules occurrenceRules;

  public FmeaScorer(ObservationIndex index) {
    this.index = index;
    this.severityRules = new SeverityRules(index);
    this.occurrenceRules = new OccurrenceRules(index);
  }

  public Score score(Scenario scenario) {
    List<StateInfo> states = states(scenario);
    List<FormInfo> forms = forms(scenario);
    SeverityRules.Assessment severity = severityRules.assess(scenario, states, forms);
    List<String> reasons = new ArrayList<>(severity.reasons());
    int occurrence = occurrenceRules.assess(states, forms, reasons);

    int detection = BASE_DETECTION;
    if (orEmpty(scenario.evidence().elementIds()).stream().anyMatch(this::onlyFragileLocators)) {
      detection += 2;
      reasons.add("detection +2: an element with only fragile locators");
    }
    if (states.stream().anyMatch(s -> !orEmpty(s.path()).isEmpty())) {
      detection += 1;
      reasons.add("detection +1: a state reachable only through actions");
    }
    if ("navigation".equals(scenario.scenarioType())) {
      detection -= 1;
      reasons.add("detection -1: navigation, the URL shows the outcome");
    }
    return new Score(
        scenario.scenarioId(),
        clamp(severity.severity()),
        clamp(occurrence),
        clamp(detection),
        reasons);
  }

  private List<StateInfo> states(Scenario scenario) {
    return orEmpty(scenario.evidence().stateIds()).stream()
        .map(index::state)
        .flatMap(Optional::stream)
        .toList();
  }

  /** The scenario's forms, copies of one form on several states counted once. */
  private List<FormInfo> forms(Scenario scenario) {
    Map<String, FormInfo> distinct = new LinkedHashMap<>();
    orEmpty(scenario.evidence().formIds()).stream()
        .map(index::form)
        .flatMap(Optional::stream)
        .forEach(form -> distinct.putIfAbsent(index.formSignature(form), form));
    return List.copyOf(distinct.values());
  }

  private boolean onlyFragileLocators(String elementId) {
    List<Locator> locators = index.locatorsOf(elementId);
    return locators.stream().noneMatch(l -> l.unique() && STABLE_STRATEGIES.contains(l.strategy()));
  }

  private static int clamp(int value) {
    return Math.max(1, Math.min(5, value));
  }
}
