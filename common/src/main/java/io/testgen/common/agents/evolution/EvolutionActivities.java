package io.testgen.common.agents.evolution;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Evolution agent: tests from scenarios, verified against the app, rendered as suites. */
@ActivityInterface
public interface EvolutionActivities {
  @ActivityMethod(name = "Evolve")
  EvolutionResult evolve(EvolutionRequest request);

  /**
   * {@link #evolve} reading its inputs by reference and writing its result to the artifact store:
   * Temporal carries only references and figures.
   */
  @ActivityMethod(name = "EvolveAndStore")
  EvolutionSummary evolveAndStore(EvolutionRequest request);
}
