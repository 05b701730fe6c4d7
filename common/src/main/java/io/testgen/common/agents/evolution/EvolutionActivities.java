package io.testgen.common.agents.evolution;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Evolution agent: tests from scenarios, verified against the app, rendered as suites. */
@ActivityInterface
public interface EvolutionActivities {
  @ActivityMethod(name = "Evolve")
  EvolutionResult evolve(EvolutionRequest request);
}
