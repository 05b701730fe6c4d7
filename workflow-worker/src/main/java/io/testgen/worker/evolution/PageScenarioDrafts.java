package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drafts the tests of scenarios about observed pages: a page renders, a click leads from one page
 * to another, a page keeps its accessibility promises. Everything asserted was observed.
 */
final class PageScenarioDrafts {
  private static final int MAX_CONTROLS = 3;

  private final ObservedApp app;

  PageScenarioDrafts(ObservedApp app) {
    this.app = app;
  }

  /**
   * REQ-RENDER-: a page (or a state reached by actions) shows its title, main heading and, on a
   * page of its own, its first sentence.
   */
  TestDraft render(Scenario s) {
    StateInfo state =
        app.firstState(s)
            .or(() -> app.findState(s.scenarioId().substring(11)))
            .orElseThrow(() -> new ScenarioSkip("state of the scenario was not observed"));
    List<TestStep> expectations = ObservedApp.expectations(state);
    if (expectations.isEmpty()) throw new ScenarioSkip("state has no title or heading to assert");
    List<TestStep> steps = new ArrayList<>(app.reach(state));
    // an error page must stay one: its address answers the status the crawl saw
    if (state.httpStatus() != null
        && state.httpStatus() >= 400
        && ObservedApp.nullSafe(state.path()).isEmpty())
      steps.add(Steps.expectStatus(state.httpStatus()));
    steps.addAll(expectations);
    prose(state).ifPresent(steps::add);
    steps.addAll(otherInstances(s, state));
    return TestDraft.of(steps);
  }

  /**
   * The page's first sentence of its own (a help text, an error page's explanation), for a page of
   * its own: a template's instances each say other things, and an in-page state's text is the
   * actions' doing.
   */
  private static Optional<TestStep> prose(StateInfo state) {
    if (!ObservedApp.nullSafe(state.path()).isEmpty()
        || ObservedApp.nullSafe(state.instanceUrls()).size() > 1) return Optional.empty();
    return state.prose().stream().findFirst().map(OutcomeAssertions::visible);
  }

  /**
   * What the scenario promises for a template: each other instance page it names (its {@code
   * instance_url_N} data) opens and shows a heading in the same layout; titles and heading texts
   * are the instance's own, so only the layout is asserted.
   */
  private static List<TestStep> otherInstances(Scenario s, StateInfo state) {
    if (!ObservedApp.nullSafe(state.path()).isEmpty() || ObservedApp.mainHeading(state).isEmpty())
      return List.of();
    String own = ObservedApp.pathWithQuery(state.url());
    List<TestStep> steps = new ArrayList<>();
    for (int i = 1; s.testData() != null && s.testData().containsKey("instance_url_" + i); i++) {
      String path = ObservedApp.pathWithQuery(s.testData().get("instance_url_" + i));
      if (path == null || path.equals(own)) continue;
      steps.add(Steps.goTo(path));
      steps.add(Steps.expectAHeading());
    }
    return steps;
  }

  /** REQ-NAV-: clicking the observed element on one state leads to the other state. */
  TestDraft navigation(Scenario s) {
    List<String> ids = ObservedApp.evidence(s, ObservedApp.Evidence.STATES);
    if (ids.size() < 2)
      throw new ScenarioSkip("navigation scenario names no source and target state");
    StateInfo from = app.state(ids.get(0));
    StateInfo to = app.state(ids.get(1));
    String elementId =
        ObservedApp.evidence(s, ObservedApp.Evidence.ELEMENTS).stream()
            .findFirst()
            .orElseGet(
                () ->
                    app.transitions().stream()
                        .filter(t -> from.stateId().equals(t.fromStateId()))
                        .filter(t -> to.stateId().equals(t.toStateId()))
                        .map(Transition::elementId)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElseThrow(
                            () -> new ScenarioSkip("no observed element leads to the target")));
    ElementInfo element =
        Stream.concat(
                ObservedApp.nullSafe(from.links()).stream(),
                ObservedApp.nullSafe(from.buttons()).stream())
            .filter(e -> elementId.equals(e.elementId()))
            .findFirst()
            .orElseThrow(
                () -> new ScenarioSkip("element " + elementId + " not on the source state"));
    if (ObservedApp.nullSafe(element.locators()).isEmpty())
      throw new ScenarioSkip("element has no locator");
    List<TestStep> steps = new ArrayList<>(app.reach(from));
    List<Locator> locators = ObservedApp.preferred(from, element);
    steps.add(Steps.click(locators, ObservedApp.what(locators, element)));
    int before = steps.size();
    String toPath = ObservedApp.pathOnly(to.url());
    if (toPath != null && !toPath.equals(ObservedApp.pathOnly(from.url())))
      steps.add(Steps.expectUrl(toPath));
    steps.addAll(ObservedApp.expectations(to));
    if (steps.size() == before)
      throw new ScenarioSkip("target state has nothing observed to assert");
    return TestDraft.of(steps);
  }

