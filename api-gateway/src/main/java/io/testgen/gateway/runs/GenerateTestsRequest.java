package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.media.Schema;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
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
    @Min(1) @Max(5) Integer maxDepth,
    @Min(1) @Max(500) Integer maxPages,
    @Size(max = 2000) String userInstruction,
    @Schema(description = "app login; encrypted in Temporal, never logged")
        LoginCredentials loginCredentials,
    @Schema(description = "HTTP basic credentials; encrypted in Temporal")
        HttpCredentials httpCredentials,
    Boolean allowDestructive,
    @Size(max = 7) List<String> scenarioTypes,
    @Min(1) @Max(100) Integer maxScenarios,
    Boolean focusGoalOnly,
    Boolean reviewRequirements,
    @Min(1) @Max(604800) Long reviewTimeoutSeconds,
    @Size(max = 255) String baselineWorkflowId,
    @Min(1) @Max(20) Integer maxIterations,
    @Schema(
            description =
                "whether exploration may submit non-GET forms (default true); false explores"
                    + " read-only, for production-like targets")
        Boolean allowWrites) {

  /** A body without {@code allow_writes} (writes allowed). */
  public GenerateTestsRequest(
      String url,
      Integer maxDepth,
      Integer maxPages,
      String userInstruction,
      LoginCredentials loginCredentials,
      HttpCredentials httpCredentials,
      Boolean allowDestructive,
      List<String> scenarioTypes,
      Integer maxScenarios,
      Boolean focusGoalOnly,
      Boolean reviewRequirements,
      Long reviewTimeoutSeconds,
      String baselineWorkflowId,
      Integer maxIterations) {
    this(
        url,
        maxDepth,
        maxPages,
        userInstruction,
        loginCredentials,
        httpCredentials,
        allowDestructive,
        scenarioTypes,
        maxScenarios,
        focusGoalOnly,
        reviewRequirements,
        reviewTimeoutSeconds,
        baselineWorkflowId,
        maxIterations,
        null);
  }
}
