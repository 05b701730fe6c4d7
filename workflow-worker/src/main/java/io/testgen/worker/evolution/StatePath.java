package io.testgen.worker.evolution;

import static io.testgen.worker.evolution.ObservedApp.element;
import static io.testgen.worker.evolution.ObservedApp.mainHeading;
import static io.testgen.worker.evolution.ObservedApp.nullSafe;
import static io.testgen.worker.evolution.ObservedApp.pathOnly;
import static io.testgen.worker.evolution.ObservedApp.pathWithQuery;
import static io.testgen.worker.evolution.ObservedApp.preferred;
import static io.testgen.worker.evolution.ObservedApp.what;

import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps that reach an observed state: its URL, then the actions the crawl recorded on the way
 * there, replayed one by one (clicks, typed searches, submitted forms), each waiting for its
 * answer.
 */
final class StatePath {
  private final ObservedApp app;

  StatePath(ObservedApp app) {
    this.app = app;
  }

  /**
   * The steps that open a state: its URL, then, for a state reached by actions, those actions
   * replayed one by one from the transitions the crawl recorded.
   */
  List<TestStep> reach(StateInfo state) {
    return walk(state).steps();
  }

  /**
   * The steps that open {@code t}'s source state, then {@code t} itself; a press of Enter types
   * {@code type}, and a list item is found by the text the test typed on the way, if it did.
   */
  List<TestStep> reachAndAct(Transition t, String type) {
    StateInfo from = app.state(t.fromStateId());
    Walked walked = walk(from);
    List<TestStep> steps = new ArrayList<>(walked.steps());
    // a control on an item the test made (a delete button a hover reveals) acts on that item only:
    // a second item made after it shows so (the learner expects it still there), and a list that
    // takes its last item instead fails
    if (!t.hover().isEmpty() && walked.typed() != null && !walked.made().isEmpty())
      for (TestStep made : walked.made())
        steps.add(
            made.stepAction() == StepAction.FILL
                ? Steps.fill(made.locators(), OTHER, null, made.description().substring(5))
                : made);
    steps.addAll(replay(from, t, walked.typed(), type));
    return steps;
  }

  /** What a second item made beside the one a test acts on says. */
  static final String OTHER = "Other " + TestData.UNIQUE;

  /**
   * @param typed what the walk typed to make an item, null if it made none
   * @param made the steps that made that item (type, press Enter)
   */
  private record Walked(List<TestStep> steps, String typed, List<TestStep> made) {}

