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
 * breadth-first tree from the start state in transition order (not every permutation), and the way
 * out of each error page the tree reaches (its link back to the start, else its first link to a
 * page the tree does not already enter from it): an error page strands its users when that link is
 * broken. Form submissions are covered by form scenarios, so they are not followed.
 */
final class NavigationRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    ObservationIndex index = input.index();
    List<Transition> tree = tree(index, input.startStateId());
    List<Transition> all = new ArrayList<>(tree);
    all.addAll(waysOut(index, tree, input.startStateId()));
    return all.stream().map(t -> navigation(index, t)).toList();
  }

  /** One link out of each error page (status >= 400) the tree enters, preferring the start. */
  static List<Transition> waysOut(ObservationIndex index, List<Transition> tree, String start) {
    Set<String> inTree = new LinkedHashSet<>();
    for (Transition t : tree) inTree.add(t.fromStateId() + " " + t.toStateId());
    Map<String, List<Transition>> outgoing = clicks(index);
    List<Transition> ways = new ArrayList<>();
    for (Transition into : tree) {
      String page = into.toStateId();
      StateInfo state = index.state(page).orElseThrow();
      if (state.httpStatus() == null || state.httpStatus() < 400) continue;
      List<Transition> out =
          outgoing.getOrDefault(page, List.of()).stream()
              .filter(t -> t.elementId() != null && !inTree.contains(page + " " + t.toStateId()))
              .toList();
      out.stream()
          .filter(t -> t.toStateId().equals(start))
          .findFirst()
          .or(() -> out.stream().findFirst())
          .ifPresent(ways::add);
    }
    return ways;
  }

  /** The transitions of the breadth-first click tree from {@code start}, one into each state. */
  static List<Transition> tree(ObservationIndex index, String start) {
    if (start == null) {
      return List.of();
    }
    Map<String, List<Transition>> outgoing = clicks(index);
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

  /** Clicks and link follows between two different observed states, by source state. */
  private static Map<String, List<Transition>> clicks(ObservationIndex index) {
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
    return outgoing;
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
