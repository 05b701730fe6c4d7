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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code REQ-A11Y-<state>}: one automatic accessibility check per page template (one axe-style run
 * of the page; states of one template, {@link #templateKey}, share it, the one reached by URL
 * first), listing each rule family that applies there: labels, alt text, headings, keyboard. Low
 * risk, medium where Observation already saw a violation; one per template rather than one per rule
 * per page, so their weight in the list follows their risk, not their count.
 */
final class AccessibilityRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    Map<String, List<StateInfo>> templates = new LinkedHashMap<>();
    for (StateInfo state : input.index().states()) {
      templates.computeIfAbsent(templateKey(state), k -> new ArrayList<>()).add(state);
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (List<StateInfo> states : templates.values()) {
      StateInfo page =
          states.stream()
              .filter(s -> orEmpty(s.path()).isEmpty())
              .findFirst()
              .orElse(states.get(0));
      List<String> stateIds = new ArrayList<>(List.of(page.stateId()));
      states.stream()
          .map(StateInfo::stateId)
          .filter(id -> !stateIds.contains(id))
          .forEach(stateIds::add);
      accessibility(input.index(), page, stateIds).ifPresent(scenarios::add);
    }
    return scenarios;
  }

  /**
   * States that show one page template: the same main heading and hash route; without a heading,
   * the same path with numbers masked. States the crawl told apart by what the page held (more
   * items, an open editor, a filter, a search that answered on another URL) are one template to an
   * accessibility check.
   */
  static String templateKey(StateInfo state) {
    String path = "";
    String fragment = "";
    try {
      URI url = URI.create(state.url() == null ? "" : state.url());
      path = url.getRawPath() == null ? "" : url.getRawPath();
      fragment = url.getRawFragment() == null ? "" : url.getRawFragment();
    } catch (IllegalArgumentException unparsable) {
      path = String.valueOf(state.url());
    }
    String heading = Scenarios.mainHeading(state).map(h -> h.text().strip()).orElse("");
    String page = heading.isEmpty() ? path : "";
    return (page + "#" + fragment + "|" + heading).replaceAll("[0-9]+", "#");
  }

  private static Optional<Scenario> accessibility(
      ObservationIndex index, StateInfo state, List<String> stateIds) {
    AccessibilityFacts facts = state.accessibility();
    int controls = ObservationIndex.elementsOf(state).size();
    if (facts == null && controls == 0) {
      return Optional.empty();
    }
    List<String> then = new ArrayList<>();
    List<String> families = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    Set<String> elements = new LinkedHashSet<>();
    List<String> inputs = inputIdsOn(index, state);
    if (facts != null && !inputs.isEmpty()) {
      families.add("labels");
      then.add("each of the " + inputs.size() + " inputs has an accessible name");
      if (!orEmpty(facts.unlabelledInputs()).isEmpty()) {
        violations.add("labels");
        orEmpty(facts.unlabelledInputs()).stream().filter(index::hasElement).forEach(elements::add);
      }
    }
    if (facts != null && facts.imageCount() > 0) {
      families.add("alt");
      then.add("each of the " + facts.imageCount() + " images has an alt attribute");
      if (!orEmpty(facts.imagesWithoutAlt()).isEmpty()) {
        violations.add("alt");
        orEmpty(facts.imagesWithoutAlt()).stream().filter(index::hasElement).forEach(elements::add);
      }
    }
    if (facts != null) {
      families.add("headings");
      then.add("there is exactly one h1 and heading levels do not skip a level");
      if (facts.h1Count() != 1 || !facts.headingOrderValid()) {
        violations.add("headings");
      }
    }
    if (controls > 0) {
      families.add("keyboard");
      then.add("pressing Tab reaches each of the " + controls + " interactive controls");
    }
    List<String> tags = new ArrayList<>(List.of("a11y"));
    tags.addAll(families);
    if (!violations.isEmpty()) {
      tags.add("violation_observed");
    }
    return Optional.of(
        Scenarios.of(
            "REQ-A11Y-" + Scenarios.safeId(state.stateId()),
            Scenarios.shorten("Page '" + displayName(state) + "' passes the accessibility checks"),
            List.of("the user is on " + Scenarios.pageName(state)),
            List.of("the accessibility check runs on the page"),
            then,
            violations.isEmpty() ? LOW : MEDIUM,
            ACCESSIBILITY,
            tags,
            Map.of(),
            new Evidence(List.copyOf(stateIds), List.of(), List.copyOf(elements)),
            false));
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
