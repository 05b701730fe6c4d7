package io.testgen.common.progress;

import java.time.Duration;

/** Naming and bounds of the per-run Redis Streams. */
public final class ProgressStreams {
  /** Approximate cap on entries per run (XADD MAXLEN ~). */
  public static final long MAX_LENGTH = 5_000;

  /** Streams expire this long after their last event. */
  public static final Duration TTL = Duration.ofDays(7);

  /** The one field of a stream entry: the event as JSON. */
  public static final String FIELD = "event";

  private ProgressStreams() {}

  /** {@code testgen:run:{workflowId}:events}. */
  public static String key(String workflowId) {
    return "testgen:run:" + workflowId + ":events";
  }
}
