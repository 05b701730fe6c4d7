package io.testgen.common.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
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
 */
public record PipelineInputs(
    List<String> stages,
    ObservationResult observation,
    RequirementsResult requirements,
    AnalysisResult analysis) {

  /** Whether {@code agent} runs in this part of the pipeline. */
  public boolean runs(Agent agent) {
    return stages == null || stages.isEmpty() || stages.contains(agent.wireName());
  }
}
