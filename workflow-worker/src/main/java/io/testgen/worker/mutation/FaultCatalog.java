package io.testgen.worker.mutation;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the faults of a run from what Observation saw: the headings, links, lists and detail
 * fields of each state, and the labels, submit button, messages and POST of each form, several per
 * state and form. States and forms take turns, so a cap keeps faults spread over the app.
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
      for (FormInfo form : observation.forms()) groups.add(forForm(form, byId, states));
    List<Fault> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int round = 0; out.size() < max; round++) {
      boolean any = false;
      for (List<Fault> group : groups) {
        if (round >= group.size()) continue;
        any = true;
        Fault f = group.get(round);
        if (out.size() < max && ids.add(f.faultId())) out.add(f);
      }
      if (!any) break;
    }
    return out;
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

  private static List<Fault> forForm(
      FormInfo form, Map<String, StateInfo> states, List<StateInfo> all) {
    List<Fault> out = new ArrayList<>();
    StateInfo state = states.get(form.stateId());
    if (state == null) return out;
    Set<String> scope = scope(state);
    String path = pathKey(state.url());
    String id = form.formId();
    boolean post = "post".equalsIgnoreCase(form.method());
    String action = form.action() == null ? path : pathKey(form.action());
    List<FormSubmission> submissions = form.submissions() == null ? List.of() : form.submissions();
    String submit = form.submit() == null ? null : form.submit().name();
    if (post) {
      out.add(
          new Fault(
              POST_500 + ":" + id,
              POST_500,
              form.stateId(),
              "POST " + action + " answers 500",
              Fault.How.POST,
              action,
              null,
              null,
              scope));
    }
    if (usable(submit))
      out.add(
          new Fault(
              BUTTON_DISABLED + ":" + id,
              BUTTON_DISABLED,
              form.stateId(),
              "button '" + submit + "' disabled",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    for (FormSubmission s : submissions)
      for (ValidationMessage m :
          s.validationMessages() == null ? List.<ValidationMessage>of() : s.validationMessages())
        if ("page".equals(m.source()) && usable(m.text())) {
          out.add(
              new Fault(
                  VALIDATION_MISSING + ":" + id,
                  VALIDATION_MISSING,
                  form.stateId(),
                  "validation message '" + m.text() + "' missing",
                  Fault.How.DOM,
                  null,
                  m.text().strip(),
                  null,
                  scope));
          break;
        }
    String success = successText(submissions);
    if (success != null)
      out.add(
          new Fault(
              SUCCESS_MISSING + ":" + id,
              SUCCESS_MISSING,
              form.stateId(),
              "success message '" + success + "' missing",
              Fault.How.DOM,
              null,
              success,
              null,
              scope));
    if (post) {
      String resultPath = resultPath(submissions);
      String wrong =
          all.stream()
              .map(s -> pathKey(s.url()))
              .filter(p -> !p.contains("#") && !p.equals(resultPath) && !p.equals(action))
              .findFirst()
              .orElse(null);
      if (wrong != null)
        out.add(
            new Fault(
                POST_WRONG_REDIRECT + ":" + id,
                POST_WRONG_REDIRECT,
                form.stateId(),
                "POST " + action + " redirects to " + wrong,
                Fault.How.POST,
                action,
                null,
                wrong,
                scope));
    }
    FieldInfo labelled =
        form.fields() == null
            ? null
            : form.fields().stream().filter(f -> usable(f.label())).findFirst().orElse(null);
    if (labelled != null)
      out.add(
          new Fault(
              LABEL_CHANGED + ":" + id + ":" + labelled.name(),
              LABEL_CHANGED,
              form.stateId(),
              "label '" + labelled.label() + "' reads '" + CHANGED_TEXT + "'",
              path.contains("#") ? Fault.How.DOM : Fault.How.HTML,
              path,
              labelled.label().strip(),
              CHANGED_TEXT,
              scope));
    if (usable(submit))
      out.add(
          new Fault(
              CLICK_SWALLOWED + ":" + id,
              CLICK_SWALLOWED,
              form.stateId(),
              "clicks on '" + submit + "' do nothing",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    if (usable(submit))
      out.add(
          new Fault(
              BUTTON_REMOVED + ":" + id,
              BUTTON_REMOVED,
              form.stateId(),
              "button '" + submit + "' removed",
              Fault.How.DOM,
              path,
              submit.strip(),
              null,
              scope));
    return out;
  }

  /** A success message: a new text of a valid submission that is none of the values typed. */
  private static String successText(List<FormSubmission> submissions) {
    for (FormSubmission s : submissions) {
      if (!"valid".equals(s.kind()) || s.newTexts() == null) continue;
      for (String text : s.newTexts()) {
        if (!usable(text)) continue;
        boolean typed =
            s.values() != null
                && s.values().values().stream().filter(Objects::nonNull).anyMatch(text::contains);
        if (!typed) return text.strip();
      }
    }
    return null;
  }

  private static String resultPath(List<FormSubmission> submissions) {
    return submissions.stream()
        .filter(s -> "valid".equals(s.kind()) && s.resultUrl() != null)
        .map(s -> pathKey(s.resultUrl()))
        .findFirst()
        .orElse(null);
  }

  private static Set<String> scope(StateInfo state) {
    Set<String> out = new LinkedHashSet<>();
    out.add(pathKey(state.url()));
    if (state.instanceUrls() != null) state.instanceUrls().forEach(u -> out.add(pathKey(u)));
    return Set.copyOf(out);
  }

  private static boolean usable(String text) {
    return text != null && !text.isBlank() && text.strip().length() <= 120;
  }

  /** A URL's path, with its fragment when that is a client-side route ({@code #/...}). */
  static String pathKey(String url) {
    try {
      URI uri = URI.create(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String fragment = uri.getRawFragment();
      if (fragment != null && (fragment.startsWith("/") || fragment.startsWith("!")))
        return path + "#" + fragment;
      return path;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
