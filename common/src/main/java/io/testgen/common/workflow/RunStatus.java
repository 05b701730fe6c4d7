package io.testgen.common.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * Live status of a run, answered by {@link TestGenerationWorkflow#status()} and by the gateway's
 * {@code GET /workflows/{id}}; the seed's contract.
 *
 * @param progress per agent, keyed by wire name (observation, requirements, analysis, evolution)
 * @param totalProgress 0..1 over the whole run
 */
public record RunStatus(
    String workflowId,
    RunState status,
    String currentAgent,
    Map<String, AgentProgress> progress,
    double totalProgress,
    Instant startedAt,
    Instant completedAt,
    String error,
    String targetUrl,
    String owner) {}
