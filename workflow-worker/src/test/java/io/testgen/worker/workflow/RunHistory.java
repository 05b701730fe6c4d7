package io.testgen.worker.workflow;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's Temporal history says about its cost: size, largest payload, wall time, and per
 * activity when it was scheduled, started and closed (server timestamps) beside how long its own
 * code ran in the worker ({@link ActivityTimer}).
 */
record RunHistory(
    int events, long historyBytes, int largestPayloadBytes, long wallMillis, List<Call> calls) {

  /** One activity: server times in ms since the run started, and its execution in the worker. */
  record Call(
      String type,
      String activityId,
      long scheduledMillis,
      long startedMillis,
      long closedMillis,
      ActivityTimer.Execution execution) {

    long scheduleToStartMillis() {
      return startedMillis - scheduledMillis;
    }

    long scheduleToCloseMillis() {
      return closedMillis - scheduledMillis;
    }

    /** In its own code in the worker (ms, fractional). */
    double codeMillis() {
      return execution == null ? 0 : execution.nanos() / 1e6;
    }

    /** What Temporal added to the code's time: queueing, payload conversion, round trips. */
    double overheadMillis() {
      return scheduleToCloseMillis() - codeMillis();
    }
  }

  static RunHistory of(WorkflowExecutionHistory history, ActivityTimer timer) {
    List<HistoryEvent> events = history.getEvents();
    List<Integer> payloads = new ArrayList<>();
    for (HistoryEvent event : events) {
      TestGenerationWorkflowPayloadTest.collectPayloadSizes(event, payloads);
    }
    long start = millis(events.get(0).getEventTime());
    long end = millis(events.get(events.size() - 1).getEventTime());
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    Map<Long, Long> started = new HashMap<>();
    List<Call> calls = new ArrayList<>();
    for (HistoryEvent event : events) {
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> scheduled.put(event.getEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            started.put(
                event.getActivityTaskStartedEventAttributes().getScheduledEventId(),
                millis(event.getEventTime()));
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            calls.add(
                call(
                    history.getWorkflowExecution().getWorkflowId(),
                    scheduled.get(
                        event.getActivityTaskCompletedEventAttributes().getScheduledEventId()),
                    started,
                    millis(event.getEventTime()) - start,
                    start,
                    timer));
        default -> {}
      }
    }
    return new RunHistory(
        events.size(),
        history.getHistory().getSerializedSize(),
        payloads.stream().mapToInt(Integer::intValue).max().orElse(0),
        end - start,
        calls);
  }

  private static Call call(
      String workflowId,
      HistoryEvent scheduled,
      Map<Long, Long> started,
      long closedMillis,
      long start,
      ActivityTimer timer) {
    var attributes = scheduled.getActivityTaskScheduledEventAttributes();
    return new Call(
        attributes.getActivityType().getName(),
        attributes.getActivityId(),
        millis(scheduled.getEventTime()) - start,
        started.getOrDefault(scheduled.getEventId(), millis(scheduled.getEventTime())) - start,
        closedMillis,
        timer.execution(workflowId, attributes.getActivityId()));
  }

  private static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  /** Sum over activities of their code's time, ms. */
  double codeMillis() {
    return calls.stream().mapToDouble(Call::codeMillis).sum();
  }

  /** The call of activity type {@code type} (first one), or null. */
  Call first(String type) {
    return calls.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
  }
}
