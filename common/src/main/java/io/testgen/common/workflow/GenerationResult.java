package io.testgen.common.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import java.time.Instant;

/**
 * Result of a completed run: the four agents' results, small (large artifacts are referenced, not
 * embedded).
 *
 * @param analysisResult the first risk register, ranked from what Observation saw
 * @param finalAnalysisResult the final risk register, ranked again once Evolution's verification
 *     and oracle strength were known; null when Evolution or Analysis did not run (and for runs
 *     recorded before it existed)
 * @param resultRefs where the results not inline here are stored (content-addressed); null for runs
 *     recorded before results went by reference. Read them with {@code ReferencedResults#resolve}.
 */
public record GenerationResult(
    String workflowId,
    RunState status,
    int testCount,
    ObservationResult observationResult,
    RequirementsResult requirementsResult,
    AnalysisResult analysisResult,
    EvolutionResult evolutionResult,
    Instant startedAt,
    Instant completedAt,
    double totalDurationSeconds,
    AnalysisResult finalAnalysisResult,
    ResultRefs resultRefs) {}
