package io.testgen.gateway.runs;

import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.AgentProgress;
import io.testgen.common.workflow.AgentState;
import io.testgen.common.workflow.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Lays the newest progress event of a run's stream over its queried status. The workflow knows an
 * agent's progress only at stage boundaries, while the agent reports within its stage straight to
 * the stream ("Verifying tests: 8/33"); without this, status said 0.0 where the stream said more.
 * One XREVRANGE per status request; with Redis down the queried status stands as it is.
 */
@Component
class LatestProgress {
  private final RedisClient redis;

  LatestProgress(RedisClient redis) {
    this.redis = redis;
  }

  RunStatus over(RunStatus status) {
    return latest(status.workflowId()).map(event -> merge(status, event)).orElse(status);
  }

  /** The status with {@code event}'s progress for its agent when it is ahead of the query's. */
  static RunStatus merge(RunStatus status, ProgressEvent event) {
    if (event.agent() == null
        || (event.type() != ProgressEventType.AGENT_PROGRESS
            && event.type() != ProgressEventType.AGENT_STARTED)
        || status.progress() == null) {
      return status;
    }
    Agent agent;
    try {
      agent = Agent.fromWire(event.agent());
    } catch (IllegalArgumentException unknown) {
      return status;
    }
    AgentProgress current = status.progress().get(agent.wireName());
    if (current == null
        || (current.status() != AgentState.PENDING && current.status() != AgentState.RUNNING)) {
      return status;
    }
    double span = agent.bandEnd() - agent.bandStart();
    double fraction = Math.max(0, Math.min(1, (event.progress() - agent.bandStart()) / span));
    if (fraction <= current.progress()) return status;
    Map<String, AgentProgress> progress = new LinkedHashMap<>(status.progress());
    progress.put(
        agent.wireName(),
        new AgentProgress(
            AgentState.RUNNING,
            fraction,
            event.message(),
            current.startedAt() != null ? current.startedAt() : event.timestamp(),
            current.completedAt(),
            current.durationSeconds(),
            current.counts()));
    return new RunStatus(
        status.workflowId(),
        status.status(),
        status.currentAgent() != null ? status.currentAgent() : agent.wireName(),
        progress,
        Math.max(status.totalProgress(), event.progress()),
        status.startedAt(),
        status.completedAt(),
        status.error(),
        status.targetUrl(),
        status.owner());
  }

  private Optional<ProgressEvent> latest(String workflowId) {
    try {
      List<StreamEntry> last =
          redis.xrevrange(
              ProgressStreams.key(workflowId),
              StreamEntryID.MAXIMUM_ID,
              StreamEntryID.MINIMUM_ID,
              1);
      if (last.isEmpty()) return Optional.empty();
      String json = last.get(0).getFields().get(ProgressStreams.FIELD);
      return json == null
          ? Optional.empty()
          : Optional.of(JsonMapperFactory.shared().readValue(json, ProgressEvent.class));
    } catch (RuntimeException | java.io.IOException unavailableOrUnreadable) {
      return Optional.empty();
    }
  }
}
