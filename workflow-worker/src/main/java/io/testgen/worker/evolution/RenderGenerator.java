package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;

/** REQ-RENDER-: a page (or a state reached by actions) shows its title and main heading. */
final class RenderGenerator implements ScenarioGenerator {
  private final ObservedApp app;

  RenderGenerator(ObservedApp app) {
    this.app = app;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-RENDER-");
  }

  @Override
  public TestDraft draft(Scenario s) {
    StateInfo state =
        app.firstState(s)
            .or(() -> app.findState(s.scenarioId().substring(11)))
            .orElseThrow(() -> new ScenarioSkip("state of the scenario was not observed"));
    List<TestStep> expectations = ObservedApp.expectations(state);
    if (expectations.isEmpty()) throw new ScenarioSkip("state has no title or heading to assert");
    List<TestStep> steps = new ArrayList<>(app.reach(state));
    steps.addAll(expectations);
    return TestDraft.of(steps);
  }
}
