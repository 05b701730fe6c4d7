package io.testgen.common.progress;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Lets the workflow publish workflow-level events (started, completed, failed, cancelled) without
 * doing I/O in workflow code. Called as a local activity; never fails the run.
 */
@ActivityInterface
public interface RunEventActivities {
  @ActivityMethod(name = "PublishRunEvent")
  void publishRunEvent(ProgressEvent event);
}
