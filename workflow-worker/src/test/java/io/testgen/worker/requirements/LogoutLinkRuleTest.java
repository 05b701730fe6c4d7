package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LogoutLinkRuleTest {
  private static final String APP = "https://members.test";

  private static ElementInfo link(String id, String name, String href) {
    return new ElementInfo(
        id, "link", "a", "link", name, name, href, List.of(Locator.role("link", name, true)));
  }

  private static List<Scenario> derive(StateInfo... states) {
    ObservationResult result = Observations.of(APP + "/", List.of(states), List.of(), List.of());
    return new LogoutLinkRule().derive(RuleInput.of(new ObservationIndex(result), null, false));
  }

  @Test
  void oneScenarioPerSignOutTargetFromAPageReachedByItsAddressBeforeAnErrorPage() {
    StateInfo missing =
        StateInfoBuilder.state("S-404", APP + "/old-news")
            .title("Not found")
            .httpStatus(404)
            .links(List.of(link("E-out-404", "Log out", APP + "/logout")))
            .build();
    StateInfo home =
        StateInfoBuilder.state("S-home", APP + "/")
            .title("Members")
            .h1("Welcome back")
            .links(
                List.of(
                    link("E-logbook", "Logbook", APP + "/logbook"),
                    link("E-catalogue", "Catalogue", APP + "/catalogue"),
                    link("E-out", "Log out", APP + "/logout")))
            .build();
    StateInfo tasks =
        StateInfoBuilder.state("S-tasks", APP + "/tasks")
            .title("Tasks")
            .links(List.of(link("E-out-tasks", "Log out", APP + "/logout?next=/tasks")))
            .build();
    StateInfo panel =
        StateInfoBuilder.state("S-panel", APP + "/")
            .title("Members")
            .reachedBy(List.of("click 'Account'"))
            .links(List.of(link("E-end", "Sign out", APP + "/session/end")))
            .build();
    List<Scenario> scenarios = derive(missing, home, tasks, panel);
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, Scenario::title, Scenario::priority)
        .containsExactly(
            tuple(
                "REQ-LOGOUT-LINK-1",
                "Signing out with the link 'Log out' ends the session",
                "high"),
            tuple(
                "REQ-LOGOUT-LINK-2",
                "Signing out with the link 'Sign out' ends the session",
                "high"));
    assertThat(scenarios.get(0).evidence().stateIds()).containsExactly("S-home");
    assertThat(scenarios.get(0).evidence().elementIds()).containsExactly("E-out");
    assertThat(scenarios.get(0).when()).containsExactly("the user follows 'Log out'");
    assertThat(scenarios.get(0).testData()).containsEntry("target_url", APP + "/logout");
    assertThat(scenarios.get(1).evidence().stateIds()).containsExactly("S-panel");
    assertThat(scenarios.get(0).scenarioType()).isEqualTo("functional");
  }

  @Test
  void noScenarioWithoutALinkThatSignsOut() {
    StateInfo home =
        StateInfoBuilder.state("S-home", APP + "/")
            .title("Members")
            .links(
                List.of(
                    link("E-logbook", "Logbook", APP + "/logbook"),
                    link("E-blog", "Blog outline", APP + "/blog/outline"),
                    link("E-delete", "Delete account", APP + "/delete")))
            .build();
    assertThat(derive(home)).isEmpty();
  }
}
