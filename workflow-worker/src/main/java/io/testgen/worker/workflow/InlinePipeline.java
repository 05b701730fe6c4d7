package io.testgen.worker.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RunState;
import java.time.Instant;
import java.util.List;

/**
 * The pipeline as runs recorded before the "results-by-reference" version ran it: every result
 * travels whole through Temporal (activity inputs, results and the workflow's result). Kept only so
 * those histories replay; new runs take {@link ReferencePipeline}. Do not change its commands.
 */
final class InlinePipeline extends Pipeline {
  InlinePipeline(RunNarrator narrator, ReviewGate review) {
    super(narrator, review);
  }

  @Override
  GenerationResult run(GenerationRequest request) {
    String id = narrator.workflowId();
    PipelineInputs given = request.inputs();

    ObservationResult observation = given == null ? null : given.observation();
    if (request.runs(Agent.OBSERVATION)) {
      observation =
          observer(narrator.observing(request)).observe(AgentRequests.observation(id, request));
      narrator.observed(ObservationSummary.of(observation, null));
      TestGenerationWorkflowImpl.goalGate(request, observation.goal());
    }

    RequirementsResult requirements = given == null ? null : given.requirements();
    if (request.runs(Agent.REQUIREMENTS)) {
      requirements =
          deriver(narrator.deriving(ObservationSummary.of(observation, null)))
              .deriveRequirements(AgentRequests.requirements(id, request, observation));
      narrator.derived(RequirementsSummary.of(requirements, null));
      if (request.reviewRequired()) {
        List<Scenario> edited =
            review.await(
                requirements.scenarios().size(), request.effectiveReviewTimeout(), narrator);
        if (edited != null) {
          requirements = requirements.withScenarios(edited);
        }
      }
    }

    AnalysisResult analysis = given == null ? null : given.analysis();
    if (request.runs(Agent.ANALYSIS)) {
      analysis =
          analyser(narrator.analysing(RequirementsSummary.of(requirements, null)))
              .analyse(AgentRequests.analysis(id, observation, requirements));
      narrator.analysed(AnalysisSummary.of(analysis, null));
    }

    EvolutionResult evolution = null;
    if (request.runs(Agent.EVOLUTION)) {
      evolution =
          evolver(narrator.evolving(request, RequirementsSummary.of(requirements, null)))
              .evolve(AgentRequests.evolution(id, request, observation, requirements, analysis));
      narrator.evolved(EvolutionSummary.of(evolution, null));
    }

    AnalysisResult finalAnalysis = null;
    if (finalRegisterDue(request, analysis, evolution)) {
      finalAnalysis =
          analyser("Final risk register")
              .analyse(AgentRequests.finalAnalysis(id, observation, requirements, evolution));
    }

    Instant completedAt =
        narrator.completed(
            request, evolution == null ? null : EvolutionSummary.of(evolution, null));
    Instant startedAt = narrator.startedAt();
    return new GenerationResult(
        id,
        RunState.COMPLETED,
        evolution == null ? 0 : evolution.testCount(),
        observation,
        requirements,
        analysis,
        evolution,
        startedAt,
        completedAt,
        seconds(startedAt, completedAt),
        finalAnalysis,
        null); // every part inline: nothing by reference
  }
}
