package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Coverage;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CoverageCalculatorTest {
  private final ObservationIndex index = new ObservationIndex(ShopObservation.observation());
  private final List<Scenario> derived =
      new ScenarioDeriver().derive(index, ShopObservation.INSTRUCTION, true);

  @Test
  void allScenariosCoverEveryStateFormAndUsedElement() {
    // 17 elements: 3 nav links, search box and button, product, logo, login link, 2 login fields
    // and button, 4 sign-up inputs, sign-up submit, logout; product, logo, login-to-signup and
    // logout are used by no scenario.
    assertThat(CoverageCalculator.of(index, derived))
        .isEqualTo(new Coverage(6, 6, 100.0, 3, 3, 100.0, 13, 17, 76.5));
  }

  @Test
  void typeFilteredScenariosCoverLess() {
    List<Scenario> navigation =
        new ScenarioSelection(List.of("navigation"), 100, false).apply(derived);
    assertThat(CoverageCalculator.of(index, navigation))
        .isEqualTo(new Coverage(4, 6, 66.7, 0, 3, 0.0, 3, 17, 17.6));
  }
}
