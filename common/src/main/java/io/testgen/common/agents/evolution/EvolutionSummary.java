package io.testgen.common.agents.evolution;

import io.testgen.common.artifacts.ArtifactRef;

/**
 * What the workflow keeps of an {@link EvolutionResult}: the figures its status, UI details and
 * completion event show, and where the whole result (tests, suites, mutation report) is stored.
 *
 * @param ref the stored result
 * @param failingCount tests that kept failing
 */
public record EvolutionSummary(
    ArtifactRef ref,
    int testCount,
    double passRate,
    int flakyCount,
    int repairedCount,
    int failingCount) {

  /** The summary of {@code result}, stored under {@code ref}. Pure: workflow code may call it. */
  public static EvolutionSummary of(EvolutionResult result, ArtifactRef ref) {
    return new EvolutionSummary(
        ref,
        result.testCount(),
        result.passRate(),
        result.flakyCount(),
        result.repairedCount(),
        result.failing() == null ? 0 : result.failing().size());
  }
}
