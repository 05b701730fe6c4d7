package io.testgen.common.agents.requirements;

import io.testgen.common.artifacts.ArtifactRef;
import java.util.List;

/**
 * Input of {@link RequirementsActivities#storeRevision}: a reviewer's edited scenarios replace the
 * stored result's (coverage and LLM report are kept), stored as a new result.
 *
 * @param requirementsRef the result the reviewer saw
 * @param scenarios the approved, edited list (validated by the workflow's update validator)
 */
public record RequirementsRevision(
    String workflowId, ArtifactRef requirementsRef, List<Scenario> scenarios) {}
