package io.testgen.worker.observation;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Told about a running crawl at every tick, on the thread that called {@link Crawler#crawl}. May
 * throw to stop the crawl (an activity's heartbeat throws when the run is cancelled): the crawl
 * then closes its browser contexts and rethrows.
 */
@FunctionalInterface
public interface CrawlObserver {
  /**
   * @param fraction the crawl's own progress, 0..1
   * @param data pages, states, forms, current_url (credentials already redacted)
   * @param checkpoint the checkpoint to heartbeat (built only when asked)
   */
  void onTick(double fraction, Map<String, Object> data, Supplier<CrawlCheckpoint> checkpoint);

  CrawlObserver NONE = (fraction, data, checkpoint) -> {};
}
