package io.testgen.worker.workflow;

import static io.testgen.worker.workflow.TestGenerationWorkflowImpl.stub;

import io.temporal.workflow.Workflow;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.requirements.RequirementsActivities;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import java.time.Duration;
import java.time.Instant;

/**
 * The stages' order and hand-over in one run, as {@link ReferencePipeline} or, for runs recorded
 * before it, {@link InlinePipeline} does it; both tell the run through the same narrator and wait
 * for review at the same gate.
 */
abstract class Pipeline {
  final RunNarrator narrator;
  final ReviewGate review;

  Pipeline(RunNarrator narrator, ReviewGate review) {
    this.narrator = narrator;
    this.review = review;
  }

  abstract GenerationResult run(GenerationRequest request);

  /** The Observation agent, for one step shown as {@code summary}. */
  static ObservationActivities observer(String summary) {
    return stub(ObservationActivities.class, TestGenerationWorkflowImpl.OBSERVE, summary);
  }

  /** The Requirements agent, for one step shown as {@code summary}. */
  static RequirementsActivities deriver(String summary) {
    return stub(
        RequirementsActivities.class, TestGenerationWorkflowImpl.DERIVE_REQUIREMENTS, summary);
  }

  /** The Analysis agent, for one step shown as {@code summary}. */
  static AnalysisActivities analyser(String summary) {
    return stub(AnalysisActivities.class, TestGenerationWorkflowImpl.ANALYSE, summary);
  }

  /** The Evolution agent, for one step shown as {@code summary}. */
  static EvolutionActivities evolver(String summary) {
    return stub(EvolutionActivities.class, TestGenerationWorkflowImpl.EVOLVE, summary);
  }

  /**
   * Whether the risk register runs again after Evolution, now that verification and oracle strength
   * are known: only when this run analysed and evolved, and not in runs recorded before {@link
   * TestGenerationWorkflowImpl#FINAL_RISK_REGISTER} (the version marker is asked last, as before).
   */
  static boolean finalRegisterDue(GenerationRequest request, Object analysis, Object evolution) {
    return analysis != null
        && evolution != null
        && request.runs(Agent.ANALYSIS)
        && Workflow.getVersion(
                TestGenerationWorkflowImpl.FINAL_RISK_REGISTER, Workflow.DEFAULT_VERSION, 1)
            == 1;
  }

  /** The run's duration in seconds, to the millisecond. */
  static double seconds(Instant startedAt, Instant completedAt) {
    return Duration.between(startedAt, completedAt).toMillis() / 1000.0;
  }
}
