package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.analysis.VerificationFeedback;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Occurrence (1..5): how likely the feature is to fail, from its complexity and from what went
 * wrong during the crawl. 1, plus:
 *
 * <pre>
 *   +1 a form with 3 or more inputs
 *   +1 a form with 3 or more validation rules (required, pattern, length, range, typed input)
 *   +1 a server round-trip (a POST, or an observed submission that answered or moved on)
 *   +2 the crawl saw errors on its states (HTTP >= 400; http, console, timeout, redirect findings)
 *   +1 the app rejected valid data during the crawl
 *   +1 a template with several instances
 * </pre>
 */
final class OccurrenceRules {
  static final int BASE = 1;
  static final int MANY = 3;
  private static final Set<String> ERROR_FINDINGS =
      Set.of("http_error", "console_error", "timeout", "redirect_loop");
  private static final Set<String> TYPED_INPUTS =
      Set.of("email", "url", "number", "date", "tel", "range", "time", "month", "week");

  private final ObservationIndex index;
  private final Map<String, VerificationFeedback.Outcome> verified = new HashMap<>();

  /**
   * @param outcomes how each scenario's test fared in verification; empty before Evolution
   */
  OccurrenceRules(ObservationIndex index, List<VerificationFeedback.Outcome> outcomes) {
    this.index = index;
    outcomes.forEach(o -> verified.putIfAbsent(o.scenarioId(), o));
  }

  /**
   * What verification saw go wrong with the scenario's own test (final register only): a test that
   * failed or was flaky +2 (the app did not behave the same twice, or not as observed), one that
   * needed repairs +1 (the page moved under it).
   */
  int verified(String scenarioId, List<String> reasons) {
    VerificationFeedback.Outcome o = verified.get(scenarioId);
    if (o == null) return 0;
    if ("failed".equals(o.status()) || "flaky".equals(o.status())) {
      reasons.add(
          "occurrence +2: its test was "
              + o.status()
              + " in verification ("
              + o.passes()
              + " of "
              + o.runs()
              + " runs passed)");
      return 2;
    }
    if (o.repairs() > 0) {
      reasons.add("occurrence +1: its test needed " + o.repairs() + " repair(s) in verification");
      return 1;
    }
    return 0;
  }

  int assess(List<StateInfo> states, List<FormInfo> forms, List<String> reasons) {
    int occurrence = BASE;
    Optional<FormInfo> widest = forms.stream().max((a, b) -> inputs(a).size() - inputs(b).size());
    if (widest.isPresent() && inputs(widest.get()).size() >= MANY) {
      occurrence += 1;
      reasons.add(
          "occurrence +1: form "
              + widest.get().formId()
              + " has "
              + inputs(widest.get()).size()
              + " inputs");
    }
    Optional<FormInfo> strictest = forms.stream().max((a, b) -> rules(a) - rules(b));
    if (strictest.isPresent() && rules(strictest.get()) >= MANY) {
      occurrence += 1;
      reasons.add(
          "occurrence +1: form "
              + strictest.get().formId()
              + " has "
              + rules(strictest.get())
              + " validation rules");
    }
    Optional<String> roundTrip =
        forms.stream().map(OccurrenceRules::roundTrip).flatMap(Optional::stream).findFirst();
    if (roundTrip.isPresent()) {
      occurrence += 1;
      reasons.add("occurrence +1: a server round-trip (" + roundTrip.get() + ")");
    }
    Optional<String> error =
        states.stream().map(this::crawlError).flatMap(Optional::stream).findFirst();
    if (error.isPresent()) {
      occurrence += 2;
      reasons.add("occurrence +2: the crawl saw errors on its states (" + error.get() + ")");
    }
    if (forms.stream().anyMatch(OccurrenceRules::rejectedValidData)) {
      occurrence += 1;
      reasons.add("occurrence +1: the app rejected valid data during the crawl");
    }
    Optional<StateInfo> template =
        states.stream().filter(s -> orEmpty(s.instanceUrls()).size() > 1).findFirst();
    if (template.isPresent()) {
      occurrence += 1;
      reasons.add(
          "occurrence +1: a template with "
              + orEmpty(template.get().instanceUrls()).size()
              + " instances");
    }
    return occurrence;
  }

  private static List<FieldInfo> inputs(FormInfo form) {
    return orEmpty(form.fields()).stream()
        .filter(
            f ->
                f.type() == null
                    || !Set.of("hidden", "submit", "button", "reset").contains(f.type()))
        .toList();
  }

  /** Declared validation rules: required, pattern, length and range bounds, typed inputs. */
  static int rules(FormInfo form) {
    int rules = 0;
    for (FieldInfo field : inputs(form)) {
      if (field.required()) rules++;
      if (field.pattern() != null) rules++;
      if (field.minLength() != null || field.maxLength() != null) rules++;
      if (field.min() != null || field.max() != null) rules++;
      if (field.type() != null && TYPED_INPUTS.contains(field.type())) rules++;
    }
    return rules;
  }

  private static Optional<String> roundTrip(FormInfo form) {
    if ("post".equalsIgnoreCase(form.method())) {
      return Optional.of("POST " + (form.action() == null ? "to its page" : form.action()));
    }
    return orEmpty(form.submissions()).stream()
        .filter(s -> s.urlChanged() && s.resultUrl() != null)
        .map(s -> "a submission went to " + s.resultUrl())
        .findFirst();
  }

  private Optional<String> crawlError(StateInfo state) {
    if (state.httpStatus() != null && state.httpStatus() >= 400) {
      return Optional.of("HTTP " + state.httpStatus() + " at " + state.url());
    }
    return index.findings().stream()
        .filter(f -> ERROR_FINDINGS.contains(f.kind()) && f.url() != null)
        .filter(f -> f.url().equals(state.url()) || orEmpty(state.instanceUrls()).contains(f.url()))
        .findFirst()
        .map(OccurrenceRules::describe);
  }

  private static String describe(Finding finding) {
    return finding.kind()
        + (finding.httpStatus() == null ? "" : " " + finding.httpStatus())
        + " at "
        + finding.url();
  }

  private static boolean rejectedValidData(FormInfo form) {
    return orEmpty(form.submissions()).stream()
        .filter(s -> "valid".equals(s.kind()))
        .anyMatch(
            s ->
                !orEmpty(s.validationMessages()).isEmpty()
                    || (s.httpStatus() != null && s.httpStatus() >= 400));
  }
}
