package io.testgen.worker.workflow;

import io.temporal.workflow.Workflow;
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
