package io.testgen.common.agents.observation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Observation agent: explores the target in a real browser. */
@ActivityInterface
public interface ObservationActivities {
  /**
   * Crawls the target and returns the state model. Heartbeats a {@code CrawlCheckpoint}; a retried
   * attempt resumes from it. Fails non-retryably with {@code InvalidTarget} for a malformed URL and
   * {@code TargetUnreachable} when the target answers nothing.
   */
  @ActivityMethod(name = "Observe")
  ObservationResult observe(ObservationRequest request);

  /**
   * {@link #observe}, with the result written to the artifact store: Temporal carries only the
   * reference and the counts the workflow needs.
   */
  @ActivityMethod(name = "ObserveAndStore")
  ObservationSummary observeAndStore(ObservationRequest request);
}
