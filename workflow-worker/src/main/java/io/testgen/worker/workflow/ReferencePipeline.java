package io.testgen.worker.workflow;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsRevision;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.ResultRefs;
import io.testgen.common.workflow.RunState;
import java.time.Instant;
import java.util.List;

/**
 * The pipeline with results by reference: each agent writes its result to the artifact store and
 * returns a summary carrying the reference; the next agent reads what it needs by reference. Only
 * the stage inputs a run was given inline travel whole (an earlier run's stored results come by
 * reference too, and appear in this run's result as references). Temporal's history holds
 * references and counts, so it stays small at 500 pages.
 */
final class ReferencePipeline extends Pipeline {
  ReferencePipeline(RunNarrator narrator, ReviewGate review) {
    super(narrator, review);
  }

  @Override
  GenerationResult run(GenerationRequest request) {
    String id = narrator.workflowId();
    PipelineInputs given = request.inputs();

    // A given (inline) result stays inline; one an agent of this run produced is a reference.
    ObservationResult givenObservation = given == null ? null : given.observation();
    ObservationSummary observation = given == null ? null : given.observationSummary();
    if (request.runs(Agent.OBSERVATION)) {
      observation =
          observer(narrator.observing(request))
              .observeAndStore(AgentRequests.observation(id, request));
      givenObservation = null;
      narrator.observed(observation);
      TestGenerationWorkflowImpl.goalGate(request, observation.goal());
    }

    RequirementsResult givenRequirements = given == null ? null : given.requirements();
    RequirementsSummary requirements = given == null ? null : given.requirementsSummary();
    if (request.runs(Agent.REQUIREMENTS)) {
      requirements =
          deriver(narrator.deriving(observation))
              .deriveRequirementsAndStore(
                  AgentRequests.requirements(id, request, givenObservation, ref(observation)));
      givenRequirements = null;
      narrator.derived(requirements);
      if (request.reviewRequired()) {
        List<Scenario> edited =
            review.await(requirements.scenarioCount(), request.effectiveReviewTimeout(), narrator);
        if (edited != null) {
          requirements =
              deriver("Requirements: store the reviewed scenarios")
                  .storeRevision(new RequirementsRevision(id, requirements.ref(), edited));
        }
      }
    }

    AnalysisResult givenAnalysis = given == null ? null : given.analysis();
    AnalysisSummary analysis = given == null ? null : given.analysisSummary();
    if (request.runs(Agent.ANALYSIS)) {
      analysis =
          analyser(narrator.analysing(requirements))
              .analyseAndStore(
                  AgentRequests.analysis(
                      id,
                      givenObservation,
                      ref(observation),
                      givenRequirements,
                      ref(requirements)));
      givenAnalysis = null;
      narrator.analysed(analysis);
    }

    EvolutionSummary evolution = null;
    if (request.runs(Agent.EVOLUTION)) {
      evolution =
          evolver(narrator.evolving(request, requirements))
              .evolveAndStore(
                  AgentRequests.evolution(
                      id,
                      request,
                      givenObservation,
                      ref(observation),
                      givenRequirements,
                      ref(requirements),
                      givenAnalysis,
                      ref(analysis)));
      narrator.evolved(evolution);
    }

    AnalysisSummary finalAnalysis = null;
    if (finalRegisterDue(request, analysis, evolution)) {
      finalAnalysis =
          analyser("Final risk register")
              .analyseAndStore(
                  AgentRequests.finalAnalysis(
                      id,
                      givenObservation,
                      ref(observation),
                      givenRequirements,
                      ref(requirements),
                      evolution.ref()));
    }

    Instant completedAt = narrator.completed(request, evolution);
    Instant startedAt = narrator.startedAt();
    return new GenerationResult(
        id,
        RunState.COMPLETED,
        evolution == null ? 0 : evolution.testCount(),
        givenObservation,
        givenRequirements,
        givenAnalysis,
        null,
        startedAt,
        completedAt,
        seconds(startedAt, completedAt),
        null,
        new ResultRefs(
            ref(observation),
            ref(requirements),
            ref(analysis),
            evolution == null ? null : evolution.ref(),
            ref(finalAnalysis)));
  }

  private static ArtifactRef ref(ObservationSummary summary) {
    return summary == null ? null : summary.ref();
  }

  private static ArtifactRef ref(RequirementsSummary summary) {
    return summary == null ? null : summary.ref();
  }

  private static ArtifactRef ref(AnalysisSummary summary) {
    return summary == null ? null : summary.ref();
  }
}