  private Walked walk(StateInfo state) {
    String path = pathWithQuery(state.url());
    if (path == null) throw new ScenarioSkip("state " + state.stateId() + " has no URL");
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.goTo(path));
    if (nullSafe(state.path()).isEmpty()) return new Walked(steps, null, List.of());
    StateInfo current =
        app.states().stream()
            .filter(s -> nullSafe(s.path()).isEmpty())
            .filter(s -> path.equals(pathWithQuery(s.url())) || instanceAt(s, path))
            .findFirst()
            .orElseThrow(
                () ->
                    new ScenarioSkip(
                        "the page " + path + " that starts the path was not observed"));
    String typed = null;
    List<TestStep> made = List.of();
    for (String label : state.path()) {
      String from = current.stateId();
      Transition t =
          app.transitions().stream()
              .filter(x -> from.equals(x.fromStateId()) && label.equals(x.label()))
              .findFirst()
              .orElseThrow(() -> new ScenarioSkip("no recorded transition for '" + label + "'"));
      List<TestStep> replayed = replay(current, t, typed, SAMPLE);
      steps.addAll(replayed);
      if ("press_enter".equals(t.action())) {
        typed = SAMPLE;
        made = replayed;
      }
      current = app.state(t.toStateId());
    }
    return new Walked(steps, typed, made);
  }

  /** What replays type into a loose input (a new item's text). */
  static final String SAMPLE = "TestGen sample";

  /**
   * The steps of one recorded action on {@code on}: {@code typed} is the text an earlier step of
   * the test typed into the page (a new item's text, preferred for finding that item), {@code type}
   * what this action types if it presses Enter in an input.
   */
  List<TestStep> replay(StateInfo on, Transition t, String typed, String type) {
    if ("submit".equals(t.action())) return replay(on, t);
    if ("dblclick".equals(t.action())) {
      List<Locator> item = itemLocators(t.locators(), typed);
      if (item.isEmpty()) throw new ScenarioSkip("the item of '" + t.label() + "' has no locator");
      return List.of(Steps.dblclick(item, itemWhat(item)));
    }
    List<TestStep> steps = new ArrayList<>();
    if (!t.hover().isEmpty()) {
      List<Locator> item = itemLocators(t.hover(), typed);
      steps.add(Steps.hover(item, itemWhat(item)));
      Optional<ElementInfo> listed = element(on, t.elementId());
      List<Locator> target =
          listed.isPresent() && !nullSafe(listed.get().locators()).isEmpty()
              ? preferred(on, listed.get())
              : t.locators();
      if (target.isEmpty())
        throw new ScenarioSkip("the control of '" + t.label() + "' has no locator");
      String what = listed.map(e -> what(target, e)).orElse(Steps.describe(target.get(0)));
      steps.add(Steps.click(target, what));
      return steps;
    }
    if ("press_enter".equals(t.action())) return typeAndEnter(on, t, type);
    return replay(on, t);
  }

  /** A list item: by the text this test typed when it made the item, else as the crawl found it. */
  private static List<Locator> itemLocators(List<Locator> recorded, String typed) {
    List<Locator> out = new ArrayList<>();
    if (typed != null) out.add(new Locator("text", typed, null, false));
    for (Locator l : recorded) if (typed == null || !"text".equals(l.strategy())) out.add(l);
    return out;
  }

  private static String itemWhat(List<Locator> item) {
    Locator first = item.get(0);
    return "text".equals(first.strategy())
        ? "the item '" + first.value() + "'"
        : "the first item (by CSS: the crawl saw no stable text)";
  }

  private static boolean instanceAt(StateInfo s, String path) {
    return nullSafe(s.instanceUrls()).stream().anyMatch(u -> path.equals(pathWithQuery(u)));
  }

  private List<TestStep> replay(StateInfo on, Transition t) {
    if ("submit".equals(t.action())) {
      FormInfo form =
          app.forms().stream()
              .filter(f -> on.stateId().equals(f.stateId()))
              .filter(
                  f -> f.submit() == null || Objects.equals(f.submit().elementId(), t.elementId()))
              .findFirst()
              .orElseThrow(
                  () -> new ScenarioSkip("the form of '" + t.label() + "' was not observed"));
      boolean empty = t.label() != null && t.label().endsWith("with required fields empty");
      Optional<FormSubmission> observed =
          nullSafe(form.submissions()).stream()
              .filter(sub -> (empty ? "empty_required" : "valid").equals(sub.kind()))
              .findFirst();
      Map<String, String> typed =
          empty ? Map.of() : observed.map(FormSubmission::values).orElse(Map.of());
      List<TestStep> steps = new ArrayList<>();
      if (!empty)
        steps.addAll(FieldFills.of(Map.of(), form, typed == null ? Map.of() : typed, null));
      steps.add(FormSteps.submit(form));
      // Wait for the answer before acting on it: its message, a new text, or its URL.
      observed.flatMap(StatePath::arrival).ifPresent(steps::add);
      return steps;
    }
    if ("press_enter".equals(t.action())) return typeAndEnter(on, t, SAMPLE);
    ElementInfo element = locatable(on, t);
    List<Locator> locators = preferred(on, element);
    List<TestStep> steps = new ArrayList<>();
    steps.add(Steps.click(locators, what(locators, element)));
    // Wait for the state the click leads to when its main heading tells it apart.
    Optional<String> heading = app.findState(t.toStateId()).flatMap(ObservedApp::mainHeading);
    if (heading.isPresent() && !heading.equals(mainHeading(on)))
      steps.add(
          Steps.expectVisible(
              List.of(Locator.role("heading", heading.get(), false)),
              "heading '" + heading.get() + "'"));
    return steps;
  }

  /** Types {@code value} into the transition's input and presses Enter there. */
  private List<TestStep> typeAndEnter(StateInfo on, Transition t, String value) {
    ElementInfo element = locatable(on, t);
    List<Locator> locators = preferred(on, element);
    return List.of(
        Steps.fill(locators, value, null, what(locators, element)),
        Steps.press(locators, "Enter", what(locators, element)));
  }

  private static ElementInfo locatable(StateInfo on, Transition t) {
    return element(on, t.elementId())
        .filter(e -> !nullSafe(e.locators()).isEmpty())
        .orElseThrow(() -> new ScenarioSkip("the element of '" + t.label() + "' has no locator"));
  }

  /** What shows that an observed submission has been answered. */
  private static Optional<TestStep> arrival(FormSubmission sub) {
    Optional<String> text =
        nullSafe(sub.validationMessages()).stream()
            .filter(m -> "page".equals(m.source()) && m.text() != null && !m.text().isBlank())
            .map(m -> m.text())
            .findFirst()
            .or(
                () ->
                    nullSafe(sub.newTexts()).stream()
                        .filter(x -> x != null && !x.isBlank())
                        .findFirst());
    if (text.isPresent()
        && (sub.values() == null
            || sub.values().values().stream()
                .noneMatch(v -> v != null && !v.isBlank() && text.get().contains(v))))
      return Optional.of(
          Steps.expectVisible(List.of(FormSteps.text(text.get())), "'" + text.get() + "'"));
    String path = sub.urlChanged() ? pathOnly(sub.resultUrl()) : null;
    return path == null ? Optional.empty() : Optional.of(Steps.expectUrl(path));
  }
}
