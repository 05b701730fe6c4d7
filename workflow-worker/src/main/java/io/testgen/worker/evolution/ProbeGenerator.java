package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.Map;

/**
 * Security probes, asserted: a script typed into a field does not run (and shows as text where it
 * is echoed); overlong input is answered without a server error. The outcome is learned live.
 */
final class ProbeGenerator implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  ProbeGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  static final String SCRIPT =
      "<script>window." + OutcomeReader.PROBE_GLOBAL + "='" + TestData.UNIQUE + "'</script>";

  @Override
  public boolean handles(Scenario s) {
    return s.probe();
  }

  @Override
  public TestDraft draft(Scenario s) {
    FormInfo form = app.form(s);
    Map<String, String> data = ObservedApp.nullSafe(s.testData());
    boolean script = data.values().stream().anyMatch(v -> v != null && v.contains("<script"));
    if (!script
        && data.values().stream()
            .noneMatch(v -> v != null && TestData.expandRepeats(v).length() >= 1000))
      throw new ScenarioSkip("security probe without a script or overlong value: not asserted");
    FieldInfo field = probed(form, data, script);
    // Any script payload becomes ours: it sets a global the test can check, instead of opening a
    // dialog (which Playwright would dismiss unseen).
    if (script && !data.get(field.name()).contains(OutcomeReader.PROBE_GLOBAL)) {
      Map<String, String> probe = new java.util.LinkedHashMap<>(data);
      probe.put(field.name(), SCRIPT);
      return TestDraft.live(forms.live(LiveRun.Expect.SCRIPT_NOT_RUN, probe, form, field));
    }
    return TestDraft.live(
        forms.live(
            script ? LiveRun.Expect.SCRIPT_NOT_RUN : LiveRun.Expect.NO_SERVER_ERROR,
            s,
            form,
            field));
  }

  /** The field whose data carries the probe. */
  private static FieldInfo probed(FormInfo form, Map<String, String> data, boolean script) {
    for (FieldInfo f : ObservedApp.nullSafe(form.fields())) {
      String v = f.name() == null ? null : TestData.expandRepeats(data.get(f.name()));
      if (v == null) continue;
      if (script ? v.contains("<script") : v.length() >= 1000) return f;
    }
    throw new ScenarioSkip("the probe's field is not in the form");
  }
}
