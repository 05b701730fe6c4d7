package io.testgen.worker;

import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/** Worker options shared by the worker process and the tests that host workflows. */
public final class WorkerTuning {
  /**
   * Heartbeats reach the server at most this far apart. Cancellation reaches an activity only with
   * a heartbeat's answer, so this bounds how long a cancelled crawl keeps its browser (the SDK's
   * default is 80% of the heartbeat timeout, up to 60 s).
   */
  public static final Duration MAX_HEARTBEAT_THROTTLE = Duration.ofSeconds(2);

  private WorkerTuning() {}

  /**
   * @param testServerCompatible for Temporal's Java test server: a killed worker's workflows stay
   *     stuck on its sticky queue unless sticky tasks time out at once. Off for real servers.
   */
  public static WorkerOptions workerOptions(boolean testServerCompatible) {
    WorkerOptions.Builder builder =
        WorkerOptions.newBuilder()
            .setMaxHeartbeatThrottleInterval(MAX_HEARTBEAT_THROTTLE)
            .setDefaultHeartbeatThrottleInterval(MAX_HEARTBEAT_THROTTLE);
    if (testServerCompatible) builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    return builder.build();
  }

  /**
   * The browser queue's: {@link #workerOptions}, with at most {@code maxConcurrentActivities} of
   * its activities at once (each holds browser contexts).
   */
  public static WorkerOptions browserWorkerOptions(
      boolean testServerCompatible, int maxConcurrentActivities) {
    return WorkerOptions.newBuilder(workerOptions(testServerCompatible))
        .setMaxConcurrentActivityExecutionSize(maxConcurrentActivities)
        .build();
  }
}
