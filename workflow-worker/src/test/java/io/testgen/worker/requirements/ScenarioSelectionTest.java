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
  void amongEqualPrioritiesFamiliesTakeTurnsSoNoFamilyCrowdsOutAnother() {
    for (int cap = 6; cap < derived.size(); cap++) {
      List<Scenario> kept = new ScenarioSelection(List.of(), cap, false).apply(derived);
      java.util.Map<String, Integer> keptBy = new java.util.HashMap<>();
      java.util.Set<String> cut = new java.util.HashSet<>();
      for (Scenario s : derived) {
        String key = s.priority() + "|" + ScenarioSelection.family(s);
        if (kept.contains(s)) keptBy.merge(key, 1, Integer::sum);
        else cut.add(key);
      }
      // two families of one priority that both lost scenarios kept as many, give or take one
      for (String a : cut)
        for (String b : cut)
          if (a.split("\\|")[0].equals(b.split("\\|")[0]))
            assertThat(Math.abs(keptBy.getOrDefault(a, 0) - keptBy.getOrDefault(b, 0)))
                .as("cap %d: %s kept %s, %s kept %s", cap, a, keptBy.get(a), b, keptBy.get(b))
                .isLessThanOrEqualTo(1);
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
