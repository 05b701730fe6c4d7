package io.testgen.common.agents.analysis;

import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;

/**
 * Input of {@link AnalysisActivities#analyse}.
 *
 * @param verification what Evolution's verification showed, for the final risk register after
 *     Evolution; null for the first ranking
 */
public record AnalysisRequest(
    String workflowId,
    ObservationResult observation,
    RequirementsResult requirements,
    VerificationFeedback verification) {

  /** The first ranking, before any test ran. */
  public AnalysisRequest(
      String workflowId, ObservationResult observation, RequirementsResult requirements) {
    this(workflowId, observation, requirements, null);
  }
}
