package io.testgen.worker.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.requirements.ObservationIndex;
import io.testgen.worker.requirements.ScenarioDeriver;
import io.testgen.worker.requirements.ShopObservation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FmeaScorerTest {
  private final ObservationIndex index = new ObservationIndex(ShopObservation.observation());
  private final List<Scenario> scenarios =
      new ScenarioDeriver().derive(index, ShopObservation.INSTRUCTION, true);
  private final FmeaScorer scorer = new FmeaScorer(index);

  private FmeaScorer.Score score(String id) {
    return scorer.score(
        scenarios.stream().filter(s -> s.scenarioId().equals(id)).findFirst().orElseThrow());
  }

  @Test
  void goalIsSevereAndFragileSubmitMakesFailuresHardToDetect() {
    FmeaScorer.Score goal = score("REQ-GOAL");
    assertThat(goal.rpn()).isEqualTo(75);
    assertThat(goal.reasons())
        .containsExactly(
            "severity 5: the user's goal",
            "occurrence +1: a form with 4 or more inputs",
            "detection +2: an element with only fragile locators",
            "detection +1: a state reachable only through actions");
    assertThat(List.of(goal.severity(), goal.occurrence(), goal.detection()))
        .containsExactly(5, 3, 5);
  }

  @Test
  void loginIsSevere() {
    FmeaScorer.Score login = score("REQ-LOGIN-f-login-SUCCESS");
    assertThat(List.of(login.severity(), login.occurrence(), login.detection(), login.rpn()))
        .containsExactly(5, 2, 2, 20);
    assertThat(login.reasons()).containsExactly("severity 5: login, checkout or payment");
  }

  @Test
  void crawlErrorsOnATemplateInstanceRaiseOccurrence() {
    FmeaScorer.Score render = score("REQ-RENDER-s-product-list");
    assertThat(List.of(render.severity(), render.occurrence(), render.detection(), render.rpn()))
        .containsExactly(3, 5, 2, 30);
    assertThat(render.reasons())
        .containsExactly(
            "occurrence +2: the crawl saw errors on its states",
            "occurrence +1: a template with several instances");
  }

  @Test
  void dataCreatingFormsAreSevereAndNavigationIsEasyToDetect() {
    FmeaScorer.Score happy = score("REQ-FORM-f-signup-HAPPY");
    assertThat(List.of(happy.severity(), happy.occurrence(), happy.detection(), happy.rpn()))
        .containsExactly(4, 3, 4, 48);
    FmeaScorer.Score nav = score("REQ-NAV-s-home-TO-s-login");
    assertThat(List.of(nav.severity(), nav.occurrence(), nav.detection(), nav.rpn()))
        .containsExactly(2, 2, 1, 4);
    FmeaScorer.Score probe = score("REQ-PROBE-f-signup-SCRIPT-ECHO");
    assertThat(List.of(probe.severity(), probe.occurrence(), probe.detection(), probe.rpn()))
        .containsExactly(4, 3, 5, 60);
  }
}
