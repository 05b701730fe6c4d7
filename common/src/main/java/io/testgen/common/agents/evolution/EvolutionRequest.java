package io.testgen.common.agents.evolution;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.security.CarriesSecrets;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;

/**
 * Input of {@link EvolutionActivities#evolve}.
 *
 * @param baselineSuiteRef artifact path of an earlier run's test model (suite.json) to evolve
 * @param verifyRuns runs each kept test must pass, the first included (0: the worker's default,
 *     {@code TESTGEN_EVOLUTION_VERIFY_RUNS})
 * @param mutationBudgetSeconds time for mutation analysis (oracle strength); null: as long as the
 *     verification took; 0: off
 * @param observationRef the stored observation, read by the agent when {@code observation} is null
 * @param requirementsRef the stored requirements, read when {@code requirements} is null
 * @param analysisRef the stored analysis, read when {@code analysis} is null
 * @param allowDestructive the run allows destructive actions: tests may submit forms that delete,
 *     manage accounts or roles, pay or send (never the signed-in account's own)
 */
public record EvolutionRequest(
    String workflowId,
    String targetUrl,
    ObservationResult observation,
    RequirementsResult requirements,
    AnalysisResult analysis,
    LoginCredentials loginCredentials,
    HttpCredentials httpCredentials,
    String baselineWorkflowId,
    String baselineSuiteRef,
    int maxIterations,
    int verifyRuns,
    Integer mutationBudgetSeconds,
    ArtifactRef observationRef,
    ArtifactRef requirementsRef,
    ArtifactRef analysisRef,
    boolean allowDestructive)
    implements CarriesSecrets {

  /** This request with its inputs inline (read from the store by the agent). */
  public EvolutionRequest withInputs(
      ObservationResult observation, RequirementsResult requirements, AnalysisResult analysis) {
    return new EvolutionRequest(
        workflowId,
        targetUrl,
        observation,
        requirements,
        analysis,
        loginCredentials,
        httpCredentials,
        baselineWorkflowId,
        baselineSuiteRef,
        maxIterations,
        verifyRuns,
        mutationBudgetSeconds,
        observationRef,
        requirementsRef,
        analysisRef,
        allowDestructive);
  }

  @Override
  public boolean carriesSecrets() {
    return loginCredentials != null || httpCredentials != null;
  }
}
