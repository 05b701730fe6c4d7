package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * REQ-LOGOUT-LINK-: the test opens the page that offers the sign-out link (signing in first, as
 * every test of a signed-in app does), follows it and asserts what the app then shows and that the
 * session is over ({@link SessionEnd}), learned live: exploration never follows it, a test does so
 * only in its own session.
 */
final class LogoutLinkDrafts implements ScenarioGenerator {
  private final ObservedApp app;

  LogoutLinkDrafts(ObservedApp app) {
    this.app = app;
  }

  @Override
  public TestDraft draft(Scenario s) {
    StateInfo state =
        app.firstState(s).orElseThrow(() -> new ScenarioSkip("state was not observed"));
    String elementId =
        ObservedApp.evidence(s, ObservedApp.Evidence.ELEMENTS).stream()
            .findFirst()
            .orElseThrow(() -> new ScenarioSkip("scenario names no sign-out link"));
    ElementInfo link =
        ObservedApp.element(state, elementId)
            .orElseThrow(() -> new ScenarioSkip("link " + elementId + " not on its state"));
    List<Locator> locators = ObservedApp.preferred(state, link);
    if (locators.isEmpty()) throw new ScenarioSkip("sign-out link has no locator");
    List<TestStep> steps = new ArrayList<>(app.reach(state));
    steps.add(Steps.click(locators, ObservedApp.what(locators, link)));
    return TestDraft.live(
        LiveRun.action(ObservedApp.pathAndRoute(state.url()), steps)
            .signingOut()
            .notAsserting(app.typedByTestGen()));
  }
}
