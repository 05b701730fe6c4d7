package io.testgen.gateway.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.common.WorkflowExecutionHistory;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run's progress rebuilt from the worker's own recorded histories (copies of the worker's replay
 * histories, before and after results went by reference): the run and each agent's start and
 * completion with the counts the status shows, the final risk register quiet.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordedProgressTest {

  @Test
  void rebuildsEachAgentsLifecycleFromAHistoryWithResultsByReference() throws IOException {
    List<ProgressEvent> events = rebuild("wf-happy-by-reference");

    assertThat(events)
        .extracting(ProgressEvent::type, ProgressEvent::agent, ProgressEvent::message)
        .containsExactly(
            tuple(ProgressEventType.WORKFLOW_STARTED, null, "Run started"),
            tuple(
                ProgressEventType.AGENT_STARTED,
                "observation",
                "Observation: explore http://shop.example.test/ (depth 3, up to 7 pages)"),
            tuple(ProgressEventType.AGENT_COMPLETED, "observation", "Found 2 states, 0 forms"),
            tuple(
                ProgressEventType.AGENT_STARTED,
                "requirements",
                "Requirements: scenarios from 2 states and 0 forms"),
            tuple(ProgressEventType.AGENT_COMPLETED, "requirements", "2 scenarios"),
            tuple(
                ProgressEventType.AGENT_STARTED, "analysis", "Analysis: FMEA risk of 2 scenarios"),
            tuple(ProgressEventType.AGENT_COMPLETED, "analysis", "Ranked 2 scenarios"),
            tuple(
                ProgressEventType.AGENT_STARTED,
                "evolution",
                "Evolution: verify tests for 2 scenarios against http://shop.example.test/"),
            tuple(ProgressEventType.AGENT_COMPLETED, "evolution", "2 tests verified"));
    assertThat(events).allSatisfy(e -> assertThat(e.data()).containsEntry("rebuilt", true));
    assertThat(events.get(2).data())
        .containsEntry("states", 2)
        .containsEntry("forms", 0)
        .containsEntry("pages", 2);
    assertThat(events.get(8).data()).containsEntry("tests", 2).containsEntry("failing", 0);
    assertThat(events.get(8).progress()).isEqualTo(0.95);
    assertThat(events)
        .extracting(ProgressEvent::timestamp)
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }

  @Test
  void rebuildsTheSameFromAHistoryWithInlineResults() throws IOException {
    assertThat(rebuild("wf-happy"))
        .extracting(ProgressEvent::type, ProgressEvent::agent, ProgressEvent::message)
        .containsExactlyElementsOf(
            rebuild("wf-happy-by-reference").stream()
                .map(e -> tuple(e.type(), e.agent(), e.message()))
                .toList());
  }

  private static List<ProgressEvent> rebuild(String name) throws IOException {
    try (var in = RecordedProgressTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      String json =
          new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
      return RecordedProgress.events(
          "wf-happy", WorkflowExecutionHistory.fromJson(json), TemporalDataConverters.json());
    }
  }
}
