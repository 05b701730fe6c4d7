package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * REQ-A11Y-: the accessibility facts that held when observed (a language, one h1, images with alt)
 * are asserted; facts showing violations are reported by analysis, not asserted as passing.
 */
final class AccessibilityGenerator implements ScenarioGenerator {
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
    if (facts.hasLang())
      steps.add(Steps.expectCount(List.of(Locator.css("html[lang]", true)), 1, "html[lang]"));
    if (facts.h1Count() == 1)
      steps.add(Steps.expectCount(List.of(Locator.css("h1", true)), 1, "h1 heading"));
    if (facts.imageCount() > 0 && ObservedApp.nullSafe(facts.imagesWithoutAlt()).isEmpty())
      steps.add(
          Steps.expectCount(
              List.of(Locator.css("img:not([alt])", false)), 0, "images without alt"));
    if (steps.size() == before)
      throw new ScenarioSkip(
          "accessibility facts show violations; reported, not asserted as passing");
    return TestDraft.of(steps);
  }
}
