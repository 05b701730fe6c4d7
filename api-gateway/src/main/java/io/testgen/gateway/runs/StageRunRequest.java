package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.RunLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of the per-stage endpoints {@code /requirements}, {@code /analysis}, {@code /evolution}: the
 * earlier stages' results either from a run ({@code workflow_id}, one of the caller's completed
 * runs) or inline (requirements needs {@code observation_result}; analysis also {@code
 * requirements_result}; evolution also {@code analysis_result}), plus the options of the stage.
 */
public record StageRunRequest(
    @Schema(description = "earlier run whose results feed this stage") @Size(max = 255)
        String workflowId,
    @Schema(description = "target URL; defaults to the earlier run's or the observation's")
        String url,
    ObservationResult observationResult,
    RequirementsResult requirementsResult,
    AnalysisResult analysisResult,
    @Size(max = 2000) String userInstruction,
    @Size(max = 7) List<String> scenarioTypes,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_SCENARIOS) Integer maxScenarios,
    Boolean focusGoalOnly,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_ITERATIONS) Integer maxIterations) {}
