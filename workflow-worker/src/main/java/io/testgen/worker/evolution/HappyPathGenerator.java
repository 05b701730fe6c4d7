package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.requirements.Scenario;

/**
 * REQ-FORM-...-HAPPY and a goal with a form: the observed valid submission's outcome is asserted; a
 * form Observation did not submit is run live first and its outcome learned.
 */
final class HappyPathGenerator implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  HappyPathGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public boolean handles(Scenario s) {
    String id = s.scenarioId();
    return (id.startsWith("REQ-FORM-") && id.endsWith("-HAPPY")) || id.equals("REQ-GOAL");
  }

  @Override
  public TestDraft draft(Scenario s) {
    if (s.scenarioId().equals("REQ-GOAL")
        && ObservedApp.evidence(s, ObservedApp.Evidence.FORMS).isEmpty())
      throw new ScenarioSkip("goal flow has no form to replay and no outcome");
    FormInfo form = app.form(s);
    FormSubmission submission =
        ObservedApp.nullSafe(form.submissions()).stream()
            .filter(sub -> "valid".equals(sub.kind()))
            .findFirst()
            .orElse(null);
    if (submission == null) return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    try {
      return TestDraft.of(forms.submitAndExpect(s, form, submission));
    } catch (ScenarioSkip nothingSeen) {
      // Observation's submission showed nothing (often a rejection nobody read): learn it live.
      return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    }
  }
}
