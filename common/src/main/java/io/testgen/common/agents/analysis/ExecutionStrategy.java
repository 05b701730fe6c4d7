package io.testgen.common.agents.analysis;

import java.util.List;

/**
 * How to run the scenarios.
 *
 * @param order dependency-respecting execution order (scenario ids)
 * @param smokeSet the few scenarios to run first on every change
 * @param parallelGroups groups that may run in parallel; groups run one after another
 */
public record ExecutionStrategy(
    List<String> order,
    List<String> smokeSet,
    List<List<String>> parallelGroups,
    double estimatedSequentialSeconds,
    double estimatedParallelSeconds) {}
