package io.testgen.gateway.runs;

import io.testgen.common.workflow.RunState;
import java.time.Instant;

/** One run in a listing. */
public record RunSummary(
    String workflowId,
    RunState status,
    String targetUrl,
    String stage,
    String kind,
    Instant startedAt,
    Instant closedAt) {}
