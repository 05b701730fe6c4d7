package io.testgen.common.progress;

import java.time.Instant;
import java.util.Map;

/**
 * One progress event of a run, appended to the run's Redis Stream and sent to SSE clients.
 *
 * @param agent wire name of the agent, null for workflow-level events
 * @param progress total progress of the run, 0..1 (agents map their own progress into their band)
 * @param data small structured details (counts, current URL); never secrets
 */
public record ProgressEvent(
    ProgressEventType type,
    String workflowId,
    String agent,
    double progress,
    String message,
    Map<String, Object> data,
    Instant timestamp) {}
