package io.testgen.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * A worker interceptor that wraps each activity execution knowing its context: the Temporal
 * plumbing (the context arrives in {@code init}, the execution comes later) written once for {@link
 * PipelineHeartbeats} and the benchmarks' activity timer.
 */
public abstract class ActivityContextInterceptor extends WorkerInterceptorBase {

  /**
   * Runs one activity execution: {@code next.execute(input)} is the activity's own code (and the
   * interceptors after this one).
   */
  protected abstract ActivityOutput execute(
      ActivityExecutionContext context, ActivityInput input, ActivityInboundCallsInterceptor next);

  @Override
  public final ActivityInboundCallsInterceptor interceptActivity(
      ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        return ActivityContextInterceptor.this.execute(context, input, next);
      }
    };
  }
}
