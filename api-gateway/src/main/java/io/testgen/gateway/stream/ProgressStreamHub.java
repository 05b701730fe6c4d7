package io.testgen.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.gateway.config.RedisConnectionFactory;
import io.testgen.gateway.config.StreamProperties;
import io.testgen.gateway.errors.UnavailableException;
import io.testgen.gateway.runs.RunQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Fans progress streams out to SSE clients with a fixed number of Redis connections, however many
 * clients watch: replay reads (XRANGE) use the bounded command pool, and ONE reader thread with ONE
 * connection follows every watched stream with a single {@code XREAD BLOCK} over all of them,
 * starting each at the smallest cursor among its watchers.
 *
 * <p>If Redis goes away, connected clients stay connected (keepalives continue) and the reader
 * reconnects with backoff; a new client gets 503 {@code PROGRESS_UNAVAILABLE} unless its run is
 * already closed, in which case it gets the synthesised terminal event. A watcher idle for {@code
 * closed-check-after} asks Temporal whether the run closed without its terminal event reaching the
 * stream (expired or lost), and if so ends with a synthesised terminal event.
 *
 * <p>Stalled writes are checked on a thread of their own, several times per stall limit, so slow
 * Temporal checks on the keepalive tick never delay a drop; drops are counted in {@code
 * testgen.stream.clients.dropped} by reason.
 */
