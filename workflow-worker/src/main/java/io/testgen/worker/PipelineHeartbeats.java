package io.testgen.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.testgen.common.workflow.TaskQueues;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats for the pipeline queue's agents (Requirements, Analysis) while they run: they compute
 * (and may wait for an LLM) without heartbeats of their own, so without these a worker killed
 * inside one was noticed only at the 5-minute start-to-close timeout. With a heartbeat timeout on
 * their options, Temporal retries them on another worker within seconds. The browser queue's agents
 * are left alone: their heartbeats carry checkpoints that a detail-less beat would overwrite.
 */
final class PipelineHeartbeats extends ActivityContextInterceptor {
  private static final ScheduledExecutorService TICKS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pipeline-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  protected ActivityOutput execute(
      ActivityExecutionContext context, ActivityInput input, ActivityInboundCallsInterceptor next) {
    Duration timeout = context.getInfo().getHeartbeatTimeout();
    if (!TaskQueues.PIPELINE.equals(context.getInfo().getActivityTaskQueue()) || timeout.isZero()) {
      return next.execute(input);
    }
    long every = Math.max(200, timeout.toMillis() / 4);
    ScheduledFuture<?> beats =
        TICKS.scheduleAtFixedRate(() -> beat(context), 0, every, TimeUnit.MILLISECONDS);
    try {
      return next.execute(input);
    } finally {
      beats.cancel(false);
    }
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException | IllegalStateException over) {
      // cancelled or already completed: the activity's own thread decides what happens
    }
  }
}
