package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.requirements.Scenario;

/**
 * REQ-FORM-...-INVALID-field: a value breaking the field's constraint is rejected: the app stays on
 * the form and shows the field's message. Nothing observed says how it rejects, so the outcome is
 * learned live.
 */
final class InvalidValueGenerator implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  InvalidValueGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-FORM-") && s.scenarioId().contains("-INVALID-");
  }

  @Override
  public TestDraft draft(Scenario s) {
    FormInfo form = app.form(s);
    String id = s.scenarioId();
    return TestDraft.live(
        forms.live(
            LiveRun.Expect.REJECT,
            s,
            form,
            RequiredFieldGenerator.field(form, id.substring(id.indexOf("-INVALID-") + 9))));
  }
}
