package io.testgen.common.agents.requirements;

import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.artifacts.ArtifactRef;
import java.util.List;

/**
 * Input of {@link RequirementsActivities#deriveRequirements}.
 *
 * @param scenarioTypes filter (empty or null: all types)
 * @param hasCredentials whether login credentials were given (never the credentials themselves)
 * @param observationRef the stored observation, read by the agent when {@code observation} is null
 */
public record RequirementsRequest(
    String workflowId,
    ObservationResult observation,
    String userInstruction,
    List<String> scenarioTypes,
    int maxScenarios,
    boolean focusGoalOnly,
    boolean hasCredentials,
    ArtifactRef observationRef) {

  /** A request with the observation inline. */
  public RequirementsRequest(
      String workflowId,
      ObservationResult observation,
      String userInstruction,
      List<String> scenarioTypes,
      int maxScenarios,
      boolean focusGoalOnly,
      boolean hasCredentials) {
    this(
        workflowId,
        observation,
        userInstruction,
        scenarioTypes,
        maxScenarios,
        focusGoalOnly,
        hasCredentials,
        null);
  }

  /** This request with the observation inline (read from the store by the agent). */
  public RequirementsRequest withObservation(ObservationResult inline) {
    return copy(inline, observationRef);
  }

  /** This request with the observation by reference. */
  public RequirementsRequest withObservationRef(ArtifactRef ref) {
    return copy(observation, ref);
  }

  private RequirementsRequest copy(ObservationResult observation, ArtifactRef observationRef) {
    return new RequirementsRequest(
        workflowId,
        observation,
        userInstruction,
        scenarioTypes,
        maxScenarios,
        focusGoalOnly,
        hasCredentials,
        observationRef);
  }
}
