package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.ACCESSIBILITY;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.LOW;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.worker.requirements.Scenarios.displayName;

import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code REQ-A11Y-<state>-LABELS|ALT|HEADINGS|KEYBOARD}: automatically verifiable accessibility of
 * each state, medium where Observation already saw a violation.
 */
final class AccessibilityRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    List<Scenario> scenarios = new ArrayList<>();
    for (StateInfo state : input.index().states()) {
      scenarios.addAll(accessibility(input.index(), state));
    }
    return scenarios;
  }

  private static List<Scenario> accessibility(ObservationIndex index, StateInfo state) {
    List<Scenario> scenarios = new ArrayList<>();
    AccessibilityFacts facts = state.accessibility();
    String key = Scenarios.safeId(state.stateId());
    List<String> given = List.of("the user is on " + Scenarios.pageName(state));
    Evidence stateOnly = new Evidence(List.of(state.stateId()), List.of(), List.of());
    List<String> inputs = inputIdsOn(index, state);
    if (facts != null && !inputs.isEmpty()) {
      List<String> unlabelled =
          orEmpty(facts.unlabelledInputs()).stream().filter(index::hasElement).toList();
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-LABELS",
              "Inputs on " + displayName(state) + " have labels",
              given,
              List.of("each of the " + inputs.size() + " inputs has an accessible name"),
              !orEmpty(facts.unlabelledInputs()).isEmpty(),
              new Evidence(List.of(state.stateId()), List.of(), unlabelled)));
    }
    if (facts != null && facts.imageCount() > 0) {
      List<String> missing =
          orEmpty(facts.imagesWithoutAlt()).stream().filter(index::hasElement).toList();
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-ALT",
              "Images on " + displayName(state) + " have alt text",
              given,
              List.of("each of the " + facts.imageCount() + " images has an alt attribute"),
              !orEmpty(facts.imagesWithoutAlt()).isEmpty(),
              new Evidence(List.of(state.stateId()), List.of(), missing)));
    }
    if (facts != null) {
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-HEADINGS",
              "Headings on " + displayName(state) + " are ordered",
              given,
              List.of("there is exactly one h1", "heading levels do not skip a level"),
              facts.h1Count() != 1 || !facts.headingOrderValid(),
              stateOnly));
    }
    int controls = ObservationIndex.elementsOf(state).size();
    if (controls > 0) {
      scenarios.add(
          a11y(
              "REQ-A11Y-" + key + "-KEYBOARD",
              "Controls on " + displayName(state) + " are reachable by keyboard",
              given,
              List.of("pressing Tab reaches each of the " + controls + " interactive controls"),
              false,
              stateOnly));
    }
    return scenarios;
  }

  private static Scenario a11y(
      String id,
      String title,
      List<String> given,
      List<String> then,
      boolean violationSeen,
      Evidence evidence) {
    return Scenarios.of(
        id,
        Scenarios.shorten(title),
        given,
        List.of("the accessibility check runs on the page"),
        then,
        violationSeen ? MEDIUM : LOW,
        ACCESSIBILITY,
        violationSeen ? List.of("a11y", "violation_observed") : List.of("a11y"),
        Map.of(),
        evidence,
        false);
  }

  private static List<String> inputIdsOn(ObservationIndex index, StateInfo state) {
    Set<String> ids = new LinkedHashSet<>();
    orEmpty(state.inputs()).forEach(e -> ids.add(e.elementId()));
    for (FormInfo form : index.forms()) {
      if (state.stateId().equals(form.stateId())) {
        FormFacts.inputFields(form).forEach(f -> ids.add(f.elementId()));
      }
    }
    ids.remove(null);
    return List.copyOf(ids);
  }
}
