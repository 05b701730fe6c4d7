package io.testgen.worker.workflow;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.testgen.worker.ActivityContextInterceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times each activity's own code in the worker: from its decoded arguments to its result, before
 * the result is encoded; keeps the arguments and the result, so a benchmark can convert them again
 * or call the same activity directly with the same input.
 */
final class ActivityTimer extends ActivityContextInterceptor {

  /** One execution of activity {@code type}: its arguments, result and time in its own code. */
  record Execution(String type, Object[] arguments, Object result, long nanos) {}

  private final Map<String, Execution> executions = new ConcurrentHashMap<>();

  /** The execution of activity {@code activityId} of {@code workflowId}, or null. */
  Execution execution(String workflowId, String activityId) {
    return executions.get(workflowId + "/" + activityId);
  }

  @Override
  protected ActivityOutput execute(
      ActivityExecutionContext context, ActivityInput input, ActivityInboundCallsInterceptor next) {
    long started = System.nanoTime();
    ActivityOutput output = next.execute(input);
    long nanos = System.nanoTime() - started;
    var info = context.getInfo();
    executions.put(
        info.getWorkflowId() + "/" + info.getActivityId(),
        new Execution(info.getActivityType(), input.getArguments(), output.getResult(), nanos));
    return output;
  }
}
