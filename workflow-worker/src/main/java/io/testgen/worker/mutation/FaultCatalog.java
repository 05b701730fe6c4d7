package io.testgen.worker.mutation;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the faults of a run from what Observation saw: the headings, links, lists and detail
 * fields of each state, and the labels, submit button, messages and POST of each form (from {@link
 * FormFaults}), several per state and form. States and forms take turns, so a cap keeps faults
 * spread over the app.
 */
final class FaultCatalog {
  static final String LINK_MISSING = "link_missing";
  static final String HEADING_CHANGED = "heading_text_changed";
  static final String LABEL_CHANGED = "label_text_changed";
  static final String BUTTON_REMOVED = "button_removed";
  static final String BUTTON_DISABLED = "button_disabled";
  static final String CLICK_SWALLOWED = "click_swallowed";
  static final String VALIDATION_MISSING = "validation_message_missing";
  static final String POST_500 = "post_500";
  static final String POST_WRONG_REDIRECT = "post_wrong_redirect";
  static final String LIST_EMPTY = "list_empty";
  static final String DETAIL_OTHER_VALUE = "detail_field_other_value";
  static final String SUCCESS_MISSING = "success_message_missing";

  /** The text a changed heading or label shows instead. */
  static final String CHANGED_TEXT = "Changed by fault";

  static final String OTHER_VALUE = "Another value";

  private static final int LINKS_PER_STATE = 2;

  private FaultCatalog() {}

  /** Faults for the observed app, at most {@code max}, interleaved across states and forms. */
  static List<Fault> choose(ObservationResult observation, int max) {
    List<StateInfo> states = observation.states() == null ? List.of() : observation.states();
    Map<String, StateInfo> byId =
        states.stream()
            .collect(Collectors.toMap(StateInfo::stateId, Function.identity(), (a, b) -> a));
    List<List<Fault>> groups = new ArrayList<>();
    for (StateInfo state : states) groups.add(forState(state));
    if (observation.forms() != null)
      for (FormInfo form : observation.forms()) groups.add(FormFaults.forForm(form, byId, states));
    List<Fault> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Set<List<String>> seen = new LinkedHashSet<>();
    for (int round = 0; out.size() < max; round++) {
      boolean any = false;
      for (List<Fault> group : groups) {
        if (round >= group.size()) continue;
        any = true;
        Fault f = group.get(round);
        // States a crawl told apart (a filter, a list with one more row) often share a page and
        // its texts: the same change of the same page is one fault, not one per state.
        if (out.size() < max && ids.add(f.faultId()) && seen.add(sameChange(f))) out.add(f);
      }
      if (!any) break;
    }
    return out;
  }

  private static List<String> sameChange(Fault f) {
    return java.util.Arrays.asList(
        f.operator(), f.how().name(), f.path(), f.target(), f.replacement());
  }

  private static List<Fault> forState(StateInfo state) {
    List<Fault> out = new ArrayList<>();
    Set<String> scope = scope(state);
    String path = pathKey(state.url());
    String id = state.stateId();
    boolean spa = path.contains("#");
    Heading heading =
        state.headings() == null || state.headings().isEmpty() ? null : state.headings().get(0);
    if (heading != null && usable(heading.text()))
      out.add(
          new Fault(
              HEADING_CHANGED + ":" + id,
              HEADING_CHANGED,
              id,
              "heading '" + heading.text() + "' reads '" + CHANGED_TEXT + "'",
              spa ? Fault.How.DOM : Fault.How.HTML,
              path,
              heading.text().strip(),
              CHANGED_TEXT,
              scope));
    int links = 0;
    for (ElementInfo link : state.links() == null ? List.<ElementInfo>of() : state.links()) {
      String text = link.name() != null ? link.name() : link.text();
      if (!usable(text) || links >= LINKS_PER_STATE) continue;
      links++;
      out.add(
          new Fault(
              LINK_MISSING + ":" + id + ":" + text.strip(),
              LINK_MISSING,
              id,
              "link '" + text.strip() + "' missing",
              Fault.How.DOM,
              path,
              text.strip(),
              null,
              scope));
    }
    out.add(
        new Fault(
            LIST_EMPTY + ":" + id,
            LIST_EMPTY,
            id,
            "lists and table rows rendered empty",
            Fault.How.DOM,
            path,
            null,
            null,
            scope));
    out.add(
        new Fault(
            DETAIL_OTHER_VALUE + ":" + id,
            DETAIL_OTHER_VALUE,
            id,
            "first detail field (dd, td) shows '" + OTHER_VALUE + "'",
            Fault.How.DOM,
            path,
            null,
            OTHER_VALUE,
            scope));
    return out;
  }

  static Set<String> scope(StateInfo state) {
    Set<String> out = new LinkedHashSet<>();
    out.add(pathKey(state.url()));
    if (state.instanceUrls() != null) state.instanceUrls().forEach(u -> out.add(pathKey(u)));
    return Set.copyOf(out);
  }

  static boolean usable(String text) {
    return text != null && !text.isBlank() && text.strip().length() <= 120;
  }

  /** A URL's path, with its fragment when that is a client-side route ({@code #/...}). */
  static String pathKey(String url) {
    return UrlParts.parse(url)
        .map(u -> u.hashRoute() == null ? u.pathOrRoot() : u.pathOrRoot() + "#" + u.hashRoute())
        .orElse(url);
  }
}
