package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One form to test, however many states show it: forms with the same action, method and field names
 * ({@link ObservationIndex#formSignature}: a search box in the header, a login form on several
 * pages) are one form with several entry points, so the rules derive one set of scenarios for it.
 * The first form in observation order stands for the others; evidence names all of them, the first
 * first.
 *
 * @param form the form the scenarios use (its state is where a test starts)
 * @param entries every copy, {@code form} first
 */
record DistinctForm(FormInfo form, List<FormInfo> entries) {

  /** The distinct forms of an observation, in the order their first copy was observed. */
  static List<DistinctForm> of(ObservationIndex index) {
    return index.formsBySignature().stream()
        .map(copies -> new DistinctForm(copies.get(0), copies))
        .toList();
  }

  /** The states the form appears on, its own first. */
  List<String> stateIds() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    entries.forEach(f -> ids.add(f.stateId()));
    ids.remove(null);
    return List.copyOf(ids);
  }

  List<String> formIds() {
    return entries.stream().map(FormInfo::formId).toList();
  }
}
