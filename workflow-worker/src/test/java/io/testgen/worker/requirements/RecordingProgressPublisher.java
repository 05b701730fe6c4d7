package io.testgen.worker.requirements;

import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.worker.progress.ProgressPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published event, in order, for assertions. */
public final class RecordingProgressPublisher implements ProgressPublisher {
  private final List<ProgressEvent> events = new ArrayList<>();

  @Override
  public synchronized void publish(ProgressEvent event) {
    events.add(event);
  }

  public synchronized List<ProgressEvent> events() {
    return List.copyOf(events);
  }

  public List<ProgressEventType> types() {
    return events().stream().map(ProgressEvent::type).toList();
  }
}
