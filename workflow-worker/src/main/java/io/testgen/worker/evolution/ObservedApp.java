package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Observation recorded, looked up the way generators need it: states, forms and elements by
 * id, how to reach a state (its URL, or its URL and the recorded actions replayed), and what a
 * state shows that a test can assert.
 */
final class ObservedApp {
  private final ObservationResult observation;
  private final Map<String, StateInfo> states = new HashMap<>();
  private final Map<String, FormInfo> forms = new HashMap<>();

  /** What the planned scenarios' tests type into text fields: set once a plan is built. */
  private List<String> typedByTests = List.of();

  ObservedApp(ObservationResult observation) {
    this.observation = observation;
    nullSafe(observation.states()).forEach(s -> states.put(s.stateId(), s));
    nullSafe(observation.forms()).forEach(f -> forms.put(f.formId(), f));
  }

  ObservationResult observation() {
    return observation;
  }

  List<FormInfo> forms() {
    return nullSafe(observation.forms());
  }

  /**
   * The texts exploration typed into the text fields of forms that write (its valid submissions;
   * not searches or sign-ins, not options, masked values or values under three characters): a text
   * holding one names a record TestGen made, which its own tests change.
   */
  List<String> typedByExploration() {
    return namingRecords(
        forms().stream()
            .filter(ObservedApp::writes)
            .flatMap(
                f ->
                    nullSafe(f.submissions()).stream()
                        .filter(sub -> "valid".equals(sub.kind()))
                        .flatMap(sub -> typedText(f, sub.values()))));
  }

  /**
   * Remembers what the tests of {@code scenarios} type into the text fields of forms that write
   * (their test data, the unique suffix kept as its token, which {@link WholeWords} matches as any
   * run's suffix; not credentials read from the environment): other tests' records, which move
   * while a suite runs, are named by these values too ("Test value" typed by an edit test shows up
   * in a list, and as a filter of it).
   */
  void planned(List<Scenario> scenarios) {
    typedByTests =
        namingRecords(
            scenarios.stream()
                .flatMap(
                    s ->
                        evidence(s, Evidence.FORMS).stream()
                            .map(forms::get)
                            .filter(f -> f != null && writes(f))
                            .flatMap(f -> typedText(f, s.testData()))));
  }

  /** The values of {@code values} that go into a text field of {@code form}. */
  private static Stream<String> typedText(FormInfo form, Map<String, String> values) {
    return nullSafe(values).entrySet().stream()
        .filter(e -> typesText(form, e.getKey()))
        .map(Map.Entry::getValue);
  }

  /**
   * The typed values that can name a record in a text, stripped, once each: three characters or
   * more besides the unique token; not masked, not a credential read from the environment, no other
   * {@code {{...}}} token still to be expanded.
   */
  private static List<String> namingRecords(Stream<String> values) {
    return values
        .filter(v -> v != null && TestData.environmentVariable(v) == null && !v.contains("*"))
        .map(String::strip)
        .filter(
            v -> {
              String bare = v.replace(TestData.UNIQUE, "").strip();
              return bare.length() >= 3 && !bare.contains("{{");
            })
        .distinct()
        .toList();
  }

  /**
   * The texts TestGen itself types, which a test that asserts what a list no longer shows must not
   * expect gone: {@link #typedByExploration()} and what the planned tests type ({@link #planned}).
   */
  List<String> typedByTestGen() {
    return Stream.concat(typedByExploration().stream(), typedByTests.stream()).distinct().toList();
  }

  /** A form whose valid submission makes or changes a record: not a search, sign-in or GET. */
  private static boolean writes(FormInfo f) {
    return !List.of("search", "login", "logout").contains(String.valueOf(f.purpose()))
        && !"get".equalsIgnoreCase(f.method());
  }

  private static boolean typesText(FormInfo form, String fieldName) {
    return nullSafe(form.fields()).stream()
        .filter(f -> fieldName.equals(f.name()) || fieldName.equals(f.elementId()))
        .anyMatch(f -> f.type() == null || List.of("text", "textarea", "").contains(f.type()));
  }

  List<StateInfo> states() {
    return nullSafe(observation.states());
  }

  StateInfo state(String id) {
    StateInfo state = id == null ? null : states.get(id);
    if (state == null) throw new ScenarioSkip("state " + id + " was not observed");
    return state;
  }

  Optional<StateInfo> findState(String id) {
    return Optional.ofNullable(id == null ? null : states.get(id));
  }

  Optional<StateInfo> firstState(Scenario s) {
    return evidence(s, Evidence.STATES).stream()
        .map(states::get)
        .filter(Objects::nonNull)
        .findFirst();
  }

