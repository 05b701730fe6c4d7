package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.NAVIGATION;
import static io.testgen.worker.requirements.Scenarios.displayName;
import static io.testgen.worker.requirements.Scenarios.pageName;
import static io.testgen.worker.requirements.Scenarios.safeId;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code REQ-QUERY-<state>-<n>}: a link that shows the same path with other query parameters (a
 * filter, a sort order, the next page of a list, the next month of a calendar) at an address the
 * crawl loaded, or with parameters of the same names as an address of that path it loaded (the next
 * month of a calendar whose first month it loaded; parameters compared by name, in any order).
 * Which addresses a crawl keeps depends on its threads' timing; the names a template is loaded with
 * do not. The click tree of {@link NavigationRule} follows one link into each state and none back
 * into its own, yet these are a list's features; links it already follows are left to it, and so
 * are links that only drop parameters. One scenario per path and set of changed parameters (the
 * first link of each), at most two per state.
 */
final class QueryLinkRule implements ScenarioRule {
  static final int MAX_PER_STATE = 2;
  static final int MAX_TOTAL = 10;

  @Override
  public List<Scenario> derive(RuleInput input) {
    Set<String> observed = new HashSet<>();
    for (StateInfo state : input.index().states())
      for (String url : orEmpty(state.instanceUrls())) {
        observed.add(key(uri(url)));
        observed.add(shape(uri(url)));
      }
    Set<String> clicked = new HashSet<>();
    NavigationRule.tree(input.index(), input.startStateId())
        .forEach(t -> clicked.add(t.fromStateId() + "|" + t.elementId()));
    List<Scenario> scenarios = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (StateInfo state : input.index().states()) {
      if (!orEmpty(state.path()).isEmpty() || state.url() == null) continue;
      Map<String, ElementInfo> byParameters = new LinkedHashMap<>();
      for (ElementInfo link : orEmpty(state.links())) {
        if (clicked.contains(state.stateId() + "|" + link.elementId())) continue;
        String changed = changedParameters(state, link.href(), observed);
        // a link that only drops parameters ("show all", "clear filters") is no feature of its own;
        // the same filter offered on several states of one list counts once
        if (changed == null
            || !setsAValue(link.href(), changed)
            || !covered.add(uri(link.href()).path() + "|" + changed)) continue;
        byParameters.putIfAbsent(changed, link);
      }
      int n = 0;
      for (Map.Entry<String, ElementInfo> e : byParameters.entrySet()) {
        if (n >= MAX_PER_STATE || scenarios.size() >= MAX_TOTAL) break;
        scenarios.add(scenario(state, e.getValue(), e.getKey(), ++n));
      }
    }
    return scenarios;
  }

  /**
   * The names of the query parameters a link changes, comma-joined, when it leads to the same path
   * with other parameters and the crawl loaded that address or one of its shape ({@code observed}:
   * {@link #key} and {@link #shape} of each loaded address); null otherwise.
   */
  static String changedParameters(StateInfo state, String href, Set<String> observed) {
    UrlParts from = uri(state.url());
    UrlParts to = uri(href);
    if (from == null || to == null || !Objects.equals(from.path(), to.path())) return null;
    if (!observed.contains(key(to)) && !observed.contains(shape(to))) return null;
    Map<String, String> before = query(from);
    Map<String, String> after = query(to);
    List<String> changed = new ArrayList<>();
    for (String name : after.keySet())
      if (!Objects.equals(before.get(name), after.get(name))) changed.add(name);
    for (String name : before.keySet()) if (!after.containsKey(name)) changed.add(name);
    return changed.isEmpty() ? null : String.join(",", changed.stream().sorted().toList());
  }

  private static Scenario scenario(StateInfo state, ElementInfo link, String changed, int n) {
    String words = Scenarios.words(link);
    Map<String, String> after = query(uri(link.href()));
    List<String> parts = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String name : changed.split(","))
      if (after.containsKey(name)) parts.add(name + "=" + after.get(name));
      else removed.add(name);
    if (!removed.isEmpty()) parts.add("without " + String.join(", ", removed));
    String target = String.join(", ", parts);
    String shows = parts.get(0).startsWith("without ") ? "shows it " : "shows it for ";
    Map<String, String> data = new LinkedHashMap<>();
    data.put("start_url", state.url());
    data.put("target_url", link.href());
    data.put("parameters", changed);
    return Scenarios.of(
        "REQ-QUERY-" + safeId(state.stateId()) + "-" + n,
        shorten(
            "'"
                + shorten(words == null ? "link" : words.trim())
                + "' on '"
                + Scenarios.mainHeading(state).map(h -> h.text()).orElse(displayName(state))
                + "' "
                + shows
                + target),
        List.of("the user is on " + pageName(state)),
        List.of("the user follows '" + shorten(words == null ? "" : words.trim()) + "'"),
        List.of(
            "the address has "
                + target.replace("without ", "no ")
                + (removed.isEmpty() ? "" : " parameter"),
            "the page keeps its layout with the other " + changed + " applied"),
        MEDIUM,
        NAVIGATION,
        List.of("navigation", "query"),
        data,
        new Evidence(List.of(state.stateId()), List.of(), List.of(link.elementId())),
        false);
  }

  private static boolean setsAValue(String href, String changed) {
    Map<String, String> after = query(uri(href));
    for (String name : changed.split(","))
      if (after.get(name) != null && !after.get(name).isEmpty()) return true;
    return false;
  }

  /** Path and parameters (in name order): one address however its parameters are ordered. */
  private static String key(UrlParts uri) {
    return uri == null ? "" : uri.path() + "?" + query(uri);
  }

  /** Path and the names of its parameters: every address of one template with these parameters. */
  private static String shape(UrlParts uri) {
    return uri == null ? "" : uri.path() + "?names=" + query(uri).keySet();
  }

  private static UrlParts uri(String url) {
    return UrlParts.parse(url).orElse(null);
  }

  /** Query parameters by name (the last value of a repeated one), in name order. */
  private static Map<String, String> query(UrlParts uri) {
    return uri == null ? new TreeMap<>() : uri.parameters();
  }
}
