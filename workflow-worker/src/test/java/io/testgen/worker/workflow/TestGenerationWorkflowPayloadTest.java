package io.testgen.worker.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.artifacts.ReferencedResults;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal carries references and summaries, not results: a 500-state crawl runs through all four
 * agents (and the final risk register) with every payload of its history under 128 KB and the whole
 * history under 1 MB, measured on the history the test service recorded.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestGenerationWorkflowPayloadTest {
  static final int MAX_PAYLOAD_BYTES = 128 * 1024;
  static final int MAX_HISTORY_BYTES = 1024 * 1024;

  @TempDir Path artifacts;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  ScriptedAgents agents;

  @BeforeEach
  void start() {
    agents = new ScriptedAgents(artifacts);
    env = TestGenerationWorkflowTest.started(agents, new RecordingPublisher());
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aFiveHundredStateRunKeepsEveryPayloadAndTheHistorySmall() {
    agents.generatedStates = 500;
    GenerationResult result = stub("wf-500").generate(request(null));

    assertThat(result.status()).isEqualTo(RunState.COMPLETED);
    assertThat(result.testCount()).isEqualTo(100);
    assertSmall("wf-500");

    // the whole results are one verified read away
    GenerationResult whole =
        ReferencedResults.resolve(result, new ContentAddressedStore(artifacts));
    assertThat(whole.observationResult().stateCount()).isEqualTo(500);
    assertThat(whole.requirementsResult().scenarios()).hasSize(100);
    assertThat(whole.analysisResult().ranking()).hasSize(100);
    assertThat(whole.evolutionResult().tests()).hasSize(100);
    assertThat(whole.finalAnalysisResult().ranking()).hasSize(100);

    // a stage run on the stored observation takes it by reference: its history stays small too
    ObservationSummary stored =
        ObservationSummary.of(whole.observationResult(), result.resultRefs().observation());
    GenerationResult derived =
        stub("wf-500-requirements")
            .generate(
                request(
                    new PipelineInputs(
                        List.of("requirements"), null, null, null, stored, null, null)));
    assertThat(agents.calls).endsWith("deriveRequirements states=500 max=100");
    assertThat(derived.resultRefs().observation()).isEqualTo(result.resultRefs().observation());
    assertSmall("wf-500-requirements");
  }

  private TestGenerationWorkflow stub(String workflowId) {
    return client.newWorkflowStub(
        TestGenerationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.PIPELINE)
            .setWorkflowId(workflowId)
            .build());
  }

  private static GenerationRequest request(PipelineInputs inputs) {
    return TestGenerationWorkflowTest.request(
            "http://shop.example.test/", null, false, null, inputs)
        .with(
            r -> {
              r.maxPages = 500;
              r.maxScenarios = 100;
            });
  }

  /** Every payload of the run's history under 128 KB, the history under 1 MB (and printed). */
  private void assertSmall(String workflowId) {
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    List<Integer> payloads = new ArrayList<>();
    for (HistoryEvent event : history.getEvents()) collectPayloadSizes(event, payloads);
    int historyBytes = history.getHistory().getSerializedSize();
    int largest = payloads.stream().mapToInt(Integer::intValue).max().orElse(0);
    System.out.printf(
        "payload-sizes run=%s events=%d payloads=%d largest_payload_bytes=%d history_bytes=%d%n",
        workflowId, history.getEvents().size(), payloads.size(), largest, historyBytes);
    assertThat(payloads)
        .isNotEmpty()
        .allSatisfy(size -> assertThat(size).isLessThan(MAX_PAYLOAD_BYTES));
    assertThat(historyBytes).isLessThan(MAX_HISTORY_BYTES);
  }

  /** The serialized size of every {@link Payload} anywhere inside {@code message}. */
  static void collectPayloadSizes(Message message, List<Integer> sizes) {
    if (message instanceof Payload payload) {
      sizes.add(payload.getSerializedSize());
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) continue;
      if (field.getKey().isMapField() || field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          collectPayloadSizes((Message) element, sizes);
        }
      } else {
        collectPayloadSizes((Message) field.getValue(), sizes);
      }
    }
  }
}