  /**
   * REQ-QUERY-: following a link that shows the same page with other query parameters (a filter, a
   * sort, the next page) opens the address it names; learnt live, the test then expects one thing
   * the list no longer shows (a filtered-out record), so a list that ignores its parameters fails
   * it; not the rows it shows, which other tests' records move ({@link OutcomeAssertions#acted}). A
   * link to another page of the list expects, when the test runs, another first row than the page
   * it left showed ({@link NextPage}).
   */
  TestDraft queryLink(Scenario s) {
    StateInfo state =
        app.firstState(s).orElseThrow(() -> new ScenarioSkip("state was not observed"));
    String elementId =
        ObservedApp.evidence(s, ObservedApp.Evidence.ELEMENTS).stream()
            .findFirst()
            .orElseThrow(() -> new ScenarioSkip("scenario names no link"));
    ElementInfo link =
        ObservedApp.nullSafe(state.links()).stream()
            .filter(e -> elementId.equals(e.elementId()))
            .findFirst()
            .orElseThrow(() -> new ScenarioSkip("link " + elementId + " not on its state"));
    if (ObservedApp.nullSafe(link.locators()).isEmpty())
      throw new ScenarioSkip("link has no locator");
    String target = ObservedApp.pathWithQuery(link.href());
    if (target == null) throw new ScenarioSkip("link has no address");
    Start start = start(state, link);
    List<TestStep> steps = new ArrayList<>(start.steps());
    List<Locator> locators = ObservedApp.preferred(start.state(), start.link());
    steps.add(Steps.click(locators, ObservedApp.what(locators, start.link())));
    steps.add(Steps.expectUrl(target));
    ObservedApp.mainHeading(state).ifPresent(h -> steps.add(Steps.expectAHeading()));
    LiveRun run =
        LiveRun.action(ObservedApp.pathAndRoute(state.url()), steps)
            .notAsserting(app.typedByTestGen());
    return TestDraft.live(
        NextPage.turnsPage(state.url(), link.href(), link.text()) ? run.turningPage() : run);
  }

  /** A query link's test's start: the steps that open a state, and the link on it. */
  private record Start(StateInfo state, ElementInfo link, List<TestStep> steps) {}

  /**
   * Where a query link's test starts: the state's own address, or, when the link drops parameters
   * of it (a filter offered on a list's second page leaves the page number behind), an address the
   * crawl loaded without them that offers the same link. From a list's first page a filter's test
   * expects gone a row the filter leaves out; from page two it may expect gone a row that the
   * filter's own first page would never show, which cannot tell a filter that lists every row.
   */
  private Start start(StateInfo state, ElementInfo link) {
    Start own = new Start(state, link, app.reach(state));
    Optional<UrlParts> from = UrlParts.parse(state.url());
    Optional<UrlParts> to = UrlParts.parse(link.href());
    if (!ObservedApp.nullSafe(state.path()).isEmpty() || from.isEmpty() || to.isEmpty()) return own;
    java.util.Map<String, String> kept = new java.util.TreeMap<>(from.get().parameters());
    kept.keySet().removeIf(n -> !to.get().parameters().containsKey(n));
    if (kept.size() == from.get().parameters().size()) return own;
    // the state itself first (a list's pages are often one state), then any other
    List<StateInfo> candidates = new ArrayList<>(List.of(state));
    app.states().stream().filter(x -> x != state).forEach(candidates::add);
    for (StateInfo candidate : candidates) {
      if (!ObservedApp.nullSafe(candidate.path()).isEmpty()) continue;
      Optional<ElementInfo> same =
          ObservedApp.nullSafe(candidate.links()).stream()
              .filter(e -> Objects.equals(e.href(), link.href()))
              .filter(e -> !ObservedApp.nullSafe(e.locators()).isEmpty())
              .findFirst();
      if (same.isEmpty()) continue;
      List<String> urls = new ArrayList<>(ObservedApp.nullSafe(candidate.instanceUrls()));
      urls.add(0, candidate.url());
      for (String url : urls) {
        Optional<UrlParts> at = UrlParts.parse(url);
        if (at.isPresent()
            && Objects.equals(at.get().path(), from.get().path())
            && new java.util.TreeMap<>(at.get().parameters()).equals(kept))
          return new Start(
              candidate, same.get(), List.of(Steps.goTo(ObservedApp.pathWithQuery(url))));
      }
    }
    return own;
  }

