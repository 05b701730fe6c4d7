package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GoalRuleTest {
  private static List<Scenario> derive(ObservationResult observation, String instruction) {
    return new GoalRule()
        .derive(RuleInput.of(new ObservationIndex(observation), instruction, true));
  }

  @Test
  void theInstructionBecomesOneCriticalScenarioAlongTheObservedFlow() {
    List<Scenario> goal = derive(ShopObservation.observation(), "  " + ShopObservation.INSTRUCTION);
    assertThat(goal)
        .extracting(Scenario::scenarioId, Scenario::title, Scenario::priority, Scenario::tags)
        .containsExactly(
            tuple(
                "REQ-GOAL",
                "Goal: sign up and see my account",
                "critical",
                List.of("goal", "critical")));
    assertThat(goal.get(0).given()).containsExactly("the user opens https://shop.test/");
    assertThat(goal.get(0).evidence())
        .isEqualTo(
            new Evidence(
                List.of("s-home", "s-signup", "s-account"),
                List.of("f-signup"),
                List.of("el-nav-signup", "el-signup-submit")));
  }

  @Test
  void withoutAnyInstructionThereIsNoGoal() {
    assertThat(derive(ClinicObservation.observation(), null)).isEmpty();
    assertThat(derive(ClinicObservation.observation(), "   ")).isEmpty();
  }
}
