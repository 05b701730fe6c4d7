package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.List;

/**
 * REQ-ACT-: an in-page action the crawl performed (Enter in an input, a click that changes the page
 * in place, a double-click on an item, a control a hover reveals) is replayed from its source state
 * and its outcome learned live: the texts it shows and the ones it takes away; a pager's click
 * expects another first row of the list than the page showed when the test ran ({@link NextPage}).
 */
final class ActionGenerator implements ScenarioGenerator {
  /** What a replayed Enter types: this run's own text, so the test can find what it made. */
  static final String TYPED = "TestGen " + TestData.UNIQUE;

  private final ObservedApp app;

  ActionGenerator(ObservedApp app) {
    this.app = app;
  }

  @Override
  public TestDraft draft(Scenario s) {
    List<String> ids = ObservedApp.evidence(s, ObservedApp.Evidence.STATES);
    String label = ScenarioVocabulary.action(s);
    if (ids.size() < 2 || label == null)
      throw new ScenarioSkip("action scenario names no source state, target state or action");
    Transition t =
        app.transitions().stream()
            .filter(x -> ids.get(0).equals(x.fromStateId()) && ids.get(1).equals(x.toStateId()))
            .filter(x -> label.equals(x.label()))
            .findFirst()
            .orElseThrow(() -> new ScenarioSkip("no recorded action '" + label + "'"));
    StateInfo from = app.state(t.fromStateId());
    String path = ObservedApp.pathAndRoute(from.url());
    LiveRun run = LiveRun.action(path, new StatePath(app).reachAndAct(t, TYPED));
    return TestDraft.live(NextPage.turnsPageInPlace(t) ? run.turningPage() : run);
  }
}
