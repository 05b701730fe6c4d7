package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RenderRuleTest {
  private final List<Scenario> scenarios =
      new RenderRule()
          .derive(RuleInput.of(new ObservationIndex(ShopObservation.observation()), null, false));

  @Test
  void everyStateRendersAndTheStartPageIsHigh() {
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, Scenario::priority, Scenario::tags)
        .containsExactly(
            tuple("REQ-RENDER-s-home", "high", List.of("render", "start")),
            tuple("REQ-RENDER-s-product-list", "medium", List.of("render", "template")),
            tuple("REQ-RENDER-s-search-results", "medium", List.of("render")),
            tuple("REQ-RENDER-s-login", "medium", List.of("render")),
            tuple("REQ-RENDER-s-signup", "medium", List.of("render")),
            tuple("REQ-RENDER-s-account", "medium", List.of("render")));
  }

  @Test
  void aPageAnsweredWithAnErrorStatusIsTheAppsErrorPage() {
    Scenario error =
        new RenderRule()
            .derive(
                RuleInput.of(
                    new ObservationIndex(
                        ShopObservation.edited(
                            tree -> {
                              for (var state : tree.withArray("states"))
                                if (state.get("state_id").asText().equals("s-search-results"))
                                  ((com.fasterxml.jackson.databind.node.ObjectNode) state)
                                      .put("http_status", 404);
                            })),
                    null,
                    false))
            .get(2);
    assertThat(error.scenarioId()).isEqualTo("REQ-RENDER-s-search-results");
    assertThat(error.title()).endsWith("' shows the app's error page");
    assertThat(error.tags()).containsExactly("render", "error_page");
    assertThat(error.then().get(0)).isEqualTo("the app answers HTTP 404 with its own error page");
    assertThat(scenarios.get(2).title()).endsWith("' renders its key content");
  }

  @Test
  void aTemplateListsItsInstancesAndAStateBehindActionsIsReachedByThem() {
    Scenario template = scenarios.get(1);
    assertThat(template.then()).contains("each of the 2 instance pages shows the same layout");
    assertThat(template.testData())
        .containsEntry("instance_url_2", "https://shop.test/products/hats");
    Scenario account = scenarios.get(5);
    assertThat(account.given())
        .containsExactly(
            "the user opens https://shop.test/",
            "the user does: click 'Sign up' > fill the sign-up form > click 'Create account'");
  }
}
