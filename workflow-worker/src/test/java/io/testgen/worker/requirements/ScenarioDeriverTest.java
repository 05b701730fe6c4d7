package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScenarioDeriverTest {
  private final ScenarioDeriver deriver = new ScenarioDeriver();

  private List<Scenario> shop(boolean credentials) {
    return deriver.derive(
        new ObservationIndex(ShopObservation.observation()),
        ShopObservation.INSTRUCTION,
        credentials);
  }

  private static Scenario byId(List<Scenario> scenarios, String id) {
    return scenarios.stream().filter(s -> s.scenarioId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void derivesExactlyTheseScenariosForTheShopInThisOrder() {
    assertThat(shop(true))
        .extracting(Scenario::scenarioId, Scenario::scenarioType, Scenario::priority)
        .containsExactly(
            tuple("REQ-GOAL", "functional", "critical"),
            tuple("REQ-RENDER-s-home", "functional", "high"),
            tuple("REQ-RENDER-s-product-list", "functional", "medium"),
            tuple("REQ-RENDER-s-search-results", "functional", "medium"),
            tuple("REQ-RENDER-s-login", "functional", "medium"),
            tuple("REQ-RENDER-s-signup", "functional", "medium"),
            tuple("REQ-RENDER-s-account", "functional", "medium"),
            tuple("REQ-NAV-s-home-TO-s-product-list", "navigation", "medium"),
            tuple("REQ-NAV-s-home-TO-s-login", "navigation", "medium"),
            tuple("REQ-NAV-s-home-TO-s-signup", "navigation", "medium"),
            tuple("REQ-SEARCH-f-search-HIT", "functional", "high"),
            tuple("REQ-SEARCH-f-search-NO-HIT", "edge", "medium"),
            tuple("REQ-LOGIN-f-login-SUCCESS", "functional", "critical"),
            tuple("REQ-LOGIN-f-login-FAILURE", "negative", "high"),
            tuple("REQ-FORM-f-login-REQUIRED-username", "form_validation", "medium"),
            tuple("REQ-FORM-f-login-REQUIRED-password", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-HAPPY", "functional", "high"),
            tuple("REQ-FORM-f-signup-REQUIRED-email", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-INVALID-email", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-REQUIRED-username", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-INVALID-username", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-INVALID-age", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-REQUIRED-password", "form_validation", "medium"),
            tuple("REQ-FORM-f-signup-INVALID-password", "form_validation", "medium"),
            // One accessibility check per page template, not one per rule per page (issue 16).
            tuple("REQ-A11Y-s-home", "accessibility", "low"),
            tuple("REQ-A11Y-s-product-list", "accessibility", "medium"),
            tuple("REQ-A11Y-s-search-results", "accessibility", "low"),
            tuple("REQ-A11Y-s-login", "accessibility", "low"),
            tuple("REQ-A11Y-s-signup", "accessibility", "medium"),
            tuple("REQ-A11Y-s-account", "accessibility", "medium"),
            tuple("REQ-PROBE-f-search-SCRIPT-ECHO", "security", "medium"),
            tuple("REQ-PROBE-f-search-OVERLONG", "security", "medium"),
            tuple("REQ-PROBE-f-login-SCRIPT-ECHO", "security", "medium"),
            tuple("REQ-PROBE-f-login-OVERLONG", "security", "medium"),
            tuple("REQ-PROBE-f-signup-SCRIPT-ECHO", "security", "medium"),
            tuple("REQ-PROBE-f-signup-OVERLONG", "security", "medium"));
  }

  @Test
  void sameObservationGivesIdenticalScenarios() {
    assertThat(shop(true)).isEqualTo(shop(true));
  }

  @Test
  void goalFollowsTheObservedFlowAndIsCritical() {
    Scenario goal = byId(shop(true), "REQ-GOAL");
    assertThat(goal.tags()).containsExactly("goal", "critical");
    assertThat(goal.evidence())
        .isEqualTo(
            new Evidence(
                List.of("s-home", "s-signup", "s-account"),
                List.of("f-signup"),
                List.of("el-nav-signup", "el-signup-submit")));
    assertThat(goal.when())
        .containsExactly("click 'Sign up'", "fill the sign-up form", "click 'Create account'");
    assertThat(goal.then())
        .containsExactly(
            "'sign up and see my account' is accomplished", "the 'My account' page is shown");
    assertThat(goal.testData())
        .containsExactly(
            Map.entry("email", "user+{{unique}}@example.test"),
            Map.entry("username", "aaa"),
            Map.entry("age", "69"),
            Map.entry("password", "Tg-Passw0rd!"));
  }

  @Test
  void tagsExactlyTheScenariosOnTheInstructionsFlow() {
    assertThat(shop(true))
        .filteredOn(s -> s.tags().contains("goal_flow"))
        .extracting(Scenario::scenarioId)
        .containsExactly(
            "REQ-RENDER-s-home",
            "REQ-RENDER-s-signup",
            "REQ-RENDER-s-account",
            "REQ-NAV-s-home-TO-s-signup",
            "REQ-FORM-f-signup-HAPPY",
            "REQ-FORM-f-signup-REQUIRED-email",
            "REQ-FORM-f-signup-INVALID-email",
            "REQ-FORM-f-signup-REQUIRED-username",
            "REQ-FORM-f-signup-INVALID-username",
            "REQ-FORM-f-signup-INVALID-age",
            "REQ-FORM-f-signup-REQUIRED-password",
            "REQ-FORM-f-signup-INVALID-password",
            "REQ-PROBE-f-signup-SCRIPT-ECHO",
            "REQ-PROBE-f-signup-OVERLONG");
  }

  @Test
  void loginScenariosReferenceCredentialVariablesNeverValues() {
    List<Scenario> scenarios = shop(true);
    assertThat(byId(scenarios, "REQ-LOGIN-f-login-SUCCESS").testData())
        .containsExactly(
            Map.entry("username", "${TESTGEN_USERNAME}"),
            Map.entry("password", "${TESTGEN_PASSWORD}"));
    assertThat(byId(scenarios, "REQ-LOGIN-f-login-FAILURE").testData())
        .containsExactly(
            Map.entry("username", "${TESTGEN_USERNAME}"),
            Map.entry("password", "wrong-{{unique}}"));
  }

  @Test
  void withoutCredentialsThereAreNoLoginScenariosButLoginFieldsAreStillValidated() {
    List<Scenario> scenarios = shop(false);
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .doesNotContain("REQ-LOGIN-f-login-SUCCESS", "REQ-LOGIN-f-login-FAILURE");
    assertThat(scenarios).hasSize(34);
    assertThat(byId(scenarios, "REQ-FORM-f-login-REQUIRED-username").testData())
        .containsExactly(Map.entry("username", ""), Map.entry("password", "Tg-Passw0rd!"));
  }

  @Test
  void formScenariosCarryInferredAndConstraintBreakingValues() {
    List<Scenario> scenarios = shop(true);
    assertThat(byId(scenarios, "REQ-FORM-f-signup-INVALID-username").testData())
        .containsEntry("username", "!!");
    assertThat(byId(scenarios, "REQ-FORM-f-signup-INVALID-age").testData())
        .containsEntry("age", "17");
    assertThat(byId(scenarios, "REQ-FORM-f-signup-INVALID-password").testData())
        .containsEntry("password", "aaaaaaa");
    assertThat(byId(scenarios, "REQ-FORM-f-login-REQUIRED-username").then())
        .containsExactly(
            "the form is not submitted",
            "a validation message is shown for 'Username'",
            "the message reads 'Please fill out this field.'");
    assertThat(byId(scenarios, "REQ-FORM-f-signup-HAPPY").then())
        .containsExactly(
            "the 'My account' page is shown",
            "'Welcome, new shopper' appears",
            "no validation message is shown");
    assertThat(byId(scenarios, "REQ-SEARCH-f-search-HIT").testData())
        .containsExactly(Map.entry("q", "shoe"));
  }

  @Test
  void onlySecurityProbesAreMarkedAsProbes() {
    assertThat(shop(true))
        .filteredOn(Scenario::probe)
        .extracting(Scenario::scenarioId)
        .containsExactly(
            "REQ-PROBE-f-search-SCRIPT-ECHO",
            "REQ-PROBE-f-search-OVERLONG",
            "REQ-PROBE-f-login-SCRIPT-ECHO",
            "REQ-PROBE-f-login-OVERLONG",
            "REQ-PROBE-f-signup-SCRIPT-ECHO",
            "REQ-PROBE-f-signup-OVERLONG");
    assertThat(byId(shop(true), "REQ-PROBE-f-search-OVERLONG").testData())
        .containsExactly(Map.entry("q", "{{repeat:x:5000}}"));
  }

  @Test
  void templatesKeepTheirInstancesAndNavigationFollowsTheTreeOnly() {
    List<Scenario> scenarios = shop(true);
    Scenario template = byId(scenarios, "REQ-RENDER-s-product-list");
    assertThat(template.tags()).containsExactly("render", "template");
    assertThat(template.testData())
        .containsEntry("instance_url_2", "https://shop.test/products/hats");
    // s-login -> s-signup and s-product-list -> s-home lead to states already reached.
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .doesNotContain("REQ-NAV-s-login-TO-s-signup", "REQ-NAV-s-product-list-TO-s-home");
  }
}
