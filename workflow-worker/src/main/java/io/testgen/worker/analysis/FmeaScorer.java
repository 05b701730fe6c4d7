package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FMEA of one scenario by readable rules. Each figure starts from a base and the rules that fire
 * are listed in the reasons.
 *
 * <pre>
 * Severity (1..5): by type - security 4; functional, negative 3; navigation, form_validation,
 *   accessibility, edge 2. Then the highest of:
 *   5  the user's goal (tag goal)
 *   5  login, checkout or payment (login form, or a state whose URL/title says checkout/payment/cart)
 *   4  a form that creates or changes data (purpose signup/create, or a POST form that is not
 *      login/search)
 *   4  the start page (tag start)
 * Occurrence (1..5): 2, plus
 *   +2 the crawl saw errors on its states (HTTP >= 400 or an error finding on the state's URLs)
 *   +1 the app rejected valid data during the crawl (validation messages or HTTP >= 400)
 *   +1 a form with 4 or more inputs
 *   +1 a template with several instances
 * Detection (1..5, 5 = failures hardest to notice): 2, plus
 *   +2 an element with only fragile locators (no unique role, label, test id, hint text, alt or
 *      title locator)
 *   +1 a state reachable only through actions (no URL to check)
 *   +1 a probe (the outcome is judged, not asserted)
 *   -1 navigation (the URL tells at once whether it worked)
 * </pre>
 */
public final class FmeaScorer {
  static final Map<String, Integer> BASE_SEVERITY =
      Map.of(
          "security", 4,
          "functional", 3,
          "negative", 3,
          "navigation", 2,
          "form_validation", 2,
          "accessibility", 2,
          "edge", 2);
  static final int BASE_OCCURRENCE = 2;
  static final int BASE_DETECTION = 2;
  static final int MANY_INPUTS = 4;

  private static final Set<String> STABLE_STRATEGIES =
      Set.of("role", "label", "test_id", Locator.HINT_TEXT, "alt", "title");
  private static final Set<String> ERROR_FINDINGS =
      Set.of("http_error", "console_error", "timeout", "redirect_loop");
  private static final Pattern MONEY_FLOW = Pattern.compile("checkout|payment|\\bpay\\b|cart");

  /** Figures and the rules that produced them, before ranking. */
  public record Score(
      String scenarioId, int severity, int occurrence, int detection, List<String> reasons) {
    public int rpn() {
      return severity * occurrence * detection;
    }
  }

  private final ObservationIndex index;

  public FmeaScorer(ObservationIndex index) {
    this.index = index;
  }

  public Score score(Scenario scenario) {
    List<String> reasons = new ArrayList<>();
    List<StateInfo> states = states(scenario);
    List<FormInfo> forms = forms(scenario);
    List<String> tags = orEmpty(scenario.tags());

    int severity = BASE_SEVERITY.getOrDefault(scenario.scenarioType(), 3);
    if (tags.contains("goal")) {
      severity = raise(severity, 5, "severity 5: the user's goal", reasons);
    }
    if (forms.stream().anyMatch(f -> "login".equals(purpose(f)))
        || tags.contains("login")
        || states.stream().anyMatch(FmeaScorer::moneyFlow)) {
      severity = raise(severity, 5, "severity 5: login, checkout or payment", reasons);
    }
    if (forms.stream().anyMatch(FmeaScorer::changesData)) {
      severity = raise(severity, 4, "severity 4: a form that creates or changes data", reasons);
    }
    if (tags.contains("start")) {
      severity = raise(severity, 4, "severity 4: the start page", reasons);
    }

    int occurrence = BASE_OCCURRENCE;
    if (states.stream().anyMatch(this::crawlSawErrors)) {
      occurrence += 2;
      reasons.add("occurrence +2: the crawl saw errors on its states");
    }
    if (forms.stream().anyMatch(FmeaScorer::rejectedValidData)) {
      occurrence += 1;
      reasons.add("occurrence +1: the app rejected valid data during the crawl");
    }
    if (forms.stream().anyMatch(f -> orEmpty(f.fields()).size() >= MANY_INPUTS)) {
      occurrence += 1;
      reasons.add("occurrence +1: a form with " + MANY_INPUTS + " or more inputs");
    }
    if (states.stream().anyMatch(s -> orEmpty(s.instanceUrls()).size() > 1)) {
      occurrence += 1;
      reasons.add("occurrence +1: a template with several instances");
    }

    int detection = BASE_DETECTION;
    if (orEmpty(scenario.evidence().elementIds()).stream().anyMatch(this::onlyFragileLocators)) {
      detection += 2;
      reasons.add("detection +2: an element with only fragile locators");
    }
    if (states.stream().anyMatch(s -> !orEmpty(s.path()).isEmpty())) {
      detection += 1;
      reasons.add("detection +1: a state reachable only through actions");
    }
    if (scenario.probe()) {
      detection += 1;
      reasons.add("detection +1: a probe, judged rather than asserted");
    }
    if ("navigation".equals(scenario.scenarioType())) {
      detection -= 1;
      reasons.add("detection -1: navigation, the URL shows the outcome");
    }
    return new Score(
        scenario.scenarioId(), clamp(severity), clamp(occurrence), clamp(detection), reasons);
  }

  private List<StateInfo> states(Scenario scenario) {
    return orEmpty(scenario.evidence().stateIds()).stream()
        .map(index::state)
        .flatMap(Optional::stream)
        .toList();
  }

  private List<FormInfo> forms(Scenario scenario) {
    return orEmpty(scenario.evidence().formIds()).stream()
        .map(index::form)
        .flatMap(Optional::stream)
        .toList();
  }

  private boolean crawlSawErrors(StateInfo state) {
    if (state.httpStatus() != null && state.httpStatus() >= 400) {
      return true;
    }
    return index.findings().stream()
        .filter(f -> ERROR_FINDINGS.contains(f.kind()) && f.url() != null)
        .anyMatch(
            f -> f.url().equals(state.url()) || orEmpty(state.instanceUrls()).contains(f.url()));
  }

  private boolean onlyFragileLocators(String elementId) {
    List<Locator> locators = index.locatorsOf(elementId);
    return locators.stream().noneMatch(l -> l.unique() && STABLE_STRATEGIES.contains(l.strategy()));
  }

  private static boolean rejectedValidData(FormInfo form) {
    return orEmpty(form.submissions()).stream()
        .filter(s -> "valid".equals(s.kind()))
        .anyMatch(
            s ->
                !orEmpty(s.validationMessages()).isEmpty()
                    || (s.httpStatus() != null && s.httpStatus() >= 400));
  }

  static boolean changesData(FormInfo form) {
    String purpose = purpose(form);
    if (purpose.equals("signup") || purpose.equals("create")) {
      return true;
    }
    return "post".equalsIgnoreCase(form.method())
        && !purpose.equals("login")
        && !purpose.equals("search");
  }

  private static boolean moneyFlow(StateInfo state) {
    String words =
        ((state.url() == null ? "" : state.url())
                + " "
                + (state.title() == null ? "" : state.title()))
            .toLowerCase(Locale.ROOT);
    return MONEY_FLOW.matcher(words).find();
  }

  private static String purpose(FormInfo form) {
    return form.purpose() == null ? "generic" : form.purpose().toLowerCase(Locale.ROOT);
  }

  private static int raise(int current, int to, String reason, List<String> reasons) {
    if (to > current) {
      reasons.add(reason);
      return to;
    }
    return current;
  }

  private static int clamp(int value) {
    return Math.max(1, Math.min(5, value));
  }
}
