package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import io.testgen.common.workflow.RunLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /generate-tests}, {@code /improve-tests} and {@code /observation}. Ranges are
 * checked by bean validation (400 {@code INVALID_FIELD}); the URL, scenario types and credentials
 * by {@link RunRequestValidator}.
 */
public record GenerateTestsRequest(
    @Schema(description = "target start URL, http or https", example = "https://shop.example.com")
        String url,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_DEPTH) Integer maxDepth,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_PAGES) Integer maxPages,
    @Size(max = 2000) String userInstruction,
    @Schema(description = "app login; encrypted in Temporal, never logged")
        LoginCredentials loginCredentials,
    @Schema(description = "HTTP basic credentials; encrypted in Temporal")
        HttpCredentials httpCredentials,
    Boolean allowDestructive,
    @Size(max = 7) List<String> scenarioTypes,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_SCENARIOS) Integer maxScenarios,
    Boolean focusGoalOnly,
    Boolean reviewRequirements,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_REVIEW_TIMEOUT_SECONDS) Long reviewTimeoutSeconds,
    @Size(max = 255) String baselineWorkflowId,
    @Min(RunLimits.MIN) @Max(RunLimits.MAX_ITERATIONS) Integer maxIterations,
    @Schema(
            description =
                "whether exploration may submit non-GET forms (default true); false explores"
                    + " read-only, for production-like targets")
        Boolean allowWrites,
    @Schema(
            description =
                "seconds for measuring oracle strength by fault injection (default: as long as"
                    + " the verification took; 0: off)")
        @Min(0)
        @Max(RunLimits.MAX_MUTATION_BUDGET_SECONDS)
        Integer mutationBudgetSeconds) {}
