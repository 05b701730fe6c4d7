package io.testgen.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
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
final class PipelineHeartbeats extends WorkerInterceptorBase {
  private static final ScheduledExecutorService TICKS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pipeline-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Duration timeout = context.getInfo().getHeartbeatTimeout();
        if (!TaskQueues.PIPELINE.equals(context.getInfo().getActivityTaskQueue())
            || timeout.isZero()) {
          return super.execute(input);
        }
        long every = Math.max(200, timeout.toMillis() / 4);
        ScheduledFuture<?> beats =
            TICKS.scheduleAtFixedRate(this::beat, 0, every, TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beats.cancel(false);
        }
      }

      private void beat() {
        try {
          context.heartbeat(null);
        } catch (ActivityCompletionException | IllegalStateException over) {
          // cancelled or already completed: the activity's own thread decides what happens
        }
      }
    };
  }
}
