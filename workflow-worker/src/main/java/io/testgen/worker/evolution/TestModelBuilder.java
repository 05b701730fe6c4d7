package io.testgen.worker.evolution;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestFailure;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns scenarios into tests of structured steps. Every expectation comes from something
 * Observation recorded (a title, a heading, the URL or texts after a submission, a validation
 * message); a scenario with nothing observed to assert is skipped with the reason, never guessed.
 */
final class TestModelBuilder {
  private static final int MAX_NEW_TEXTS = 3;

  /** Why a scenario cannot become a verifiable test. */
  private static final class Skip extends RuntimeException {
    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ObservationResult observation;
  private final Map<String, StateInfo> states = new HashMap<>();
  private final Map<String, FormInfo> forms = new HashMap<>();
  private List<TestStep> loginSteps;

  TestModelBuilder(ObservationResult observation) {
    this.observation = observation;
    nullSafe(observation.states()).forEach(s -> states.put(s.stateId(), s));
    nullSafe(observation.forms()).forEach(f -> forms.put(f.formId(), f));
  }

  TestPlan build(RequirementsResult requirements, AnalysisResult analysis) {
    List<Scenario> scenarios = new ArrayList<>(nullSafe(requirements.scenarios()));
    if (analysis != null && analysis.ranking() != null && !analysis.ranking().isEmpty()) {
      List<String> ranking = analysis.ranking();
      scenarios.sort(
          Comparator.comparingInt(
              s -> {
                int at = ranking.indexOf(s.scenarioId());
                return at < 0 ? Integer.MAX_VALUE : at;
              }));
    }
    List<GeneratedTest> candidates = new ArrayList<>();
    List<GeneratedTest> skipped = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      try {
        candidates.add(test(scenario, withLogin(scenario, steps(scenario))));
      } catch (Skip skip) {
        skipped.add(skipped(scenario, skip.getMessage()));
      }
    }
    return new TestPlan(candidates, skipped);
  }

  /**
   * When the crawl worked logged in, every test but the login tests first signs in the way the
   * crawl did, with credentials read from the environment.
   */
  private List<TestStep> withLogin(Scenario s, List<TestStep> steps) {
    if (!observation.loggedIn() || s.scenarioId().startsWith("REQ-LOGIN-")) return steps;
    if (loginSteps == null) loginSteps = loginSteps();
    if (loginSteps.isEmpty()) return steps;
    List<TestStep> all = new ArrayList<>(loginSteps);
    all.addAll(steps);
    return all;
  }

  private List<TestStep> loginSteps() {
    for (FormInfo form : forms.values()) {
      if (!"login".equals(form.purpose())) continue;
      for (FormSubmission sub : submissions(form)) {
        if (!List.of("login", "login_success", "valid").contains(sub.kind())) continue;
        try {
          List<TestStep> steps = new ArrayList<>(fillForm(Map.of(), form, null, null));
          steps.add(submit(form));
          String path = pathOnly(sub.resultUrl());
          if (sub.urlChanged() && path != null) steps.add(Steps.expectUrl(path));
          return steps;
        } catch (Skip skip) {
          return List.of();
        }
      }
    }
    return List.of();
  }

  static GeneratedTest test(Scenario s, List<TestStep> steps) {
    return new GeneratedTest(
        s.scenarioId(),
        s.scenarioId(),
        s.title(),
        s.priority(),
        steps,
        "candidate",
        0,
        0,
        0,
        List.of(),
        null);
  }

  static GeneratedTest skipped(Scenario s, String reason) {
    return new GeneratedTest(
        s.scenarioId(),
        s.scenarioId(),
        s.title(),
        s.priority(),
        List.of(),
        "skipped",
        0,
        0,
        0,
        List.of(),
        new TestFailure(-1, null, reason, null));
  }

