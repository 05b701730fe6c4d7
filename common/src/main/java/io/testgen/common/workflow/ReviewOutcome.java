package io.testgen.common.workflow;

/** What an approve or reject Update did. */
public record ReviewOutcome(String workflowId, String decision, int scenarioCount) {}
