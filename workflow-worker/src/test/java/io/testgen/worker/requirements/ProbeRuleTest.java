package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeRuleTest {
  private final List<Scenario> scenarios =
      new ProbeRule()
          .derive(RuleInput.of(new ObservationIndex(ClinicObservation.observation()), null, false));

  @Test
  void twoProbesOnTheFirstTextInputOfEachDistinctForm() {
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, Scenario::probe, Scenario::scenarioType)
        .containsExactly(
            tuple("REQ-PROBE-f-home-search-SCRIPT-ECHO", true, "security"),
            tuple("REQ-PROBE-f-home-search-OVERLONG", true, "security"),
            tuple("REQ-PROBE-f-new-owner-SCRIPT-ECHO", true, "security"),
            tuple("REQ-PROBE-f-new-owner-OVERLONG", true, "security"));
  }

  @Test
  void theProbeValueReplacesOneFieldOfOtherwiseValidData() {
    assertThat(scenarios.get(3).testData())
        .containsExactly(
            Map.entry("firstName", "{{repeat:x:5000}}"),
            Map.entry("lastName", "Test User"),
            Map.entry("address", "Test value"),
            Map.entry("city", "Test value"),
            Map.entry("telephone", "1111111111"));
    assertThat(scenarios.get(0).evidence().stateIds()).containsExactly("s-home", "s-owners");
  }
}
