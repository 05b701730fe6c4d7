package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawl;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A goal in the user's words: followed first, its flow recorded, reached or not. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerGoalTest {

  private static ObservationRequest goal(String url, String instruction, int pages) {
    return new ObservationRequest("wf-goal", url, 2, pages, instruction, null, null, false);
  }

  @Test
  void recordsTheFlowThatReachesTheGoal() {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      ObservationResult result = crawl(goal(site.url("/"), "Add a new task", 20));
      GoalOutcome outcome = result.goal();
      assertThat(outcome.instruction()).isEqualTo("Add a new task");
      assertThat(outcome.reached()).isTrue();
      assertThat(outcome.flowPath()).containsExactly("click link 'Tasks'", "submit 'Add task'");
      StateInfo created = stateAt(result, "/tasks?created=TestGen+sample+title");
      assertThat(outcome.goalStateId()).isEqualTo(created.stateId());
      assertThat(outcome.reason()).isEqualTo("reached by submit 'Add task'");
    }
  }

  @Test
  void saysWhyAGoalWasNotReached() {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      ObservationResult result = crawl(goal(site.url("/"), "Book a flight to Paris", 6));
      assertThat(result.goal().reached()).isFalse();
      assertThat(result.goal().flowPath()).isEmpty();
      assertThat(result.goal().goalStateId()).isNull();
      assertThat(result.goal().reason())
          .isEqualTo(
              "no link, button or form matching the instruction led to a new state within 6 pages and depth 2");
    }
  }

  @Test
  void withoutAnInstructionThereIsNoGoal() {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      assertThat(crawl(SharedBrowser.request("wf-nogoal", site.url("/"), 1, 3)).goal()).isNull();
    }
  }

  @Test
  void matcherPrefersTheInstructionsWords() {
    GoalMatcher matcher = new GoalMatcher("Sign up and add a todo");
    assertThat(matcher.score("click link 'Register'")).isEqualTo(1.0 / 3);
    assertThat(matcher.score("submit 'Create account' add todo")).isEqualTo(1.0);
    assertThat(matcher.score("click link 'About'")).isZero();
    assertThat(matcher.fulfils("submit 'Add todo'")).isTrue();
    assertThat(matcher.fulfils("click link 'About'")).isFalse();
    assertThat(new GoalMatcher("  ").active()).isFalse();
  }
}
