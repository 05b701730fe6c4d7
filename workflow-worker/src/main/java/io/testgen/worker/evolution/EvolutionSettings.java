package io.testgen.worker.evolution;

import io.testgen.common.workflow.RunLimits;
import io.testgen.worker.config.EnvironmentVariables;
import java.time.Duration;

/**
 * How the Evolution agent verifies tests.
 *
 * @param parallelContexts tests verified at once, each in its own browser context
 * @param verifyRuns default re-runs per kept test for the flakiness filter (a request may override)
 * @param stepTimeout how long one action or expectation may take while verifying
 * @param repairWait how long an explicit wait added by repair may take
 * @param maxRepairsPerTest repair rounds per test before it is reported as failed
 */
public record EvolutionSettings(
    int parallelContexts,
    int verifyRuns,
    Duration stepTimeout,
    Duration repairWait,
    int maxRepairsPerTest) {

  public static EvolutionSettings defaults() {
    return new EvolutionSettings(2, 3, Duration.ofSeconds(5), Duration.ofSeconds(10), 3);
  }

  /**
   * From {@code TESTGEN_EVOLUTION_CONTEXTS} (default 2) and {@code TESTGEN_EVOLUTION_VERIFY_RUNS}
   * (default 3).
   */
  public static EvolutionSettings fromEnvironment(EnvironmentVariables env) {
    EvolutionSettings d = defaults();
    return new EvolutionSettings(
        env.integer("TESTGEN_EVOLUTION_CONTEXTS", d.parallelContexts(), 1, 16),
        env.integer("TESTGEN_EVOLUTION_VERIFY_RUNS", d.verifyRuns(), 1, RunLimits.MAX_VERIFY_RUNS),
        d.stepTimeout(),
        d.repairWait(),
        d.maxRepairsPerTest());
  }

  public EvolutionSettings withParallelContexts(int n) {
    return new EvolutionSettings(n, verifyRuns, stepTimeout, repairWait, maxRepairsPerTest);
  }
}
