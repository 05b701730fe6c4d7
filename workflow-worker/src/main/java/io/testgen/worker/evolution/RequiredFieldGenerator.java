package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * REQ-FORM-...-REQUIRED-field: submitting with the field empty is rejected with the field's
 * message. The observed empty submission gives the message; without one, it is learned live.
 */
final class RequiredFieldGenerator implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  RequiredFieldGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-FORM-") && s.scenarioId().contains("-REQUIRED-");
  }

  static FieldInfo field(FormInfo form, String fieldName) {
    return ObservedApp.nullSafe(form.fields()).stream()
        .filter(f -> fieldName.equals(f.name()) || fieldName.equals(f.elementId()))
        .findFirst()
        .orElseThrow(() -> new ScenarioSkip("field " + fieldName + " not in the form"));
  }

  @Override
  public TestDraft draft(Scenario s) {
    FormInfo form = app.form(s);
    String id = s.scenarioId();
    FieldInfo empty = field(form, id.substring(id.indexOf("-REQUIRED-") + 10));
    FormSubmission submission =
        ObservedApp.nullSafe(form.submissions()).stream()
            .filter(sub -> "empty_required".equals(sub.kind()))
            .findFirst()
            .orElse(null);
    if (submission == null)
      return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, empty));
    List<TestStep> steps =
        new ArrayList<>(forms.fill(ObservedApp.nullSafe(s.testData()), form, submission, empty));
    steps.add(FormSteps.submit(form));
    List<ValidationMessage> messages =
        ObservedApp.nullSafe(submission.validationMessages()).stream()
            .filter(m -> m.field() == null || m.field().equals(empty.name()))
            .toList();
    // The first message observed for the field is the assertion; one is enough to fail on.
    messages.stream()
        .map(m -> FormSteps.validationExpectation(m, empty))
        .filter(Objects::nonNull)
        .findFirst()
        .ifPresent(steps::add);
    if (!submission.urlChanged() && app.findState(form.stateId()).isPresent()) {
      String path = ObservedApp.pathOnly(submission.resultUrl());
      if (path != null) steps.add(Steps.expectUrl(path));
    }
    if (steps.stream().noneMatch(Steps::isExpectation))
      return TestDraft.live(forms.live(LiveRun.Expect.REJECT, s, form, empty));
    return TestDraft.of(steps);
  }
}
