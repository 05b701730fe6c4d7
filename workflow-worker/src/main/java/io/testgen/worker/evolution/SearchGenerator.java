package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.requirements.Scenario;
import java.util.Map;

/**
 * REQ-SEARCH-: a search with this scenario's query shows what the observed search showed; a query
 * Observation did not try (a term that matches nothing, a term from a listed record) is run live.
 */
final class SearchGenerator implements ScenarioGenerator {
  private final ObservedApp app;
  private final FormSteps forms;

  SearchGenerator(ObservedApp app, FormSteps forms) {
    this.app = app;
    this.forms = forms;
  }

  @Override
  public boolean handles(Scenario s) {
    return s.scenarioId().startsWith("REQ-SEARCH-");
  }

  @Override
  public TestDraft draft(Scenario s) {
    FormInfo form = app.form(s);
    Map<String, String> data = ObservedApp.nullSafe(s.testData());
    // The submission whose typed values are this scenario's query: its outcome is what we assert.
    FormSubmission submission =
        ObservedApp.nullSafe(form.submissions()).stream()
            .filter(sub -> sub.values() != null && !sub.values().isEmpty())
            .filter(sub -> sameValues(sub.values(), data))
            .findFirst()
            .orElse(null);
    if (submission == null) return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    try {
      return TestDraft.of(forms.submitAndExpect(s, form, submission));
    } catch (ScenarioSkip nothingSeen) {
      return TestDraft.live(forms.live(LiveRun.Expect.ACCEPT, s, form, null));
    }
  }

  private static boolean sameValues(Map<String, String> typed, Map<String, String> data) {
    for (Map.Entry<String, String> e : data.entrySet()) {
      String seen = typed.get(e.getKey());
      if (seen == null || !seen.equals(e.getValue())) return false;
    }
    return !data.isEmpty();
  }
}
