package io.testgen.common.agents.evolution;

import java.util.List;
import java.util.Map;

/**
 * Tests, verification figures and where the rendered suites are.
 *
 * @param tests all candidate tests with their status (the suite holds passed and repaired ones)
 * @param suites artifact paths by format: playwright-ts, playwright-java, model (suite.json)
 * @param mutation oracle strength of the suite; null when mutation analysis was off or not run
 */
public record EvolutionResult(
    List<GeneratedTest> tests,
    int testCount,
    double passRate,
    int flakyCount,
    int repairedCount,
    List<String> failing,
    Map<String, String> suites,
    SuiteDiff diff,
    long durationMillis,
    MutationReport mutation) {

  /** The same result with its mutation report. */
  public EvolutionResult withMutation(MutationReport report) {
    return new EvolutionResult(
        tests,
        testCount,
        passRate,
        flakyCount,
        repairedCount,
        failing,
        suites,
        diff,
        durationMillis,
        report);
  }
}
