package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.worker.TemporalTestEnvironments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards determinism: recorded histories of finished runs (happy path, review with an edit,
 * cancellation, failure; before and after results went by reference) must replay against the
 * current workflow code. A change that breaks one needs a versioning marker ({@code
 * Workflow.getVersion}), not a re-recording.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestGenerationWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wf-happy",
        "wf-review",
        "wf-cancel",
        "wf-unreachable",
        // recorded after results went by reference (the "results-by-reference" version)
        "wf-happy-by-reference",
        "wf-review-by-reference",
        "wf-cancel-by-reference"
      })
  void recordedHistoriesReplay(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(load(name));
    assertThat(history.getEvents()).hasSizeGreaterThan(10);
    replay(history);
  }

  /** Replays {@code history} against the current workflow code; throws when it diverges. */
  static void replay(WorkflowExecutionHistory history) throws Exception {
    try (TestWorkflowEnvironment env = TemporalTestEnvironments.workflows()) {
      // A loaded machine can take over a second to load the SDK's classes during the first replay;
      // that is no deadlock, and determinism is what this test guards.
      Worker worker =
          env.newWorker(
              TaskQueues.PIPELINE,
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(TestGenerationWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
    }
  }

  private static String load(String name) throws IOException {
    try (var in =
        TestGenerationWorkflowReplayTest.class.getResourceAsStream(
            "/histories/" + name + ".json")) {
      return new String(
          Objects.requireNonNull(in, "missing history " + name).readAllBytes(),
          StandardCharsets.UTF_8);
    }
  }
}
