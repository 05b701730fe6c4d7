package io.testgen.common.agents.analysis;

import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;

/** Input of {@link AnalysisActivities#analyse}. */
public record AnalysisRequest(
    String workflowId, ObservationResult observation, RequirementsResult requirements) {}
