package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;

/**
 * REQ-LOGIN-...-SUCCESS|FAILURE: the observed login outcome, with credentials from the environment.
 */
final class LoginGenerator implements ScenarioGenerator {
  static final List<String> SUCCESS = List.of("login", "login_success", "valid");
  private static final List<String> FAILURE =
      List.of("login_failure", "invalid", "invalid_credentials");

  private final ObservedApp app;
  private final FormSteps forms;

  LoginGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-LOGIN-");
  }

  @Override
  public TestDraft draft(Scenario s) {
    FormInfo form = app.form(s);
    List<String> kinds = s.scenarioId().endsWith("SUCCESS") ? SUCCESS : FAILURE;
    FormSubmission submission =
        ObservedApp.nullSafe(form.submissions()).stream()
            .filter(sub -> kinds.contains(sub.kind()))
            .findFirst()
            .orElseThrow(() -> new ScenarioSkip("login outcome was not observed"));
    return TestDraft.of(forms.submitAndExpect(s, form, submission));
  }
}
