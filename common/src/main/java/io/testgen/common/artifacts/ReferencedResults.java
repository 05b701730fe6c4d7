package io.testgen.common.artifacts;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.ResultRefs;

/**
 * Turns a run's result as the workflow returned it (small: references to the stored agents'
 * results) into the whole result clients expect, each part read from the store and verified.
 */
public final class ReferencedResults {
  private ReferencedResults() {}

  /**
   * {@code result} with every referenced part read from {@code store}; unchanged when it carries no
   * references (runs recorded before results went by reference). Throws {@link
   * ArtifactIntegrityException} when a part is missing or altered.
   */
  public static GenerationResult resolve(GenerationResult result, ContentAddressedStore store) {
    ResultRefs refs = result == null ? null : result.resultRefs();
    if (refs == null) return result;
    return new GenerationResult(
        result.workflowId(),
        result.status(),
        result.testCount(),
        read(result.observationResult(), refs.observation(), ObservationResult.class, store),
        read(result.requirementsResult(), refs.requirements(), RequirementsResult.class, store),
        read(result.analysisResult(), refs.analysis(), AnalysisResult.class, store),
        read(result.evolutionResult(), refs.evolution(), EvolutionResult.class, store),
        result.startedAt(),
        result.completedAt(),
        result.totalDurationSeconds(),
        read(result.finalAnalysisResult(), refs.finalAnalysis(), AnalysisResult.class, store),
        refs);
  }

  private static <T> T read(T inline, ArtifactRef ref, Class<T> type, ContentAddressedStore store) {
    return inline != null || ref == null ? inline : store.getJson(ref, type);
  }
}
