package io.testgen.gateway.runs;

import io.testgen.common.workflow.RunState;

/** 202 answer of every start: where to follow the run. */
public record RunAccepted(String workflowId, RunState status, String streamUrl, String statusUrl) {
  static RunAccepted of(String workflowId, RunState status) {
    String base = "/api/v2/workflows/" + workflowId;
    return new RunAccepted(workflowId, status, base + "/stream", base);
  }
}
