package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * REQ-A11Y-: what each title promises, checked: inputs found by their label (LABELS), one h1 and a
 * document language (HEADINGS), no image without alt (ALT), controls reached by pressing Tab
 * (KEYBOARD). Facts showing violations are reported by analysis, not asserted as passing.
 */
final class AccessibilityGenerator implements ScenarioGenerator {
  private static final int MAX_CONTROLS = 3;

  private final ObservedApp app;

  AccessibilityGenerator(ObservedApp app) {
    this.app = app;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-A11Y-");
  }

  @Override
  public TestDraft draft(Scenario s) {
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
