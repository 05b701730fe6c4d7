package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One form to test, however many states show it: forms with the same action, method and field
 * names (a search box in the header, a login form on several pages) are one form with several
 * entry points, so the rules derive one set of scenarios for it. The first form in observation
 * order stands for the others; evidence names all of them, the first first.
 *
 * @param form the form the scenarios use (its state is where a test starts)
 * @param entries every copy, {@code form} first
 */
record DistinctForm(FormInfo form, List<FormInfo> entries) {

  /** The distinct forms of an observation, in the order their first copy was observed. */
  static List<DistinctForm> of(ObservationIndex index) {
    Map<String, List<FormInfo>> bySignature = new LinkedHashMap<>();
    for (FormInfo form : index.forms()) {
      bySignature.computeIfAbsent(signature(index, form), k -> new ArrayList<>()).add(form);
    }
    return bySignature.values().stream()
        .map(copies -> new DistinctForm(copies.get(0), List.copyOf(copies)))
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

  /**
   * Where it submits (a form without action submits to its own page), how, and which fields. The
   * target's query and fragment do not matter; its host does only when it differs from the page's.
   */
  static String signature(ObservationIndex index, FormInfo form) {
    String pageUrl = index.state(form.stateId()).map(StateInfo::url).orElse(null);
    String action = form.action() == null || form.action().isBlank() ? pageUrl : form.action();
    String method = form.method() == null ? "get" : form.method().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (FieldInfo field : orEmpty(form.fields())) {
      names.add(field.name() == null ? "#" + field.type() : field.name());
    }
    return method + " " + target(pageUrl, action) + " " + names;
  }

  private static String target(String pageUrl, String action) {
    if (action == null) {
      return "";
    }
    try {
      URI page = pageUrl == null ? null : URI.create(pageUrl);
      URI resolved = page == null ? URI.create(action) : page.resolve(action);
      String path = resolved.getPath() == null || resolved.getPath().isEmpty() ? "/" : resolved.getPath();
      return (resolved.getHost() == null ? "" : resolved.getHost()) + path;
    } catch (IllegalArgumentException unparsable) {
      return action;
    }
  }
}
