package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives Given/When/Then scenarios from an observation by fixed rules, no LLM: the rule families
 * in this order, each its own {@link ScenarioRule}. The same observation always yields the same
 * scenarios, with the same ids, in the same order. Scenarios whose evidence lies on the
 * instruction's flow are then tagged {@code goal_flow} ({@link GoalFlow}).
 */
public final class ScenarioDeriver {
  public static final String GOAL_ID = GoalRule.GOAL_ID;

  private static final List<ScenarioRule> RULES =
      List.of(
          new GoalRule(),
          new RenderRule(),
          new NavigationRule(),
          new QueryLinkRule(),
          new LogoutLinkRule(),
          new ActionRule(),
          new FormRule(),
          new DeleteRule(),
          new AccessibilityRule(),
          new ProbeRule());

  /** All scenarios the rules find, in derivation order. */
  public List<Scenario> derive(ObservationIndex index, String instruction, boolean hasCredentials) {
    RuleInput input = RuleInput.of(index, instruction, hasCredentials);
    List<Scenario> scenarios = new ArrayList<>();
    for (ScenarioRule rule : RULES) {
      scenarios.addAll(rule.derive(input));
    }
    return input.goalFlow().tag(scenarios);
  }
}
