package io.testgen.common.workflow;

import io.testgen.common.artifacts.ArtifactRef;

/**
 * Where a run's results are stored when the workflow carried them by reference (runs started after
 * the "results-by-reference" version): each is null when that result is inline in {@link
 * GenerationResult} or was not produced. Gateways read them from the artifact store, verified.
 */
public record ResultRefs(
    ArtifactRef observation,
    ArtifactRef requirements,
    ArtifactRef analysis,
    ArtifactRef evolution,
    ArtifactRef finalAnalysis) {}
