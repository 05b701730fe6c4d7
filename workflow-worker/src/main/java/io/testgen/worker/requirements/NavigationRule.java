package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.LOW;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NAVIGATION;
import static io.testgen.worker.requirements.Scenarios.displayName;
import static io.testgen.worker.requirements.Scenarios.pageName;
import static io.testgen.worker.requirements.Scenarios.safeId;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code REQ-NAV-<from>-TO-<to>}: one click path into each state reachable by clicks, the
 * breadth-first tree from the start state in transition order (not every permutation). Form
 * submissions are covered by form scenarios, so they are not followed.
 */
final class NavigationRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    ObservationIndex index = input.index();
    return tree(index, input.startStateId()).stream().map(t -> navigation(index, t)).toList();
  }

  /** The transitions of the breadth-first click tree from {@code start}, one into each state. */
  static List<Transition> tree(ObservationIndex index, String start) {
    if (start == null) {
      return List.of();
    }
    Map<String, List<Transition>> outgoing = new LinkedHashMap<>();
    for (Transition t : index.transitions()) {
      boolean clickOrLink = "click".equals(t.action()) || "navigate".equals(t.action());
      if (clickOrLink
          && t.fromStateId() != null
          && !t.fromStateId().equals(t.toStateId())
          && index.hasState(t.fromStateId())
          && index.hasState(t.toStateId())) {
        outgoing.computeIfAbsent(t.fromStateId(), k -> new ArrayList<>()).add(t);
      }
    }
    List<Transition> tree = new ArrayList<>();
    Set<String> reached = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String from = queue.removeFirst();
      for (Transition t : outgoing.getOrDefault(from, List.of())) {
        if (reached.add(t.toStateId())) {
          queue.addLast(t.toStateId());
          tree.add(t);
        }
      }
    }
    return tree;
  }

  private static Scenario navigation(ObservationIndex index, Transition t) {
    StateInfo from = index.state(t.fromStateId()).orElseThrow();
    StateInfo to = index.state(t.toStateId()).orElseThrow();
    String action =
        t.label() != null && !t.label().isBlank()
            ? t.label()
            : index.element(t.elementId()).map(e -> "click '" + e.text() + "'").orElse(t.action());
    List<String> then = new ArrayList<>(List.of(pageName(to) + " is shown"));
    if (to.url() != null && orEmpty(to.path()).isEmpty()) {
      then.add("the URL is " + to.url());
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (from.url() != null) {
      data.put("start_url", from.url());
    }
    return Scenarios.of(
        "REQ-NAV-" + safeId(from.stateId()) + "-TO-" + safeId(to.stateId()),
        shorten("Navigate from " + displayName(from) + " to " + displayName(to)),
        List.of("the user is on " + pageName(from)),
        List.of("the user does: " + shorten(action)),
        then,
        to.depth() <= 1 ? MEDIUM : LOW,
        NAVIGATION,
        List.of("navigation"),
        data,
        Scenarios.evidence(t),
        false);
  }
}
