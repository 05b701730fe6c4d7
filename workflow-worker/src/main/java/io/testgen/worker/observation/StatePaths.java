package io.testgen.worker.observation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each state was first reached: the state before it and the action's label, so the flow from
 * the start state to any state can be told (goal flows). Not thread-safe: {@link CrawlModel}'s
 * monitor guards it.
 */
final class StatePaths {
  /** State id to [parent state id, label of the action that led from it]. */
  private final Map<String, List<String>> parents = new LinkedHashMap<>();

  void reached(String stateId, String parent, String label) {
    if (parent != null && !parent.equals(stateId))
      parents.putIfAbsent(stateId, List.of(parent, label == null ? "" : label));
  }

  /** Labels of the actions from the start state to {@code stateId}. */
  List<String> flowTo(String stateId) {
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = stateId;
    while (current != null && seen.add(current)) {
      List<String> parent = parents.get(current);
      if (parent == null) break;
      labels.add(0, parent.get(1));
      current = parent.get(0);
    }
    return labels;
  }

  Map<String, List<String>> copy() {
    return CrawlCheckpoint.copy(parents);
  }

  void restore(Map<String, List<String>> saved) {
    parents.putAll(saved);
  }
}
