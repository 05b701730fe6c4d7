package io.testgen.common.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * One agent's progress inside {@link RunStatus}, in the seed's shape.
 *
 * @param progress the agent's own progress, 0..1
 * @param counts what the agent produced so far (pages, states, scenarios, tests ...)
 */
public record AgentProgress(
    AgentState status,
    double progress,
    String message,
    Instant startedAt,
    Instant completedAt,
    Double durationSeconds,
    Map<String, Integer> counts) {

  public static AgentProgress pending() {
    return new AgentProgress(AgentState.PENDING, 0, null, null, null, null, Map.of());
  }
}
