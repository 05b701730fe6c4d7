package io.testgen.common.progress;

import com.fasterxml.jackson.annotation.JsonValue;

/** Types of progress events, as named on the wire and in SSE {@code event:} lines. */
public enum ProgressEventType {
  WORKFLOW_STARTED,
  AGENT_STARTED,
  AGENT_PROGRESS,
  AGENT_COMPLETED,
  AGENT_FAILED,
  AWAITING_REVIEW,
  WORKFLOW_COMPLETED,
  WORKFLOW_FAILED,
  WORKFLOW_CANCELLED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  /** The run is over after this event; streams end. */
  public boolean terminal() {
    return this == WORKFLOW_COMPLETED || this == WORKFLOW_FAILED || this == WORKFLOW_CANCELLED;
  }

  public static ProgressEventType fromWire(String name) {
    return ProgressEventType.valueOf(name.toUpperCase());
  }
}
