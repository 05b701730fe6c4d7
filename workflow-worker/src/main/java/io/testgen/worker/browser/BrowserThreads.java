package io.testgen.worker.browser;

import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads of a {@link BrowserPool} that keep their Playwright connection to the pool's
 * browser from one task to the next, so a task run on them starts no Playwright driver and opens no
 * DevTools connection (seconds on a busy machine, per thread and activity). A thread idle for a
 * minute ends and closes its connection; contexts are the tasks' own to close.
 */
public final class BrowserThreads implements AutoCloseable {
  private static final long IDLE_SECONDS = 60;

  private final ThreadPoolExecutor executor;

  BrowserThreads(BrowserPool pool, String name) {
    AtomicInteger count = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread =
                  new Thread(
                      () -> {
                        try {
                          task.run();
                        } finally {
                          pool.releaseThread();
                        }
                      },
                      name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} on an idle thread of the pool, or a new one. */
  public Future<?> submit(Runnable task) {
    return executor.submit(task);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
