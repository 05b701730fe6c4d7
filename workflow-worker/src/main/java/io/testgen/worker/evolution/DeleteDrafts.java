package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * REQ-DELETE-: a delete tested as a round trip on a record the test creates itself. The test fills
 * the collection's create form with unique values (adjusted live as for any happy path), opens the
 * record it made, uses the delete control Observation saw on another record's page, confirms where
 * the app asks ({@link DeleteLearner}), and asserts the record is gone. Only records a test made
 * are ever deleted.
 */
final class DeleteDrafts implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  DeleteDrafts(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public TestDraft draft(Scenario s) {
    List<String> states = ObservedApp.evidence(s, ObservedApp.Evidence.STATES);
    List<String> elements = ObservedApp.evidence(s, ObservedApp.Evidence.ELEMENTS);
    if (states.size() < 2 || elements.isEmpty())
      throw new ScenarioSkip("a delete round trip names no record page or delete control");
    FormInfo create = app.form(s);
    StateInfo recordPage = app.state(states.get(1));
    String controlId = elements.get(elements.size() - 1);
    ElementInfo control =
        ObservedApp.element(recordPage, controlId)
            .or(() -> submitOf(recordPage, controlId))
            .orElseThrow(
                () -> new ScenarioSkip("delete control " + controlId + " was not observed"));
    var locators = ObservedApp.preferred(recordPage, control);
    if (locators.isEmpty()) throw new ScenarioSkip("the delete control has no locator");
    DeleteRoundTrip deletion =
        new DeleteRoundTrip(
            UrlPattern.withIds(ObservedApp.pathOnly(recordPage.url())),
            List.of(Steps.click(locators, ObservedApp.what(locators, control))));
    return TestDraft.live(forms.live(LiveRun.Expect.DELETED, s, create, null).deleting(deletion));
  }

  private Optional<ElementInfo> submitOf(StateInfo state, String elementId) {
    return app.forms().stream()
        .filter(f -> state.stateId().equals(f.stateId()) && f.submit() != null)
        .map(FormInfo::submit)
        .filter(b -> elementId.equals(b.elementId()))
        .findFirst();
  }
}
