package io.testgen.gateway.stream;

import io.testgen.common.progress.ProgressStreams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Who watches which progress stream: the followed subscriptions per workflow, and the cursor each
 * stream is read from (the smallest among its watchers).
 *
 * <p>Thread-safe: subscribers are added by request threads, removed by emitter callbacks, the
 * reader and the watchdog, all through concurrent sets; the reader waits on {@link #awaitWatchers}
 * until a first subscription arrives.
 */
final class StreamWatchers {
  private final Map<String, Set<StreamSubscription>> byWorkflow = new ConcurrentHashMap<>();
  private final Object wakeup = new Object();

  /** Followed clients until their last write ends (watched for stalls even after removal). */
  private final Set<StreamSubscription> followed = ConcurrentHashMap.newKeySet();

  void add(StreamSubscription subscription) {
    followed.add(subscription);
    byWorkflow
        .computeIfAbsent(subscription.workflowId(), id -> ConcurrentHashMap.newKeySet())
        .add(subscription);
    synchronized (wakeup) {
      wakeup.notifyAll();
    }
  }

  void remove(StreamSubscription subscription) {
    subscription.markClosed();
    byWorkflow.computeIfPresent(
        subscription.workflowId(),
        (id, set) -> {
          set.remove(subscription);
          return set.isEmpty() ? null : set;
        });
  }

  /** Waits up to {@code millis}, or until a subscription is added. */
  void awaitWatchers(long millis) throws InterruptedException {
    synchronized (wakeup) {
      wakeup.wait(millis);
    }
  }

  /** Stream key to read from for each watched stream: its watchers' smallest cursor. */
  Map<String, StreamEntryID> cursors() {
    Map<String, StreamEntryID> cursors = new HashMap<>();
    byWorkflow.forEach(
        (workflowId, set) -> {
          StreamEntryID min = null;
          for (StreamSubscription subscription : set) {
            if (subscription.closed()) continue;
            StreamEntryID cursor = subscription.cursor();
            if (min == null || cursor.compareTo(min) < 0) min = cursor;
          }
          if (min != null) cursors.put(ProgressStreams.key(workflowId), min);
        });
    return cursors;
  }

  /** Hands entries read from one stream to its watchers; a watcher that cannot take them goes. */
  void deliver(String streamKey, List<StreamEntry> entries) {
    Set<StreamSubscription> set = byWorkflow.get(workflowIdOf(streamKey));
    if (set == null) return;
    for (StreamSubscription subscription : set) {
      if (!subscription.deliver(entries)) remove(subscription);
    }
  }

  void forEachWatching(Consumer<StreamSubscription> action) {
    for (Set<StreamSubscription> set : byWorkflow.values()) set.forEach(action);
  }

  void forEachFollowed(Consumer<StreamSubscription> action) {
    for (StreamSubscription subscription : followed) {
      action.accept(subscription);
      if (subscription.settled()) followed.remove(subscription);
    }
  }

  /** Fails every watcher (the gateway is stopping) and forgets them all. */
  void failAll() {
    forEachWatching(StreamSubscription::fail);
    byWorkflow.clear();
    followed.clear();
  }

  private static String workflowIdOf(String key) {
    // testgen:run:{id}:events
    return key.substring("testgen:run:".length(), key.length() - ":events".length());
  }
}