  FormInfo form(Scenario s) {
    List<String> ids = evidence(s, Evidence.FORMS);
    if (ids.isEmpty()) {
      // Ids carry the form: REQ-FORM-<formId>-..., REQ-SEARCH-<formId>-...
      for (FormInfo f : forms.values())
        if (s.scenarioId().contains("-" + f.formId() + "-")) return f;
      throw new ScenarioSkip("scenario names no form");
    }
    FormInfo form = forms.get(ids.get(0));
    if (form == null) throw new ScenarioSkip("form " + ids.get(0) + " was not observed");
    return form;
  }

  enum Evidence {
    STATES,
    FORMS,
    ELEMENTS
  }

  static List<String> evidence(Scenario s, Evidence kind) {
    if (s.evidence() == null) return List.of();
    return nullSafe(
        switch (kind) {
          case STATES -> s.evidence().stateIds();
          case FORMS -> s.evidence().formIds();
          case ELEMENTS -> s.evidence().elementIds();
        });
  }

  List<Transition> transitions() {
    return nullSafe(observation.transitions());
  }

  static Optional<ElementInfo> element(StateInfo state, String elementId) {
    return Stream.of(state.links(), state.buttons(), state.inputs())
        .flatMap(l -> nullSafe(l).stream())
        .filter(e -> elementId != null && elementId.equals(e.elementId()))
        .findFirst();
  }

  /**
   * The steps that open a state: its URL, then, for a state reached by actions, those actions
   * replayed one by one from the transitions the crawl recorded.
   */
  List<TestStep> reach(StateInfo state) {
    return new StatePath(this).reach(state);
  }

  /**
   * An element's locators in Playwright's order of preference. Observation counts role names by
   * substring ("Tasks" also matches "Browse all tasks") while tests match them exactly: a role and
   * name no other control on the state carries goes before a positional CSS path.
   */
  static List<Locator> preferred(StateInfo state, ElementInfo element) {
    List<Locator> locators = nullSafe(element.locators());
    if (locators.isEmpty() || !"css".equals(locators.get(0).strategy())) return locators;
    Optional<Locator> role =
        locators.stream().filter(l -> "role".equals(l.strategy()) && l.name() != null).findFirst();
    if (role.isEmpty()) return locators;
    long sameName =
        Stream.of(state.links(), state.buttons(), state.inputs())
            .flatMap(l -> nullSafe(l).stream())
            .flatMap(e -> nullSafe(e.locators()).stream())
            .filter(l -> "role".equals(l.strategy()))
            .filter(l -> role.get().value().equals(l.value()) && role.get().name().equals(l.name()))
            .count();
    if (sameName != 1) return locators;
    List<Locator> out = new ArrayList<>();
    out.add(new Locator("role", role.get().value(), role.get().name(), true));
    locators.stream().filter(l -> l != role.get()).forEach(out::add);
    return out;
  }

  /** What a step says about its target; CSS targets say why no better locator was used. */
  static String what(List<Locator> locators, ElementInfo e) {
    String label = label(e);
    return !locators.isEmpty() && "css".equals(locators.get(0).strategy())
        ? label + " (by CSS: no unique role, label, hint text, test id or text)"
        : label;
  }

  /** A state's title and main heading, as expectations. */
  static List<TestStep> expectations(StateInfo state) {
    List<TestStep> steps = new ArrayList<>();
    if (state.title() != null && !state.title().isBlank())
      steps.add(Steps.expectTitle(state.title()));
    mainHeading(state)
        .ifPresent(
            h ->
                steps.add(
                    Steps.expectVisible(
                        List.of(Locator.role("heading", h, false)), "heading '" + h + "'")));
    return steps;
  }

  static Optional<String> mainHeading(StateInfo state) {
    return nullSafe(state.headings()).stream()
        .filter(h -> h.text() != null && !h.text().isBlank())
        .min(Comparator.comparingInt(Heading::level))
        .map(Heading::text);
  }

  static String label(ElementInfo e) {
    String text = e.name() != null && !e.name().isBlank() ? e.name() : e.text();
    return text == null || text.isBlank() ? e.elementId() : "'" + text.trim() + "'";
  }

  static String pathOnly(String url) {
    return UrlParts.parse(url).map(UrlParts::pathOrRoot).orElse(null);
  }

  /** What a goto opens: path, query and a hash route, relative to the origin. */
  static String pathWithQuery(String url) {
    return UrlParts.parse(url).map(ObservedApp::pathWithQuery).orElse(null);
  }

  /** The path and a hash route ("/#/active"), without the query: where an in-page action is. */
  static String pathAndRoute(String url) {
    return UrlParts.parse(url).map(u -> u.pathOrRoot() + route(u)).orElse(null);
  }

  private static String pathWithQuery(UrlParts url) {
    return url.pathAndQuery() + route(url);
  }

  /** Hash-routed apps (#/active) are different states at one path: "#/..." or nothing. */
  private static String route(UrlParts url) {
    return url.fragment() != null && url.fragment().startsWith("/") ? "#" + url.fragment() : "";
  }

  static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
