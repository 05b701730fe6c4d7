package io.testgen.worker;

import io.temporal.activity.Activity;

/**
 * A heartbeat from an agent that also runs outside Temporal: inside an activity it beats with the
 * given detail, in plain calls (tests, tools) there is no context and it does nothing.
 */
public final class ActivityHeartbeat {
  private ActivityHeartbeat() {}

  public static void beat(String detail) {
    try {
      Activity.getExecutionContext().heartbeat(detail);
    } catch (IllegalStateException notAnActivity) {
      // not inside an activity
    }
  }
}