  /**
   * REQ-A11Y-: what each title promises, checked: inputs found by their label (LABELS), one h1 and
   * a document language (HEADINGS), no image without alt (ALT), controls reached by pressing Tab
   * (KEYBOARD). Facts showing violations are reported by analysis, not asserted as passing.
   */
  TestDraft accessibility(Scenario s) {
    StateInfo state =
        app.firstState(s).orElseThrow(() -> new ScenarioSkip("state was not observed"));
    AccessibilityFacts facts = state.accessibility();
    if (facts == null) throw new ScenarioSkip("no accessibility facts observed");
    List<TestStep> steps = new ArrayList<>(app.reach(state));
    int before = steps.size();
    String id = s.scenarioId();
    if (id.endsWith("-KEYBOARD")) steps.addAll(keyboard(state));
    else if (id.endsWith("-LABELS")) steps.addAll(labels(state));
    else {
      if (facts.hasLang())
        steps.add(Steps.expectCount(List.of(Locator.css("html[lang]", true)), 1, "html[lang]"));
      if (facts.h1Count() == 1)
        steps.add(Steps.expectCount(List.of(Locator.css("h1", true)), 1, "h1 heading"));
      if (facts.imageCount() > 0 && ObservedApp.nullSafe(facts.imagesWithoutAlt()).isEmpty())
        steps.add(
            Steps.expectCount(
                List.of(Locator.css("img:not([alt])", false)), 0, "images without alt"));
    }
    if (steps.size() == before)
      throw new ScenarioSkip(
          "accessibility facts show violations; reported, not asserted as passing");
    return TestDraft.of(steps);
  }

  /** A few controls (a link, a button, an input), each reached from the top by pressing Tab. */
  private static List<TestStep> keyboard(StateInfo state) {
    List<ElementInfo> all =
        Stream.of(state.links(), state.buttons(), state.inputs())
            .flatMap(l -> ObservedApp.nullSafe(l).stream())
            .toList();
    List<TestStep> steps = new ArrayList<>();
    // Pages usually lead with links and put a form's button after its inputs: reach them so.
    for (List<ElementInfo> kind : Arrays.asList(state.links(), state.inputs(), state.buttons())) {
      ObservedApp.nullSafe(kind).stream()
          .filter(e -> semantic(e) != null)
          .findFirst()
          .ifPresent(
              e ->
                  steps.add(
                      Steps.expectTabReachable(
                          List.of(semantic(e)), 2 * all.size() + 5, ObservedApp.label(e))));
      if (steps.size() >= MAX_CONTROLS) break;
    }
    return steps;
  }

  /** Each input found by its label: the label names it for assistive technology. */
  private static List<TestStep> labels(StateInfo state) {
    return ObservedApp.nullSafe(state.inputs()).stream()
        .flatMap(
            e ->
                ObservedApp.nullSafe(e.locators()).stream()
                    .filter(l -> "label".equals(l.strategy()) && l.unique())
                    .findFirst()
                    .or(() -> Optional.ofNullable(semantic(e)))
                    .stream())
        .limit(5)
        .map(
            l ->
                Steps.expectVisible(
                    List.of(l), "input named '" + (l.name() != null ? l.name() : l.value()) + "'"))
        .toList();
  }

  /** A unique role-and-name locator: what a keyboard user's screen reader announces. */
  private static Locator semantic(ElementInfo e) {
    return ObservedApp.nullSafe(e.locators()).stream()
        .filter(l -> "role".equals(l.strategy()) && l.name() != null && l.unique())
        .findFirst()
        .orElse(null);
  }
}
