package io.testgen.worker.progress;

import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.RunEventActivities;

/** Publishes the workflow's run-level events; the publisher never throws. */
public final class RunEventActivitiesImpl implements RunEventActivities {
  private final ProgressPublisher publisher;

  public RunEventActivitiesImpl(ProgressPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void publishRunEvent(ProgressEvent event) {
    publisher.publish(event);
  }
}
