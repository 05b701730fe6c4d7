package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
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

  private static StateInfo page(String id, String path, Integer status, ElementInfo... links) {
    return StateInfoBuilder.state(id, "https://site.test" + path)
        .depth(path.equals("/") ? 0 : 1)
        .httpStatus(status)
        .h1(id)
        .links(List.of(links))
        .build();
  }

  private static ElementInfo link(String id, String name, String href) {
    return new ElementInfo(
        id, "link", "a", "link", name, name, href, List.of(Locator.role("link", name, true)));
  }

  @Test
  void theWayOutOfAnErrorPageIsItsLinkBackToTheStart() {
    // a 404 linking home and to help (help entered from home already), a 500 linking only to
    // help, a 200 page linking home: only the error pages' ways out are added
    List<StateInfo> states =
        List.of(
            page(
                "home",
                "/",
                200,
                link("e-missing", "Old", "/old"),
                link("e-help", "Help", "/help")),
            page(
                "missing",
                "/old",
                404,
                link("e-home", "Home", "/"),
                link("e-help2", "Help", "/help")),
            page(
                "help",
                "/help",
                200,
                link("e-home2", "Home", "/"),
                link("e-broken", "Oops", "/oops")),
            page("broken", "/oops", 500, link("e-help3", "Get help", "/help")));
    List<Transition> transitions =
        List.of(
            new Transition("home", "missing", "click", "e-missing", null),
            new Transition("home", "help", "click", "e-help", null),
            new Transition("missing", "home", "click", "e-home", null),
            new Transition("missing", "help", "click", "e-help2", null),
            new Transition("help", "home", "click", "e-home2", null),
            new Transition("help", "broken", "click", "e-broken", null),
            new Transition("broken", "help", "click", "e-help3", null));
    List<Scenario> scenarios =
        derive(Observations.of("https://site.test/", states, transitions, List.of()));
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, s -> s.evidence().elementIds())
        .containsExactly(
            tuple("REQ-NAV-home-TO-missing", List.of("e-missing")),
            tuple("REQ-NAV-home-TO-help", List.of("e-help")),
            tuple("REQ-NAV-help-TO-broken", List.of("e-broken")),
            tuple("REQ-NAV-missing-TO-home", List.of("e-home")),
            tuple("REQ-NAV-broken-TO-help", List.of("e-help3")));
    assertThat(scenarios.get(3).priority()).isEqualTo("medium");
  }
}
