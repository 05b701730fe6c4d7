package io.testgen.worker.workflow;

import io.testgen.common.agents.analysis.AnalysisRequest;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.VerificationFeedback;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsRequest;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.workflow.GenerationRequest;

/**
 * What each agent is asked, built from the run's request and the results of the stages before it.
 * Pure, so the orchestration reads as a list of calls.
 */
final class AgentRequests {
  private AgentRequests() {}

  static ObservationRequest observation(String workflowId, GenerationRequest request) {
    return new ObservationRequest(
        workflowId,
        request.url(),
        request.effectiveMaxDepth(),
        request.effectiveMaxPages(),
        request.userInstruction(),
        request.loginCredentials(),
        request.httpCredentials(),
        request.destructiveAllowed(),
        request.writesAllowed());
  }

  static RequirementsRequest requirements(
      String workflowId, GenerationRequest request, ObservationResult observation) {
    return new RequirementsRequest(
        workflowId,
        observation,
        request.userInstruction(),
        request.scenarioTypes(),
        request.effectiveMaxScenarios(),
        Boolean.TRUE.equals(request.focusGoalOnly()),
        request.loginCredentials() != null);
  }

  static AnalysisRequest analysis(
      String workflowId, ObservationResult observation, RequirementsResult requirements) {
    return new AnalysisRequest(workflowId, observation, requirements);
  }

  /** The final risk register's input: the first one's, with what verification showed. */
  static AnalysisRequest finalAnalysis(
      String workflowId,
      ObservationResult observation,
      RequirementsResult requirements,
      EvolutionResult evolution) {
    return new AnalysisRequest(
        workflowId, observation, requirements, VerificationFeedback.of(evolution));
  }

  static EvolutionRequest evolution(
      String workflowId,
      GenerationRequest request,
      ObservationResult observation,
      RequirementsResult requirements,
      AnalysisResult analysis) {
    return evolution(workflowId, request, observation, null, requirements, null, analysis, null);
  }

  // ---- results by reference: each earlier result travels inline (a stage input the run was
  // given) or as its artifact reference (what an agent of this run stored)
  // -------------------------

  static RequirementsRequest requirements(
      String workflowId,
      GenerationRequest request,
      ObservationResult observation,
      ArtifactRef observationRef) {
    return requirements(workflowId, request, observation).withObservationRef(observationRef);
  }

  static AnalysisRequest analysis(
      String workflowId,
      ObservationResult observation,
      ArtifactRef observationRef,
      RequirementsResult requirements,
      ArtifactRef requirementsRef) {
    return finalAnalysis(
        workflowId, observation, observationRef, requirements, requirementsRef, null);
  }

  /** The final risk register's input: the agent takes the verification from the evolution. */
  static AnalysisRequest finalAnalysis(
      String workflowId,
      ObservationResult observation,
      ArtifactRef observationRef,
      RequirementsResult requirements,
      ArtifactRef requirementsRef,
      ArtifactRef evolutionRef) {
    return new AnalysisRequest(
        workflowId, observation, requirements, null, observationRef, requirementsRef, evolutionRef);
  }

  static EvolutionRequest evolution(
      String workflowId,
      GenerationRequest request,
      ObservationResult observation,
      ArtifactRef observationRef,
      RequirementsResult requirements,
      ArtifactRef requirementsRef,
      AnalysisResult analysis,
      ArtifactRef analysisRef) {
    String baseline = request.baselineWorkflowId();
    return new EvolutionRequest(
        workflowId,
        request.url(),
        observation,
        requirements,
        analysis,
        request.loginCredentials(),
        request.httpCredentials(),
        baseline,
        baseline == null ? null : ArtifactPaths.runDir(baseline) + "/suite.json",
        request.effectiveMaxIterations(),
        // 0 = the worker's TESTGEN_EVOLUTION_VERIFY_RUNS, unless the request names a count
        request.verifyRuns() == null ? 0 : request.verifyRuns(),
        request.mutationBudgetSeconds(),
        observationRef,
        requirementsRef,
        analysisRef,
        request.destructiveAllowed());
  }
}
