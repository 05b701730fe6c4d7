package io.testgen.worker;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.testgen.common.json.TemporalDataConverters;

/**
 * Temporal's test environments as the worker runs them: payloads through the same JSON data
 * converter (snake_case, secrets encrypted), so a test sees what a real history would hold.
 */
public final class TemporalTestEnvironments {
  private TemporalTestEnvironments() {}

  /** An in-memory Temporal service for workflow tests and replays. */
  public static TestWorkflowEnvironment workflows() {
    return TestWorkflowEnvironment.newInstance(options());
  }

  /** An activity environment for heartbeat, checkpoint and cancellation tests. */
  public static TestActivityEnvironment activities() {
    return TestActivityEnvironment.newInstance(options());
  }

  private static TestEnvironmentOptions options() {
    return TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(
            WorkflowClientOptions.newBuilder()
                .setDataConverter(TemporalDataConverters.json())
                .build())
        .build();
  }
}
