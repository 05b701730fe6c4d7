package io.testgen.common.agents.requirements;

import java.util.List;

/**
 * What the optional LLM did for an agent.
 *
 * @param used whether an LLM was configured and called
 * @param fallback whether the deterministic result stands because the LLM failed
 * @param fallbackReason timeout, error or invalid output, in words
 */
public record LlmReport(
    boolean used,
    String provider,
    String model,
    boolean fallback,
    String fallbackReason,
    List<TokenUsageRecord> calls,
    int changesApplied,
    int changesRejected) {

  public static LlmReport notConfigured() {
    return new LlmReport(false, null, null, false, null, List.of(), 0, 0);
  }
}
