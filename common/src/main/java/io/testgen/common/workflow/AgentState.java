package io.testgen.common.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of one agent within a run. */
public enum AgentState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED,
  SKIPPED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }
}
