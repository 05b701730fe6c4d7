package io.testgen.gateway.stream;

import io.testgen.common.progress.ProgressEvent;
import io.testgen.gateway.config.StreamProperties;
import io.testgen.gateway.runs.RunQueries;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Looks after watched clients on two scheduled threads: keepalives and the closed-run check on one
 * (a watcher idle for {@code closed-check-after} asks Temporal whether its run closed without the
 * terminal event reaching the stream, and if so ends with a synthesised one), stalled writes on the
 * other, several times per stall limit, so slow Temporal checks never delay a drop.
 */
final class StreamWatchdog {
  private static final Logger log = LoggerFactory.getLogger(StreamWatchdog.class);

  private final StreamWatchers watchers;
  private final StreamHistory history;
  private final RunQueries runs;
  private final StreamProperties properties;
  private final ScheduledExecutorService ticker = daemonScheduler("sse-keepalive");
  private final ScheduledExecutorService stallWatch = daemonScheduler("sse-stall-watch");

  StreamWatchdog(
      StreamWatchers watchers,
      StreamHistory history,
      RunQueries runs,
      StreamProperties properties) {
    this.watchers = watchers;
    this.history = history;
    this.runs = runs;
    this.properties = properties;
  }

  void start() {
    long every = properties.keepalive().toMillis();
    ticker.scheduleWithFixedDelay(
        () -> safely("keepalive_tick_failed", this::tick), every, every, TimeUnit.MILLISECONDS);
    long stallEvery = Math.max(50, properties.effectiveClientStall().toMillis() / 4);
    stallWatch.scheduleAtFixedRate(
        () -> safely("stall_watch_failed", this::dropStalled),
        stallEvery,
        stallEvery,
        TimeUnit.MILLISECONDS);
  }

  void stop() {
    ticker.shutdownNow();
    stallWatch.shutdownNow();
  }

  private void dropStalled() {
    watchers.forEachFollowed(
        subscription -> subscription.dropIfStalled(properties.effectiveClientStall()));
  }

  private void tick() {
    Instant idleSince = Instant.now().minus(properties.closedCheckAfter());
    watchers.forEachWatching(
        subscription -> {
          subscription.keepalive();
          if (subscription.closed()) {
            watchers.remove(subscription);
          } else if (subscription.lastActivity().isBefore(idleSince)) {
            endIfRunClosed(subscription);
          }
        });
  }

  private void endIfRunClosed(StreamSubscription subscription) {
    try {
      Optional<ProgressEvent> terminal = runs.terminalEvent(subscription.workflowId());
      if (terminal.isEmpty()) return;
      boolean open = true;
      try {
        open =
            subscription.deliver(
                history.readAfter(subscription.workflowId(), subscription.cursor()));
      } catch (JedisException redisDown) {
        // Redis is down: end with the synthesised event anyway; the run is over.
      }
      if (open) subscription.deliverSynthesized(terminal.get());
      watchers.remove(subscription);
    } catch (RuntimeException e) {
      log.info(
          "event=closed_check_failed workflow_id={} error={}",
          subscription.workflowId(),
          e.getClass().getSimpleName());
    }
  }

  private static void safely(String failureEvent, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.error("event={}", failureEvent, e);
    }
  }

  private static ScheduledExecutorService daemonScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
