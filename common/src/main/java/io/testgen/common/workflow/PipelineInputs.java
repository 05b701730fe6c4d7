package io.testgen.common.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsSummary;
import java.util.List;

/**
 * Runs a part of the pipeline: the per-stage endpoints ({@code POST /observation}, {@code
 * /requirements}, {@code /analysis}, {@code /evolution}) start the same workflow with the stages to
 * run and the earlier stages' results inline (the gateway copies them from the earlier run when
 * given its workflow id).
 *
 * @param stages agent wire names to run, a contiguous part of observation, requirements, analysis,
 *     evolution; null or empty: all
 * @param observation required when the run starts after observation
 * @param requirements required when the run starts after requirements
 * @param analysis required when the run starts with evolution
 * @param storedObservation instead of {@code observation}: an earlier run's stored observation, by
 *     reference (the gateway passes its own caller's earlier run this way, so a large result does
 *     not travel through Temporal again)
 * @param storedRequirements instead of {@code requirements}, likewise
 * @param storedAnalysis instead of {@code analysis}, likewise
 */
public record PipelineInputs(
    List<String> stages,
    ObservationResult observation,
    RequirementsResult requirements,
    AnalysisResult analysis,
    ObservationSummary storedObservation,
    RequirementsSummary storedRequirements,
    AnalysisSummary storedAnalysis) {

  /** Inputs with the earlier results inline. */
  public PipelineInputs(
      List<String> stages,
      ObservationResult observation,
      RequirementsResult requirements,
      AnalysisResult analysis) {
    this(stages, observation, requirements, analysis, null, null, null);
  }

  /** Whether an observation is given, inline or by reference. */
  public boolean hasObservation() {
    return observation != null || storedObservation != null;
  }

  /** Whether requirements are given, inline or by reference. */
  public boolean hasRequirements() {
    return requirements != null || storedRequirements != null;
  }

  /** Whether an analysis is given, inline or by reference. */
  public boolean hasAnalysis() {
    return analysis != null || storedAnalysis != null;
  }

  /**
   * The given observation as a summary: an inline one summarised, a stored one as it is; or null.
   */
  public ObservationSummary observationSummary() {
    return observation != null ? ObservationSummary.of(observation, null) : storedObservation;
  }

  /** The given requirements as a summary, like {@link #observationSummary}. */
  public RequirementsSummary requirementsSummary() {
    return requirements != null ? RequirementsSummary.of(requirements, null) : storedRequirements;
  }

  /** The given analysis as a summary, like {@link #observationSummary}. */
  public AnalysisSummary analysisSummary() {
    return analysis != null ? AnalysisSummary.of(analysis, null) : storedAnalysis;
  }

  /** Whether {@code agent} runs in this part of the pipeline. */
  public boolean runs(Agent agent) {
    return stages == null || stages.isEmpty() || stages.contains(agent.wireName());
  }
}
