package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NavigationRuleTest {
  private static List<Scenario> derive(ObservationResult observation) {
    return new NavigationRule()
        .derive(RuleInput.of(new ObservationIndex(observation), null, false));
  }

  @Test
  void oneClickPathIntoEachStateBreadthFirstNotFollowingSubmissions() {
    assertThat(derive(ShopObservation.observation()))
        .extracting(Scenario::scenarioId, Scenario::priority, Scenario::evidence)
        .containsExactly(
            tuple(
                "REQ-NAV-s-home-TO-s-product-list",
                "medium",
                new Evidence(
                    List.of("s-home", "s-product-list"), List.of(), List.of("el-nav-products"))),
            tuple(
                "REQ-NAV-s-home-TO-s-login",
                "medium",
                new Evidence(List.of("s-home", "s-login"), List.of(), List.of("el-nav-login"))),
            tuple(
                "REQ-NAV-s-home-TO-s-signup",
                "medium",
                new Evidence(List.of("s-home", "s-signup"), List.of(), List.of("el-nav-signup"))));
  }

  @Test
  void deeperTargetsAreLowAndSayWhatToClick() {
    List<Scenario> clinic = derive(ClinicObservation.observation());
    assertThat(clinic)
        .extracting(Scenario::scenarioId, Scenario::priority)
        .containsExactly(
            tuple("REQ-NAV-s-home-TO-s-owners", "medium"),
            tuple("REQ-NAV-s-owners-TO-s-new-owner", "low"));
    assertThat(clinic.get(1).when()).containsExactly("the user does: click 'Add owner'");
    assertThat(clinic.get(1).testData())
        .containsExactly(Map.entry("start_url", "https://shop.test/owners"));
  }
}