@Component
class ProgressStreamHub implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ProgressStreamHub.class);
  private static final int BATCH = 500;
  private static final int MAX_SENDERS = 1024;

  private final RedisClient redis;
  private final RedisConnectionFactory connections;
  private final StreamProperties properties;
  private final RunQueries runs;
  private final ObjectMapper mapper;
  private final MeterRegistry meters;
  private final Map<String, Set<StreamSubscription>> watchers = new ConcurrentHashMap<>();
  private final Object wakeup = new Object();

  /** Followed clients until their last write ends (watched for stalls even after removal). */
  private final Set<StreamSubscription> followed = ConcurrentHashMap.newKeySet();

  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "sse-keepalive");
            thread.setDaemon(true);
            return thread;
          });

  private final ScheduledExecutorService stallWatch =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "sse-stall-watch");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Sends queued events to clients; a thread per client being written to (a blocked write holds
   * one), idle threads go after 30 s.
   */
  private final ThreadPoolExecutor senders =
      new ThreadPoolExecutor(
          0,
          MAX_SENDERS,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "sse-sender");
            thread.setDaemon(true);
            return thread;
          });

  private volatile boolean running;
  private Thread reader;

  ProgressStreamHub(
      RedisClient redis,
      RedisConnectionFactory connections,
      StreamProperties properties,
      RunQueries runs,
      ObjectMapper mapper,
      MeterRegistry meters) {
    this.meters = meters;
    this.redis = redis;
    this.connections = connections;
    this.properties = properties;
    this.runs = runs;
    this.mapper = mapper;
  }

  /**
   * Opens a stream for one client: replays everything after {@code after} now, then hands the
   * client to the reader thread.
   */
  SseEmitter subscribe(String workflowId, StreamEntryID after) {
    List<StreamEntry> replay;
    try {
      replay = readAfter(workflowId, after);
    } catch (JedisException redisDown) {
      log.warn("event=progress_unavailable workflow_id={}", workflowId);
      Optional<ProgressEvent> terminal = runs.terminalEvent(workflowId);
      if (terminal.isEmpty()) {
        throw new UnavailableException(
            "PROGRESS_UNAVAILABLE", "progress streaming is unavailable; poll the status instead");
      }
      SseEmitter emitter = new SseEmitter(0L);
      new StreamSubscription(workflowId, emitter, mapper, after).deliverSynthesized(terminal.get());
      return emitter;
    }
    SseEmitter emitter = new SseEmitter(0L);
    StreamSubscription subscription = new StreamSubscription(workflowId, emitter, mapper, after);
    emitter.onCompletion(() -> remove(subscription));
    emitter.onTimeout(() -> remove(subscription));
    emitter.onError(error -> remove(subscription));
    if (!subscription.deliver(replay)) return emitter;
    if (resumesAfterTerminal(replay, after, subscription)) {
      // Resuming from the terminal event's own id: nothing follows it, not even a synthesised one.
      subscription.complete();
      return emitter;
    }
    // A closed run whose stream lacks its terminal event (expired or lost) ends now.
    Optional<ProgressEvent> terminal = runs.terminalEvent(workflowId);
    if (terminal.isPresent()) {
      if (subscription.deliver(readAfter(workflowId, subscription.cursor()))) {
        subscription.deliverSynthesized(terminal.get());
      }
      return emitter;
    }
    subscription.follow(senders, properties.effectiveClientQueue(), this::countDrop);
    followed.add(subscription);
    watchers.computeIfAbsent(workflowId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
    synchronized (wakeup) {
      wakeup.notifyAll();
    }
    return emitter;
  }

  /**
   * The replay (read from {@code after} inclusive) holds only the terminal entry at {@code after}.
   */
  private static boolean resumesAfterTerminal(
      List<StreamEntry> replay, StreamEntryID after, StreamSubscription subscription) {
    return replay.size() == 1
        && replay.get(0).getID().equals(after)
        && subscription.isTerminal(replay.get(0));
  }

  private List<StreamEntry> readAfter(String workflowId, StreamEntryID after) {
    List<StreamEntry> all = new ArrayList<>();
    StreamEntryID from = after;
    while (true) {
      List<StreamEntry> batch =
          redis.xrange(
              io.testgen.common.progress.ProgressStreams.key(workflowId),
              from,
              StreamEntryID.MAXIMUM_ID,
              BATCH);
      all.addAll(batch);
      if (batch.size() < BATCH) return all;
      from = batch.get(batch.size() - 1).getID();
    }
  }

  private void remove(StreamSubscription subscription) {
    subscription.markClosed();
    watchers.computeIfPresent(
        subscription.workflowId(),
        (id, set) -> {
          set.remove(subscription);
          return set.isEmpty() ? null : set;
        });
  }

  private void readLoop() {
    Jedis connection = null;
    long backoffMillis = 200;
    while (running) {
      Map<String, StreamEntryID> cursors = cursors();
      if (cursors.isEmpty()) {
        synchronized (wakeup) {
          try {
            wakeup.wait(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
        continue;
      }
      try {
        if (connection == null) {
          connection = connections.open(properties.readBlock().plusSeconds(5));
        }
        List<Map.Entry<String, List<StreamEntry>>> result =
            connection.xread(
                XReadParams.xReadParams()
                    .count(BATCH)
                    .block((int) properties.readBlock().toMillis()),
                cursors);
        backoffMillis = 200;
        if (result == null) continue;
        for (Map.Entry<String, List<StreamEntry>> stream : result) {
          String workflowId = workflowIdOf(stream.getKey());
          Set<StreamSubscription> set = watchers.get(workflowId);
          if (set == null) continue;
          for (StreamSubscription subscription : set) {
            if (!subscription.deliver(stream.getValue())) remove(subscription);
          }
        }
      } catch (JedisException e) {
        if (!running) return;
        log.warn(
            "event=stream_reader_error error={} retry_ms={}",
            e.getClass().getSimpleName(),
            backoffMillis);
        closeQuietly(connection);
        connection = null;
        sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 5000);
      } catch (RuntimeException e) {
        log.error("event=stream_reader_unexpected", e);
        sleep(1000);
      }
    }
    closeQuietly(connection);
  }

  private Map<String, StreamEntryID> cursors() {
    Map<String, StreamEntryID> cursors = new HashMap<>();
    watchers.forEach(
        (workflowId, set) -> {
          StreamEntryID min = null;
          for (StreamSubscription subscription : set) {
            if (subscription.closed()) continue;
            StreamEntryID cursor = subscription.cursor();
            if (min == null || cursor.compareTo(min) < 0) min = cursor;
          }
          if (min != null) {
            cursors.put(io.testgen.common.progress.ProgressStreams.key(workflowId), min);
          }
        });
    return cursors;
  }

  private static String workflowIdOf(String key) {
    // testgen:run:{id}:events
    return key.substring("testgen:run:".length(), key.length() - ":events".length());
  }

  private void countDrop(String reason) {
    Counter.builder("testgen.stream.clients.dropped")
        .description("SSE clients dropped (they resume with Last-Event-ID)")
        .tag("reason", reason)
        .register(meters)
        .increment();
  }

  private void dropStalled() {
    for (StreamSubscription subscription : followed) {
      subscription.dropIfStalled(properties.effectiveClientStall());
      if (subscription.settled()) followed.remove(subscription);
    }
  }

  private void tick() {
    Instant idleSince = Instant.now().minus(properties.closedCheckAfter());
    for (Set<StreamSubscription> set : watchers.values()) {
      for (StreamSubscription subscription : set) {
        subscription.keepalive();
        if (subscription.closed()) {
          remove(subscription);
        } else if (subscription.lastActivity().isBefore(idleSince)) {
          endIfRunClosed(subscription);
        }
      }
    }
  }

  private void endIfRunClosed(StreamSubscription subscription) {
    try {
      Optional<ProgressEvent> terminal = runs.terminalEvent(subscription.workflowId());
      if (terminal.isEmpty()) return;
      boolean open = true;
      try {
        open = subscription.deliver(readAfter(subscription.workflowId(), subscription.cursor()));
      } catch (JedisException redisDown) {
        // Redis is down: end with the synthesised event anyway; the run is over.
      }
      if (open) subscription.deliverSynthesized(terminal.get());
      remove(subscription);
    } catch (RuntimeException e) {
      log.info(
          "event=closed_check_failed workflow_id={} error={}",
          subscription.workflowId(),
          e.getClass().getSimpleName());
    }
  }

  @Override
  public void start() {
    running = true;
    reader = new Thread(this::readLoop, "progress-stream-reader");
    reader.setDaemon(true);
    reader.start();
    long every = properties.keepalive().toMillis();
    ticker.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
    long stallEvery = Math.max(50, properties.effectiveClientStall().toMillis() / 4);
    stallWatch.scheduleAtFixedRate(
        this::dropStalledSafely, stallEvery, stallEvery, TimeUnit.MILLISECONDS);
  }

  private void dropStalledSafely() {
    try {
      dropStalled();
    } catch (RuntimeException e) {
      log.error("event=stall_watch_failed", e);
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("event=keepalive_tick_failed", e);
    }
  }

  @Override
  public void stop() {
    running = false;
    ticker.shutdownNow();
    stallWatch.shutdownNow();
    senders.shutdownNow();
    if (reader != null) reader.interrupt();
    for (Set<StreamSubscription> set : watchers.values()) set.forEach(StreamSubscription::fail);
    watchers.clear();
    followed.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static void closeQuietly(Jedis connection) {
    if (connection == null) return;
    try {
      connection.close();
    } catch (RuntimeException ignored) {
      // Broken connection; nothing to release.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
