package io.testgen.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.failure.TimeoutFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.workflow.TaskQueues;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pipeline activity that computes longer than its heartbeat timeout without beating itself: with
 * {@link PipelineHeartbeats} installed it completes, without it the heartbeat timeout fails it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PipelineHeartbeatsTest {

  @Test
  void aSilentPipelineActivityOutlivesItsHeartbeatTimeoutWithTheInterceptor() {
    assertThat(run(new PipelineHeartbeats())).isEqualTo("done");
  }

  @Test
  void withoutTheInterceptorTheHeartbeatTimeoutFailsIt() {
    assertThatThrownBy(() -> run(null))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            TimeoutFailure.class,
            timeout ->
                assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.TIMEOUT_TYPE_HEARTBEAT));
  }

  private static String run(WorkerInterceptor interceptor) {
    WorkerFactoryOptions.Builder factory = WorkerFactoryOptions.newBuilder();
    if (interceptor != null) factory.setWorkerInterceptors(interceptor);
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setWorkerFactoryOptions(factory.build())
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(TemporalDataConverters.json())
                        .build())
                .build())) {
      var worker = env.newWorker(TaskQueues.PIPELINE);
      worker.registerWorkflowImplementationTypes(SilentWorkflowImpl.class);
      worker.registerActivitiesImplementations(new SilentActivityImpl());
      env.start();
      return env.getWorkflowClient()
          .newWorkflowStub(
              SilentWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.PIPELINE).build())
          .run();
    }
  }

  @WorkflowInterface
  public interface SilentWorkflow {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface SilentActivity {
    String compute();
  }

  public static class SilentWorkflowImpl implements SilentWorkflow {
    private final SilentActivity activity =
        Workflow.newActivityStub(
            SilentActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setHeartbeatTimeout(Duration.ofSeconds(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    @Override
    public String run() {
      return activity.compute();
    }
  }

  static class SilentActivityImpl implements SilentActivity {
    @Override
    public String compute() {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }
  }
}
