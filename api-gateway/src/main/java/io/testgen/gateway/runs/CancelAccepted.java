package io.testgen.gateway.runs;

/** 202 answer of {@code DELETE /workflows/{id}}: cancellation was requested. */
public record CancelAccepted(String workflowId, String status) {}
