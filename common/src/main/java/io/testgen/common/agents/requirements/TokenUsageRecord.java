package io.testgen.common.agents.requirements;

/** Token usage of one LLM call. */
public record TokenUsageRecord(
    String purpose, Integer inputTokens, Integer outputTokens, Integer totalTokens, long millis) {}
