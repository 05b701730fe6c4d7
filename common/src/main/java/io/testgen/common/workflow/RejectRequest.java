package io.testgen.common.workflow;

/** Body of the reject Update. */
public record RejectRequest(String reviewer, String reason) {}
