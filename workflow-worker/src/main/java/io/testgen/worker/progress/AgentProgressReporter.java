package io.testgen.worker.progress;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.workflow.Agent;
import java.time.Clock;
import java.util.Map;

/**
 * The events of one agent in one run. Maps the agent's own progress (0..1) into the run's total
 * progress band, so callers think only in their own terms.
 */
public final class AgentProgressReporter {
  private final ProgressPublisher publisher;
  private final String workflowId;
  private final Agent agent;
  private final Clock clock;

  public AgentProgressReporter(
      ProgressPublisher publisher, String workflowId, Agent agent, Clock clock) {
    this.publisher = publisher;
    this.workflowId = workflowId;
    this.agent = agent;
    this.clock = clock;
  }

  public AgentProgressReporter(ProgressPublisher publisher, String workflowId, Agent agent) {
    this(publisher, workflowId, agent, Clock.systemUTC());
  }

  public void started(String message) {
    emit(ProgressEventType.AGENT_STARTED, 0, message, Map.of());
  }

  /** Progress within the agent, {@code fraction} 0..1. */
  public void progress(double fraction, String message, Map<String, Object> data) {
    emit(ProgressEventType.AGENT_PROGRESS, fraction, message, data);
  }

  public void completed(String message, Map<String, Object> data) {
    emit(ProgressEventType.AGENT_COMPLETED, 1, message, data);
  }

  public void failed(String message) {
    emit(ProgressEventType.AGENT_FAILED, 0, message, Map.of());
  }

  /**
   * Runs {@code check}; a bad request it rejects is reported as this agent's failure, then thrown.
   */
  public void validate(Runnable check) {
    try {
      check.run();
    } catch (ApplicationFailure invalid) {
      failed("Invalid request: " + invalid.getOriginalMessage());
      throw invalid;
    }
  }

  private void emit(
      ProgressEventType type, double fraction, String message, Map<String, Object> data) {
    publisher.publish(
        new ProgressEvent(
            type,
            workflowId,
            agent.wireName(),
            agent.totalProgress(fraction),
            message,
            data == null ? Map.of() : data,
            clock.instant()));
  }
}
