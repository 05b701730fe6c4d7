package io.testgen.common.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a run as clients see it. */
public enum RunState {
  PENDING,
  RUNNING,
  AWAITING_REVIEW,
  COMPLETED,
  FAILED,
  CANCELLED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public static RunState fromWire(String name) {
    return RunState.valueOf(name.toUpperCase());
  }
}
