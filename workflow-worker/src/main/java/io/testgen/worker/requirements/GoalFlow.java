package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NAVIGATION;

import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The states, elements and forms the instruction's flow passes through: the goal's own step labels
 * followed from the start state, else the shortest path to the goal state. Scenarios whose evidence
 * lies on it are tagged {@code goal_flow}.
 */
record GoalFlow(List<String> stateIds, List<String> elementIds, List<String> formIds) {
  static final GoalFlow EMPTY = new GoalFlow(List.of(), List.of(), List.of());

  static GoalFlow of(ObservationIndex index, String start) {
    GoalOutcome goal = index.observation().goal();
    String target = goal == null ? null : goal.goalStateId();
    List<Transition> path = List.of();
    if (target != null && index.hasState(target)) {
      path = pathByLabels(index, start, orEmpty(goal.flowPath()), target);
      if (path.isEmpty()) {
        path = shortestPath(index, start, target);
      }
    }
    Set<String> states = new LinkedHashSet<>();
    Set<String> elements = new LinkedHashSet<>();
    Set<String> forms = new LinkedHashSet<>();
    if (start != null) {
      states.add(start);
    }
    for (Transition step : path) {
      states.add(step.toStateId());
      if (step.elementId() != null) {
        elements.add(step.elementId());
        index.formSubmittedBy(step.elementId()).ifPresent(form -> forms.add(form.formId()));
      }
    }
    if (target != null && index.hasState(target)) {
      states.add(target);
    }
    return new GoalFlow(List.copyOf(states), List.copyOf(elements), List.copyOf(forms));
  }

  /** The scenarios, those on the flow (other than the goal itself) tagged {@code goal_flow}. */
  List<Scenario> tag(List<Scenario> scenarios) {
    if (this.equals(EMPTY)) {
      return scenarios;
    }
    List<Scenario> tagged = new ArrayList<>(scenarios.size());
    for (Scenario scenario : scenarios) {
      if (!scenario.scenarioId().equals(GoalRule.GOAL_ID) && onFlow(scenario)) {
        List<String> tags = new ArrayList<>(scenario.tags());
        tags.add(ScenarioVocabulary.TAG_GOAL_FLOW);
        scenario = Scenarios.withTags(scenario, tags);
      }
      tagged.add(scenario);
    }
    return tagged;
  }

  /**
   * On the flow: a form scenario of a form the flow submits; a scenario using an element the flow
   * clicks; a functional or navigation scenario without a form whose states all lie on the flow.
   */
  private boolean onFlow(Scenario scenario) {
    Evidence evidence = scenario.evidence();
    if (!orEmpty(evidence.formIds()).isEmpty()) {
      return evidence.formIds().stream().anyMatch(formIds::contains);
    }
    if (orEmpty(evidence.elementIds()).stream().anyMatch(elementIds::contains)) {
      return true;
    }
    boolean walks =
        scenario.scenarioType().equals(FUNCTIONAL) || scenario.scenarioType().equals(NAVIGATION);
    return walks
        && !orEmpty(evidence.stateIds()).isEmpty()
        && stateIds.containsAll(evidence.stateIds());
  }

  /**
   * The path that follows the goal's own step labels from the start state, skipping steps that are
   * no transition (typing); empty unless it ends at {@code target}.
   */
  private static List<Transition> pathByLabels(
      ObservationIndex index, String from, List<String> labels, String target) {
    List<Transition> path = new ArrayList<>();
    String at = from;
    for (String label : labels) {
      String current = at;
      Optional<Transition> step =
          index.transitions().stream()
              .filter(t -> current != null && current.equals(t.fromStateId()))
              .filter(t -> t.label() != null && t.label().equalsIgnoreCase(label.strip()))
              .findFirst();
      if (step.isPresent()) {
        path.add(step.get());
        at = step.get().toStateId();
      }
    }
    return target.equals(at) ? path : List.of();
  }

  private static List<Transition> shortestPath(ObservationIndex index, String from, String to) {
    if (from == null || from.equals(to)) {
      return List.of();
    }
    Map<String, Transition> cameBy = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    Set<String> seen = new LinkedHashSet<>(List.of(from));
    while (!queue.isEmpty()) {
      String current = queue.removeFirst();
      for (Transition t : index.transitions()) {
        if (current.equals(t.fromStateId())
            && !"back".equals(t.action())
            && seen.add(t.toStateId())) {
          cameBy.put(t.toStateId(), t);
          if (t.toStateId().equals(to)) {
            List<Transition> path = new ArrayList<>();
            for (String at = to; !at.equals(from); at = cameBy.get(at).fromStateId()) {
              path.add(0, cameBy.get(at));
            }
            return path;
          }
          queue.addLast(t.toStateId());
        }
      }
    }
    return List.of();
  }
}
