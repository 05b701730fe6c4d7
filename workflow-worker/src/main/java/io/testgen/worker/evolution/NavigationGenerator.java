package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** REQ-NAV-: clicking the observed element on one state leads to the other state. */
final class NavigationGenerator implements ScenarioGenerator {
  private final ObservedApp app;

  NavigationGenerator(ObservedApp app) {
    this.app = app;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-NAV-");
  }

  @Override
  public TestDraft draft(Scenario s) {
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
    List<io.testgen.common.agents.observation.Locator> locators =
        ObservedApp.preferred(from, element);
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
}
