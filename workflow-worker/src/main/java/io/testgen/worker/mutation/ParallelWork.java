package io.testgen.worker.mutation;

import io.testgen.worker.browser.BrowserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads mutation analysis' runs over worker threads, each releasing its pool connection when it
 * ends; the calling thread blocks and ticks about once a second, and a tick that throws stops the
 * workers.
 */
final class ParallelWork {
  private static final Logger log = LoggerFactory.getLogger(ParallelWork.class);

  private final BrowserPool pool;
  private final int parallel;

  ParallelWork(BrowserPool pool, int parallel) {
    this.pool = pool;
    this.parallel = Math.max(1, parallel);
  }

  /**
   * Work for each item on worker threads, started while {@code mayStart}; null where not started.
   */
  <T, R> List<R> parallel(
      List<T> items,
      Function<T, R> work,
      java.util.function.BooleanSupplier mayStart,
      java.util.function.IntConsumer tick) {
    AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
    ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < items.size(); i++) queue.add(i);
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    int threads = Math.max(1, Math.min(parallel, items.size()));
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  Integer next;
                  while (!stopped.get()
                      && mayStart.getAsBoolean()
                      && (next = queue.poll()) != null) {
                    try {
                      results.set(next, work.apply(items.get(next)));
                    } catch (RuntimeException e) {
                      // Left null: counted as not tried, like a fault the budget cut off.
                      log.warn("event=mutation_item_failed error={}", e.toString());
                    }
                    done.incrementAndGet();
                  }
                } finally {
                  pool.releaseThread();
                  finished.countDown();
                }
              },
              "mutation-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    try {
      while (!finished.await(1, TimeUnit.SECONDS)) tick.accept(done.get());
      tick.accept(done.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.set(true);
      throw new IllegalStateException("interrupted during mutation analysis", e);
    } catch (RuntimeException | Error e) {
      stopped.set(true);
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    List<R> out = new ArrayList<>();
    for (int i = 0; i < results.length(); i++) out.add(results.get(i));
    return out;
  }
}
