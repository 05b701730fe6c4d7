package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.SECURITY;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code REQ-PROBE-<form>-SCRIPT-ECHO|OVERLONG}: security probes on the first free-text input of
 * each distinct form; judged, not asserted.
 */
final class ProbeRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    List<Scenario> scenarios = new ArrayList<>();
    for (DistinctForm form : input.forms()) {
      scenarios.addAll(probes(input, form));
    }
    return scenarios;
  }

  private static List<Scenario> probes(RuleInput input, DistinctForm distinct) {
    FormInfo form = distinct.form();
    Optional<FieldInfo> target =
        FormFacts.inputFields(form).stream().filter(FieldTestData::acceptsText).findFirst();
    if (target.isEmpty()) {
      return List.of();
    }
    FieldInfo field = target.get();
    String formKey = Scenarios.safeId(form.formId());
    String label = FormFacts.labelOf(field);
    List<String> given = FormFacts.onItsPage(input.index(), form);
    Map<String, String> base = FormFacts.formData(form, false);
    Map<String, String> script = new LinkedHashMap<>(base);
    script.put(FormFacts.dataKeyOf(field), FieldTestData.SCRIPT_PROBE);
    Map<String, String> overlong = new LinkedHashMap<>(base);
    overlong.put(FormFacts.dataKeyOf(field), FieldTestData.OVERLONG_VALUE);
    Evidence evidence = FormFacts.evidence(distinct, List.of(field));
    return List.of(
        Scenarios.of(
            "REQ-PROBE-" + formKey + "-SCRIPT-ECHO",
            Scenarios.shorten("Probe: script in '" + label + "' is not executed"),
            given,
            List.of(
                "the user enters a script tag into '" + label + "'", "the user submits the form"),
            List.of(
                "the script does not run (window.__testgen_probe stays undefined)",
                "any echo of the input is shown as text"),
            MEDIUM,
            SECURITY,
            List.of("probe", "xss"),
            script,
            evidence,
            true),
        Scenarios.of(
            "REQ-PROBE-" + formKey + "-OVERLONG",
            Scenarios.shorten("Probe: overlong '" + label + "' is handled"),
            given,
            List.of(
                "the user enters "
                    + FieldTestData.OVERLONG_LENGTH
                    + " characters into '"
                    + label
                    + "'",
                "the user submits the form"),
            List.of("the app answers without a server error", "the page stays usable"),
            MEDIUM,
            SECURITY,
            List.of("probe", "overlong"),
            overlong,
            evidence,
            true));
  }
}
