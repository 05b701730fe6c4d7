package io.testgen.worker.workflow;

import io.testgen.common.progress.ProgressEvent;
import io.testgen.worker.progress.ProgressPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event it is given, in order. */
final class RecordingPublisher implements ProgressPublisher {
  private final List<ProgressEvent> events = new ArrayList<>();

  @Override
  public synchronized void publish(ProgressEvent event) {
    events.add(event);
  }

  synchronized List<ProgressEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> types() {
    return events.stream().map(e -> e.type().wireName()).toList();
  }
}
