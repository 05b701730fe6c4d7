package io.testgen.common.agents.requirements;

import io.testgen.common.agents.observation.ObservationResult;
import java.util.List;

/**
 * Input of {@link RequirementsActivities#deriveRequirements}.
 *
 * @param scenarioTypes filter (empty or null: all types)
 * @param hasCredentials whether login credentials were given (never the credentials themselves)
 */
public record RequirementsRequest(
    String workflowId,
    ObservationResult observation,
    String userInstruction,
    List<String> scenarioTypes,
    int maxScenarios,
    boolean focusGoalOnly,
    boolean hasCredentials) {}
