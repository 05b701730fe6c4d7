package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.worker.AgentHeartbeatTimeouts;
import io.testgen.worker.TemporalTestEnvironments;
import io.testgen.worker.WorkerTuning;
import io.testgen.worker.progress.RunEventActivitiesImpl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TESTGEN_HEARTBEAT_TIMEOUT_SECONDS} as the worker applies it: every agent's scheduled
 * activity carries the worker's heartbeat timeout instead of the workflow's, and the history so
 * recorded replays on a worker without the override (options are not commands).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AgentHeartbeatTimeoutsTest {
  @TempDir Path artifacts;

  @Test
  void withoutTheSettingEachAgentKeepsTheWorkflowsHeartbeatTimeout() {
    assertThat(heartbeatTimeouts(run(Optional.empty())))
        .containsExactly(
            Map.entry("ObserveAndStore", 30L),
            Map.entry("DeriveRequirementsAndStore", 10L),
            Map.entry("AnalyseAndStore", 10L),
            Map.entry("EvolveAndStore", 60L));
  }

  @Test
  void theSettingReplacesEveryAgentsHeartbeatTimeoutAndTheRunStillReplays() throws Exception {
    WorkflowExecutionHistory history = run(Optional.of(Duration.ofSeconds(4)));
    assertThat(heartbeatTimeouts(history))
        .containsExactly(
            Map.entry("ObserveAndStore", 4L),
            Map.entry("DeriveRequirementsAndStore", 4L),
            Map.entry("AnalyseAndStore", 4L),
            Map.entry("EvolveAndStore", 4L));
    TestGenerationWorkflowReplayTest.replay(history);
  }

  /** One scripted run on a worker registered as WorkerMain registers it; its history. */
  private WorkflowExecutionHistory run(Optional<Duration> heartbeatTimeout) {
    try (TestWorkflowEnvironment env = TemporalTestEnvironments.workflows()) {
      for (String name : List.of("TargetHost", "Stage", "Owner")) {
        env.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      ScriptedAgents agents = new ScriptedAgents(artifacts);
      Worker pipeline = env.newWorker(TaskQueues.PIPELINE, WorkerTuning.workerOptions(false));
      pipeline.registerWorkflowImplementationTypes(
          AgentHeartbeatTimeouts.workflowOptions(heartbeatTimeout),
          TestGenerationWorkflowImpl.class);
      pipeline.registerActivitiesImplementations(
          agents, new RunEventActivitiesImpl(new RecordingPublisher()));
      env.newWorker(TaskQueues.BROWSER, WorkerTuning.workerOptions(false))
          .registerActivitiesImplementations(agents);
      env.start();
      String id = "wf-heartbeat-" + heartbeatTimeout.map(Duration::toSeconds).orElse(0L);
      env.getWorkflowClient()
          .newWorkflowStub(
              TestGenerationWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.PIPELINE)
                  .setWorkflowId(id)
                  .build())
          .generate(request());
      return env.getWorkflowClient().fetchHistory(id);
    }
  }

  /** Heartbeat timeout in seconds of each scheduled activity type, first schedule of each. */
  private static Map<String, Long> heartbeatTimeouts(WorkflowExecutionHistory history) {
    Map<String, Long> byType = new LinkedHashMap<>();
    for (HistoryEvent event : history.getEvents()) {
      if (!event.hasActivityTaskScheduledEventAttributes()) continue;
      var scheduled = event.getActivityTaskScheduledEventAttributes();
      byType.putIfAbsent(
          scheduled.getActivityType().getName(), scheduled.getHeartbeatTimeout().getSeconds());
    }
    return byType;
  }

  private static GenerationRequest request() {
    return GenerationRequest.of(TestGenerationWorkflowTest.URL)
        .with(
            r -> {
              r.maxDepth = 3;
              r.maxPages = 7;
              r.owner = "alice";
              r.maxScenarios = 10;
              r.reviewRequirements = false;
              r.reviewTimeout = Duration.ofHours(1);
            });
  }
}
