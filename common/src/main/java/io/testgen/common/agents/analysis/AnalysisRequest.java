package io.testgen.common.agents.analysis;

import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.artifacts.ArtifactRef;

/**
 * Input of {@link AnalysisActivities#analyse}.
 *
 * @param verification what Evolution's verification showed, for the final risk register after
 *     Evolution; null for the first ranking
 * @param observationRef the stored observation, read by the agent when {@code observation} is null
 * @param requirementsRef the stored requirements, read when {@code requirements} is null
 * @param evolutionRef the stored evolution result the final risk register's {@code verification} is
 *     taken from, when {@code verification} is null
 */
public record AnalysisRequest(
    String workflowId,
    ObservationResult observation,
    RequirementsResult requirements,
    VerificationFeedback verification,
    ArtifactRef observationRef,
    ArtifactRef requirementsRef,
    ArtifactRef evolutionRef) {

  /** A request with its inputs inline. */
  public AnalysisRequest(
      String workflowId,
      ObservationResult observation,
      RequirementsResult requirements,
      VerificationFeedback verification) {
    this(workflowId, observation, requirements, verification, null, null, null);
  }

  /** The first ranking, before any test ran. */
  public AnalysisRequest(
      String workflowId, ObservationResult observation, RequirementsResult requirements) {
    this(workflowId, observation, requirements, null);
  }

  /** This request with its inputs inline (read from the store by the agent). */
  public AnalysisRequest withInputs(
      ObservationResult observation,
      RequirementsResult requirements,
      VerificationFeedback verification) {
    return new AnalysisRequest(
        workflowId,
        observation,
        requirements,
        verification,
        observationRef,
        requirementsRef,
        evolutionRef);
  }
}
