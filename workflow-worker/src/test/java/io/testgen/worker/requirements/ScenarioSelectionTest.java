package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScenarioSelectionTest {
  private final List<Scenario> derived =
      new ScenarioDeriver()
          .derive(
              new ObservationIndex(ShopObservation.observation()),
              ShopObservation.INSTRUCTION,
              true);

  @Test
  void keepsOnlyTheRequestedTypes() {
    List<Scenario> kept =
        new ScenarioSelection(List.of("negative", "edge"), 100, false).apply(derived);
    assertThat(kept)
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-SEARCH-f-search-NO-HIT", "REQ-LOGIN-f-login-FAILURE");
  }

  @Test
  void capKeepsHighestPrioritiesInDerivationOrder() {
    List<Scenario> kept = new ScenarioSelection(List.of(), 5, false).apply(derived);
    assertThat(kept)
        .extracting(Scenario::scenarioId)
        .containsExactly(
            "REQ-GOAL",
            "REQ-RENDER-s-home",
            "REQ-SEARCH-f-search-HIT",
            "REQ-LOGIN-f-login-SUCCESS",
            "REQ-LOGIN-f-login-FAILURE");
  }

  @Test
  void amongEqualPrioritiesTheCapKeepsFeaturesBeforePagesAndPagesBeforeAccessibility() {
    for (int cap = 6; cap < derived.size(); cap++) {
      List<Scenario> kept = new ScenarioSelection(List.of(), cap, false).apply(derived);
      for (Scenario dropped : derived) {
        if (kept.contains(dropped)) continue;
        for (Scenario k : kept)
          if (k.priority().equals(dropped.priority()))
            assertThat(ScenarioSelection.family(k))
                .as("cap %d kept %s but dropped %s", cap, k.scenarioId(), dropped.scenarioId())
                .isLessThanOrEqualTo(ScenarioSelection.family(dropped));
      }
    }
    assertThat(derived)
        .filteredOn(s -> s.scenarioId().startsWith("REQ-A11Y-"))
        .allMatch(s -> ScenarioSelection.family(s) == 3);
    assertThat(derived)
        .filteredOn(s -> s.scenarioId().startsWith("REQ-RENDER-") && !s.tags().contains("start"))
        .isNotEmpty()
        .allMatch(s -> ScenarioSelection.family(s) == 2);
  }

  @Test
  void goalOnlyKeepsTheGoalAndItsFlow() {
    List<Scenario> kept =
        new ScenarioSelection(List.of("functional", "navigation"), 100, true).apply(derived);
    assertThat(kept)
        .extracting(Scenario::scenarioId)
        .containsExactly(
            "REQ-GOAL",
            "REQ-RENDER-s-home",
            "REQ-RENDER-s-signup",
            "REQ-RENDER-s-account",
            "REQ-NAV-s-home-TO-s-signup",
            "REQ-FORM-f-signup-HAPPY");
  }
}
