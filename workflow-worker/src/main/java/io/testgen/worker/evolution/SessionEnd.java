package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What proves a sign-out ended the session: the page the test signed in to see, opened again, is no
 * longer shown (a signed-in app sends the visitor to its login page). Learned live by a second run
 * that signs out and opens the page again; a test that never signed in, or an app that shows the
 * page to anyone afterwards, gets no such assertion: there is no session it could prove gone.
 */
final class SessionEnd {
  private final Function<List<TestStep>, LiveOutcome> perform;

  /**
   * @param perform runs steps live and reads the outcome of the last one that acts
   */
  SessionEnd(Function<List<TestStep>, LiveOutcome> perform) {
    this.perform = perform;
  }

  /**
   * {@code test} (the sign-out and what it shows), then the signed-in page opened again and the
   * address it lands on instead, when the app sends it elsewhere.
   */
  List<TestStep> proven(LiveRun run, List<TestStep> test) {
    List<TestStep> actions = run.actions(Map.of());
    String page = run.formPath();
    if (page == null || actions.stream().noneMatch(s -> s.secret() != null)) return test;
    List<TestStep> again = new ArrayList<>(actions);
    again.add(Steps.goTo(page));
    LiveOutcome outcome;
    try {
      outcome = perform.apply(again);
    } catch (ScenarioSkip e) {
      return test;
    }
    String landed = ObservedApp.pathOnly(outcome.url());
    if (landed == null || landed.equals(ObservedApp.pathOnly(page))) return test;
    List<TestStep> steps = new ArrayList<>(test);
    steps.add(Steps.goTo(page));
    steps.add(Steps.expectUrl(UrlPattern.withIds(landed)));
    return steps;
  }
}
