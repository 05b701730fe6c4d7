package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ObservedAppTest {
  private static final String B = "http://127.0.0.1:5000";

  @Test
  void whatTestGenTypesIsWhatExplorationAndThePlannedTestsTypeIntoFormsThatWrite() {
    ObservedApp app = new ObservedApp(EvolutionInputs.notesObservation(B));
    List<String> exploration = app.typedByExploration();
    assertThat(app.typedByTestGen()).containsExactlyElementsOf(exploration);

    List<Scenario> scenarios = new ArrayList<>(EvolutionInputs.notesScenarios());
    // an edit test's synthesized value, and a credential read from the environment
    scenarios.add(
        EvolutionInputs.scenario(
            "REQ-FORM-note-INVALID-title",
            "form_validation",
            "high",
            Map.of("title", "Test value", "body", "${TESTGEN_PASSWORD}"),
            List.of("notes"),
            List.of("note"),
            List.of()));
    app.planned(scenarios);

    List<String> expected = new ArrayList<>(exploration);
    // the note form's tests (the script probe's payload too, which names the record it makes): the
    // unique suffix kept as its token; the search form's terms name no record
    for (String v :
        List.of(
            "Note {{unique}}",
            "Remember the milk",
            "No title",
            "<script>alert(1)</script>",
            "Test value")) if (!expected.contains(v)) expected.add(v);
    assertThat(app.typedByTestGen()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(app.typedByTestGen()).doesNotContain("Groceries", "zzzz", "${TESTGEN_PASSWORD}");
  }
}
