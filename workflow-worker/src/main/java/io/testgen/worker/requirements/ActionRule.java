package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.worker.requirements.Scenarios.displayName;
import static io.testgen.worker.requirements.Scenarios.pageName;
import static io.testgen.worker.requirements.Scenarios.safeId;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code REQ-ACT-<from>-<n>}: each distinct in-page action the crawl performed and saw change the
 * page (Enter in an input, a click that changes the page where it is, a double-click on an item, a
 * control a hover reveals), once, from the nearest state it was seen on. These are a single-page
 * app's features (add, edit, complete, delete, filter); actions the click tree of {@link
 * NavigationRule} already follows are left to it, form submissions to the form rules.
 */
final class ActionRule implements ScenarioRule {
  /** At most this many action scenarios: each is run live and verified. */
  static final int MAX_ACTIONS = 20;

  private static final Set<String> ACTIONS = Set.of("click", "press_enter", "dblclick");

  @Override
  public List<Scenario> derive(RuleInput input) {
    ObservationIndex index = input.index();
    Set<Transition> navigated = new HashSet<>(NavigationRule.tree(index, input.startStateId()));
    Map<String, Transition> byAction = new LinkedHashMap<>();
    index.transitions().stream()
        .filter(t -> inPage(index, t) && !navigated.contains(t))
        .sorted(Comparator.comparingInt(t -> depth(index, t.fromStateId())))
        .forEach(t -> byAction.putIfAbsent(t.action() + "|" + t.label(), t));
    List<Scenario> scenarios = new ArrayList<>();
    Map<String, Integer> perState = new LinkedHashMap<>();
    for (Transition t : byAction.values()) {
      if (scenarios.size() >= MAX_ACTIONS) break;
      int n = perState.merge(t.fromStateId(), 1, Integer::sum);
      scenarios.add(action(index, t, n));
    }
    return scenarios;
  }

  /**
   * An action on the page, not a move to another page: the same document before and after (a hash
   * route's filter, "#/active" to "#/", stays in the page).
   */
  private static boolean inPage(ObservationIndex index, Transition t) {
    if (!ACTIONS.contains(t.action())
        || t.label() == null
        || t.fromStateId() == null
        || t.fromStateId().equals(t.toStateId())
        || !index.hasState(t.fromStateId())
        || !index.hasState(t.toStateId())) return false;
    if (!"click".equals(t.action()) || !t.hover().isEmpty()) return true;
    StateInfo from = index.state(t.fromStateId()).orElseThrow();
    StateInfo to = index.state(t.toStateId()).orElseThrow();
    return from.url() != null
        && to.url() != null
        && document(from.url()).equals(document(to.url()));
  }

  private static String document(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static int depth(ObservationIndex index, String stateId) {
    return index.state(stateId).map(s -> s.path() == null ? 0 : s.path().size()).orElse(0);
  }

  private static Scenario action(ObservationIndex index, Transition t, int n) {
    StateInfo from = index.state(t.fromStateId()).orElseThrow();
    StateInfo to = index.state(t.toStateId()).orElseThrow();
    Map<String, String> data = new LinkedHashMap<>();
    data.put(ScenarioVocabulary.DATA_ACTION, t.label());
    if (from.url() != null) data.put("start_url", from.url());
    String label = t.label().substring(0, 1).toUpperCase() + t.label().substring(1);
    return Scenarios.of(
        "REQ-ACT-" + safeId(from.stateId()) + "-" + n,
        shorten(
            label
                + " on '"
                + Scenarios.mainHeading(from).map(h -> h.text()).orElse(displayName(from))
                + "' changes the page"),
        List.of("the user is on " + pageName(from)),
        List.of("the user does: " + shorten(t.label())),
        List.of("the page shows what the action adds and no longer shows what it removes"),
        MEDIUM,
        FUNCTIONAL,
        List.of("action"),
        data,
        Scenarios.evidence(t),
        false);
  }
}
