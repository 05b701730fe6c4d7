package io.testgen.common.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import java.time.Instant;

/**
 * Result of a completed run: the four agents' results, small (large artifacts are referenced, not
 * embedded).
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
    double totalDurationSeconds) {}
