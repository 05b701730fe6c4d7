package io.testgen.common.agents.analysis;

import io.testgen.common.artifacts.ArtifactRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the workflow keeps of an {@link AnalysisResult}: the counts its status shows and where the
 * whole result is stored.
 *
 * @param ref the stored result; null when the result travelled inline (an earlier stage's input)
 * @param rankedCount scenarios in the ranking
 * @param levelCounts scenarios per risk level, in the result's order
 */
public record AnalysisSummary(ArtifactRef ref, int rankedCount, Map<String, Integer> levelCounts) {

  /** The summary of {@code result}, stored under {@code ref}. Pure: workflow code may call it. */
  public static AnalysisSummary of(AnalysisResult result, ArtifactRef ref) {
    return new AnalysisSummary(
        ref,
        result.ranking() == null ? 0 : result.ranking().size(),
        result.levelCounts() == null ? null : new LinkedHashMap<>(result.levelCounts()));
  }
}
