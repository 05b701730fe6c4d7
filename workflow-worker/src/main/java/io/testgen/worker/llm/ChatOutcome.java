package io.testgen.worker.llm;

import io.testgen.common.agents.requirements.TokenUsageRecord;

/**
 * The answer of one structured LLM call, or why there is none.
 *
 * @param value the parsed answer; null when the call failed
 * @param usage tokens and time of the call (present even when it failed, as far as known)
 * @param failureReason null on success; otherwise "timeout ...", "error ..." or "invalid output
 *     ..."
 */
public record ChatOutcome<T>(T value, TokenUsageRecord usage, String failureReason) {
  public boolean succeeded() {
    return failureReason == null;
  }
}
