package io.testgen.worker.progress;

import io.testgen.common.progress.ProgressEvent;

/**
 * Appends progress events to a run's stream. Implementations never throw: a progress outage must
 * not fail a run.
 */
public interface ProgressPublisher extends AutoCloseable {
  void publish(ProgressEvent event);

  @Override
  default void close() {}

  /** Drops every event; for tools and tests that do not watch progress. */
  ProgressPublisher NONE = event -> {};
}
