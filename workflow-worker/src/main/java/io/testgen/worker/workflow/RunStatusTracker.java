package io.testgen.worker.workflow;

import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow's live status, as the status query answers it. Pure state: the workflow passes in
 * workflow time, so this class stays deterministic.
 */
final class RunStatusTracker {
  private final String workflowId;
  private final String targetUrl;
  private final String owner;
  private final Instant startedAt;
  private final Map<Agent, AgentProgress> agents = new EnumMap<>(Agent.class);
  private RunState state = RunState.PENDING;
  private Agent current;
  private double totalProgress;
  private Instant completedAt;
  private String error;

  RunStatusTracker(String workflowId, String targetUrl, String owner, Instant startedAt) {
    this.workflowId = workflowId;
    this.targetUrl = targetUrl;
    this.owner = owner;
    this.startedAt = startedAt;
    for (Agent agent : Agent.values()) agents.put(agent, AgentProgress.pending());
  }

  void agentStarted(Agent agent, String message, Instant now) {
    state = RunState.RUNNING;
    current = agent;
    agents.put(agent, new AgentProgress(AgentState.RUNNING, 0, message, now, null, null, Map.of()));
    totalProgress = agent.bandStart();
  }

  void agentCompleted(Agent agent, String message, Map<String, Integer> counts, Instant now) {
    AgentProgress before = agents.get(agent);
    Instant started = before.startedAt() == null ? now : before.startedAt();
    double seconds = Duration.between(started, now).toMillis() / 1000.0;
    agents.put(
        agent, new AgentProgress(AgentState.COMPLETED, 1, message, started, now, seconds, counts));
    totalProgress = agent.bandEnd();
  }

  void agentEnded(Agent agent, AgentState endState, String message, Instant now) {
    AgentProgress before = agents.get(agent);
    Instant started = before.startedAt();
    Double seconds = started == null ? null : Duration.between(started, now).toMillis() / 1000.0;
    agents.put(
        agent,
        new AgentProgress(
            endState, before.progress(), message, started, now, seconds, before.counts()));
  }

  void agentSkipped(Agent agent) {
    agents.put(
        agent,
        new AgentProgress(
            AgentState.SKIPPED, 0, "not part of this run", null, null, null, Map.of()));
  }

  void awaitingReview() {
    state = RunState.AWAITING_REVIEW;
  }

  void resumed() {
    state = RunState.RUNNING;
  }

  void completed(Instant now) {
    state = RunState.COMPLETED;
    current = null;
    totalProgress = 1.0;
    completedAt = now;
  }

  void failed(String reason, Instant now) {
    state = RunState.FAILED;
    error = reason;
    completedAt = now;
  }

  void cancelled(Instant now) {
    state = RunState.CANCELLED;
    error = "cancelled";
    completedAt = now;
  }

  Agent current() {
    return current;
  }

  RunState state() {
    return state;
  }

  RunStatus snapshot() {
    Map<String, AgentProgress> progress = new LinkedHashMap<>();
    agents.forEach((agent, p) -> progress.put(agent.wireName(), p));
    return new RunStatus(
        workflowId,
        state,
        current == null ? null : current.wireName(),
        progress,
        totalProgress,
        startedAt,
        completedAt,
        error,
        targetUrl,
        owner);
  }
}