  private List<TestStep> steps(Scenario s) {
    String id = s.scenarioId() == null ? "" : s.scenarioId();
    if (s.probe()) throw new Skip("security probe: reported by analysis, not asserted as a test");
    if (id.startsWith("REQ-RENDER-")) return render(s);
    if (id.startsWith("REQ-NAV-")) return navigation(s);
    if (id.startsWith("REQ-FORM-") && id.contains("-REQUIRED-")) return required(s);
    if (id.startsWith("REQ-FORM-") && id.endsWith("-HAPPY")) return happyForm(s, "valid");
    if (id.startsWith("REQ-SEARCH-")) return search(s);
    if (id.startsWith("REQ-LOGIN-")) return login(s);
    if (id.startsWith("REQ-A11Y-")) return accessibility(s);
    if (id.equals("REQ-GOAL") && !evidenceForms(s).isEmpty()) return happyForm(s, "valid");
    if (id.equals("REQ-GOAL")) throw new Skip("goal flow has no form to replay and no outcome");
    throw new Skip("no test generator for scenario type " + s.scenarioType());
  }

  // --- generators -------------------------------------------------------------------------

  private List<TestStep> render(Scenario s) {
    StateInfo state =
        firstState(s)
            .or(() -> Optional.ofNullable(states.get(s.scenarioId().substring(11))))
            .orElseThrow(() -> new Skip("state of the scenario was not observed"));
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.goTo(reachablePath(state)));
    steps.addAll(stateExpectations(state));
    if (steps.size() == 1) throw new Skip("state has no title or heading to assert");
    return steps;
  }

  private List<TestStep> navigation(Scenario s) {
    List<String> ids = nullSafe(s.evidence() == null ? null : s.evidence().stateIds());
    if (ids.size() < 2) throw new Skip("navigation scenario names no source and target state");
    StateInfo from = state(ids.get(0));
    StateInfo to = state(ids.get(1));
    String elementId =
        evidenceElements(s).stream()
            .findFirst()
            .orElseGet(
                () ->
                    nullSafe(observation.transitions()).stream()
                        .filter(t -> from.stateId().equals(t.fromStateId()))
                        .filter(t -> to.stateId().equals(t.toStateId()))
                        .map(Transition::elementId)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElseThrow(() -> new Skip("no observed element leads to the target")));
    ElementInfo element =
        Stream.concat(nullSafe(from.links()).stream(), nullSafe(from.buttons()).stream())
            .filter(e -> elementId.equals(e.elementId()))
            .findFirst()
            .orElseThrow(() -> new Skip("element " + elementId + " not on the source state"));
    if (nullSafe(element.locators()).isEmpty()) throw new Skip("element has no locator");
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.goTo(reachablePath(from)));
    steps.add(Steps.click(element.locators(), label(element)));
    String toPath = pathOnly(to.url());
    if (toPath != null && !toPath.equals(pathOnly(from.url()))) steps.add(Steps.expectUrl(toPath));
    steps.addAll(stateExpectations(to));
    if (steps.size() == 2) throw new Skip("target state has nothing observed to assert");
    return steps;
  }

  private List<TestStep> happyForm(Scenario s, String kind) {
    FormInfo form = evidenceForm(s);
    FormSubmission submission =
        submissions(form).stream()
            .filter(sub -> kind.equals(sub.kind()))
            .findFirst()
            .orElseThrow(() -> new Skip("no " + kind + " submission of the form was observed"));
    return submitAndExpect(s, form, submission, null);
  }

  private List<TestStep> search(Scenario s) {
    FormInfo form = evidenceForm(s);
    Map<String, String> data = nullSafe(s.testData());
    // The submission whose typed values are this scenario's query: its outcome is what we assert.
    FormSubmission submission =
        submissions(form).stream()
            .filter(sub -> sub.values() != null && !sub.values().isEmpty())
            .filter(sub -> sameValues(sub.values(), data))
            .findFirst()
            .orElseThrow(() -> new Skip("no search with this query was observed"));
    return submitAndExpect(s, form, submission, null);
  }

  private List<TestStep> login(Scenario s) {
    FormInfo form = evidenceForm(s);
    boolean success = s.scenarioId().endsWith("SUCCESS");
    List<String> kinds =
        success
            ? List.of("login", "login_success", "valid")
            : List.of("login_failure", "invalid", "invalid_credentials");
    FormSubmission submission =
        submissions(form).stream()
            .filter(sub -> kinds.contains(sub.kind()))
            .findFirst()
            .orElseThrow(() -> new Skip("login outcome was not observed"));
    return submitAndExpect(s, form, submission, null);
  }

  private List<TestStep> required(Scenario s) {
    FormInfo form = evidenceForm(s);
    String fieldName = s.scenarioId().substring(s.scenarioId().indexOf("-REQUIRED-") + 10);
    FieldInfo empty =
        nullSafe(form.fields()).stream()
            .filter(f -> fieldName.equals(f.name()) || fieldName.equals(f.elementId()))
            .findFirst()
            .orElseThrow(() -> new Skip("field " + fieldName + " not in the form"));
    FormSubmission submission =
        submissions(form).stream()
            .filter(sub -> "empty_required".equals(sub.kind()))
            .findFirst()
            .orElseThrow(() -> new Skip("no submission with empty required fields was observed"));
    List<TestStep> steps =
        new ArrayList<>(fillForm(nullSafe(s.testData()), form, submission, empty));
    steps.add(submit(form));
    List<ValidationMessage> messages =
        nullSafe(submission.validationMessages()).stream()
            .filter(m -> m.field() == null || m.field().equals(empty.name()))
            .toList();
    // The first message observed for the field is the assertion; one is enough to fail on.
    messages.stream()
        .map(m -> validationExpectation(m, empty))
        .filter(Objects::nonNull)
        .findFirst()
        .ifPresent(steps::add);
    if (!submission.urlChanged() && form.stateId() != null && states.containsKey(form.stateId())) {
      String path = pathOnly(submission.resultUrl());
      if (path != null) steps.add(Steps.expectUrl(path));
    }
    if (steps.stream().noneMatch(Steps::isExpectation))
      throw new Skip("no validation message was observed for " + fieldName);
    return steps;
  }

  private static TestStep validationExpectation(ValidationMessage m, FieldInfo field) {
    if ("native".equals(m.source()))
      return field.name() == null
          ? null
          : Steps.expectCount(
              List.of(Locator.css("[name=\"" + field.name() + "\"]:invalid", false)),
              1,
              "invalid field " + field.name());
    if (m.text() == null || m.text().isBlank()) return null;
    return Steps.expectVisible(
        List.of(new Locator("text", m.text(), null, false)), "'" + m.text() + "'");
  }

  private List<TestStep> accessibility(Scenario s) {
    StateInfo state = firstState(s).orElseThrow(() -> new Skip("state was not observed"));
    AccessibilityFacts facts = state.accessibility();
    if (facts == null) throw new Skip("no accessibility facts observed");
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.goTo(reachablePath(state)));
    if (facts.hasLang())
      steps.add(Steps.expectCount(List.of(Locator.css("html[lang]", true)), 1, "html[lang]"));
    if (facts.h1Count() == 1)
      steps.add(Steps.expectCount(List.of(Locator.css("h1", true)), 1, "h1 heading"));
    if (facts.imageCount() > 0 && nullSafe(facts.imagesWithoutAlt()).isEmpty())
      steps.add(
          Steps.expectCount(
              List.of(Locator.css("img:not([alt])", false)), 0, "images without alt"));
    if (steps.size() == 1)
      throw new Skip("accessibility facts show violations; reported, not asserted as passing");
    return steps;
  }

  // --- building blocks --------------------------------------------------------------------

  private List<TestStep> submitAndExpect(
      Scenario s, FormInfo form, FormSubmission submission, FieldInfo leaveEmpty) {
    List<TestStep> steps =
        new ArrayList<>(fillForm(nullSafe(s.testData()), form, submission, leaveEmpty));
    steps.add(submit(form));
    int before = steps.size();
    if (submission.urlChanged() && submission.resultUrl() != null) {
      String path = pathOnly(submission.resultUrl());
      if (path != null) steps.add(Steps.expectUrl(path));
    }
    Map<String, String> typed = nullSafe(submission.values());
    Map<String, String> data = nullSafe(s.testData());
    nullSafe(submission.newTexts()).stream()
        .filter(t -> t != null && !t.isBlank())
        .limit(MAX_NEW_TEXTS)
        .forEach(
            text -> {
              String expected = substituteTyped(text, typed, data);
              steps.add(
                  Steps.expectVisible(
                      List.of(new Locator("text", expected, null, false)), "'" + expected + "'"));
            });
    nullSafe(submission.validationMessages()).stream()
        .filter(m -> !"native".equals(m.source()) && m.text() != null && !m.text().isBlank())
        .findFirst()
        .ifPresent(
            m ->
                steps.add(
                    Steps.expectVisible(
                        List.of(new Locator("text", m.text(), null, false)),
                        "'" + m.text() + "'")));
    if (steps.size() == before) throw new Skip("the submission changed nothing observable");
    return steps;
  }

  /** A text the app echoed from a typed value shows this run's value instead. */
  private static String substituteTyped(
      String text, Map<String, String> typed, Map<String, String> data) {
    // Every echoed value is replaced (a message may echo several), longest first so that a value
    // contained in another does not break it.
    List<Map.Entry<String, String>> entries = new ArrayList<>(typed.entrySet());
    entries.sort(
        (a, b) ->
            Integer.compare(
                b.getValue() == null ? 0 : b.getValue().length(),
                a.getValue() == null ? 0 : a.getValue().length()));
    String result = text;
    for (Map.Entry<String, String> e : entries) {
      String now = data.get(e.getKey());
      if (now == null || e.getValue() == null || e.getValue().isBlank()) continue;
      if (TestData.environmentVariable(now) != null) continue;
      if (result.contains(e.getValue())) result = result.replace(e.getValue(), now);
    }
    return result;
  }

  private List<TestStep> fillForm(
      Map<String, String> data, FormInfo form, FormSubmission submission, FieldInfo leaveEmpty) {
    StateInfo state = state(form.stateId());
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.goTo(reachablePath(state)));
    Map<String, String> typed = submission == null ? Map.of() : nullSafe(submission.values());
    for (FieldInfo field : nullSafe(form.fields())) {
      if (leaveEmpty != null && field == leaveEmpty) continue;
      String type = field.type() == null ? "text" : field.type();
      if (List.of("hidden", "submit", "button", "reset", "file").contains(type)) continue;
      String value = data.get(field.name());
      if (value == null) value = typed.get(field.name());
      if (value == null && "login".equals(form.purpose())) value = loginDefault(type);
      if (value == null && field.required()) value = ValidValues.of(field);
      if (value == null) continue;
      if (nullSafe(field.locators()).isEmpty())
        throw new Skip("field " + field.name() + " has no locator");
      String what = field.label() != null ? "'" + field.label() + "'" : field.name();
      String env = TestData.environmentVariable(value);
      switch (type) {
        case "select", "select-one" -> steps.add(Steps.select(field.locators(), value, what));
        case "checkbox", "radio" -> {
          if (!"false".equalsIgnoreCase(value) && !value.isEmpty())
            steps.add(Steps.check(field.locators(), what));
        }
        default ->
            steps.add(
                env != null
                    ? Steps.fill(field.locators(), null, env, what)
                    : Steps.fill(field.locators(), value, null, what));
      }
    }
    return steps;
  }

  /** A login form's fields read the credentials from the environment, never literal values. */
  private static String loginDefault(String type) {
    return switch (type) {
      case "password" -> "${" + SuiteEvolution.PASSWORD_ENV + "}";
      case "text", "email" -> "${" + SuiteEvolution.USERNAME_ENV + "}";
      default -> null;
    };
  }

  private TestStep submit(FormInfo form) {
    if (form.submit() != null && !nullSafe(form.submit().locators()).isEmpty())
      return Steps.click(form.submit().locators(), label(form.submit()));
    FieldInfo last =
        nullSafe(form.fields()).stream()
            .filter(f -> !nullSafe(f.locators()).isEmpty())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new Skip("form has no submit button and no field"));
    return Steps.press(last.locators(), "Enter", last.name());
  }

  private List<TestStep> stateExpectations(StateInfo state) {
    List<TestStep> steps = new ArrayList<>();
    if (state.title() != null && !state.title().isBlank())
      steps.add(Steps.expectTitle(state.title()));
    nullSafe(state.headings()).stream()
        .filter(h -> h.text() != null && !h.text().isBlank())
        .min(Comparator.comparingInt(Heading::level))
        .ifPresent(
            h ->
                steps.add(
                    Steps.expectVisible(
                        List.of(Locator.role("heading", h.text(), false)),
                        "heading '" + h.text() + "'")));
    return steps;
  }

  private String reachablePath(StateInfo state) {
    if (state.path() != null && !state.path().isEmpty())
      throw new Skip("state " + state.stateId() + " is reached by actions, not by URL");
    String path = pathWithQuery(state.url());
    if (path == null) throw new Skip("state " + state.stateId() + " has no URL");
    return path;
  }

  private FormInfo evidenceForm(Scenario s) {
    List<String> ids = evidenceForms(s);
    if (ids.isEmpty()) {
      // Ids carry the form: REQ-FORM-<formId>-..., REQ-SEARCH-<formId>-...
      for (FormInfo f : forms.values())
        if (s.scenarioId().contains("-" + f.formId() + "-")) return f;
      throw new Skip("scenario names no form");
    }
    FormInfo form = forms.get(ids.get(0));
    if (form == null) throw new Skip("form " + ids.get(0) + " was not observed");
    return form;
  }

  private StateInfo state(String id) {
    StateInfo state = id == null ? null : states.get(id);
    if (state == null) throw new Skip("state " + id + " was not observed");
    return state;
  }

  private Optional<StateInfo> firstState(Scenario s) {
    List<String> ids = nullSafe(s.evidence() == null ? null : s.evidence().stateIds());
    return ids.stream().map(states::get).filter(Objects::nonNull).findFirst();
  }

  private static List<String> evidenceForms(Scenario s) {
    return nullSafe(s.evidence() == null ? null : s.evidence().formIds());
  }

  private static List<String> evidenceElements(Scenario s) {
    return nullSafe(s.evidence() == null ? null : s.evidence().elementIds());
  }

  private static List<FormSubmission> submissions(FormInfo form) {
    return nullSafe(form.submissions());
  }

  private static boolean sameValues(Map<String, String> typed, Map<String, String> data) {
    for (Map.Entry<String, String> e : data.entrySet()) {
      String seen = typed.get(e.getKey());
      if (seen == null || !seen.equals(e.getValue())) return false;
    }
    return !data.isEmpty();
  }

  private static String label(ElementInfo e) {
    String text = e.name() != null && !e.name().isBlank() ? e.name() : e.text();
    return text == null || text.isBlank() ? e.elementId() : "'" + text.trim() + "'";
  }

  static String pathOnly(String url) {
    if (url == null) return null;
    try {
      String path = URI.create(url).getRawPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What a goto opens: path, query and a hash route, relative to the origin. */
  static String pathWithQuery(String url) {
    if (url == null) return null;
    try {
      URI uri = URI.create(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
      // Hash-routed apps (#/active) are different states at one path: keep the route.
      if (uri.getRawFragment() != null && uri.getRawFragment().startsWith("/"))
        path += "#" + uri.getRawFragment();
      return path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
