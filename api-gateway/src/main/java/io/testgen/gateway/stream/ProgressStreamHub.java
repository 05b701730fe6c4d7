package io.testgen.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.gateway.config.RedisConnectionFactory;
import io.testgen.gateway.config.StreamProperties;
import io.testgen.gateway.errors.UnavailableException;
import io.testgen.gateway.runs.RecordedProgress;
import io.testgen.gateway.runs.RunQueries;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Fans progress streams out to SSE clients with a fixed number of Redis connections, however many
 * clients watch: replay reads (XRANGE, {@link StreamHistory}) use the bounded command pool, and ONE
 * reader thread with ONE connection ({@link StreamFollower}) follows every watched stream with a
 * single {@code XREAD BLOCK} over all of them, starting each at the smallest cursor among its
 * watchers ({@link StreamWatchers}).
 *
 * <p>If Redis goes away, connected clients stay connected (keepalives continue) and the reader
 * reconnects with backoff; a new client gets 503 {@code PROGRESS_UNAVAILABLE} unless its run is
 * already closed, in which case it gets the run's events rebuilt from its Temporal history ({@link
 * RecordedProgress}) and the synthesised terminal event, as does a closed run whose stream is gone.
 * Keepalives, the closed-run check and stalled writes are {@link StreamWatchdog}'s; drops are
 * counted in {@code testgen.stream.clients.dropped} by reason.
 */
@Component
class ProgressStreamHub implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ProgressStreamHub.class);
  private static final int MAX_SENDERS = 1024;

  private final StreamProperties properties;
  private final RunQueries runs;
  private final RecordedProgress recorded;
  private final ObjectMapper mapper;
  private final MeterRegistry meters;
  private final StreamWatchers watchers = new StreamWatchers();
  private final StreamHistory history;
  private final StreamFollower follower;
  private final StreamWatchdog watchdog;

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

  ProgressStreamHub(
      RedisClient redis,
      RedisConnectionFactory connections,
      StreamProperties properties,
      RunQueries runs,
      RecordedProgress recorded,
      ObjectMapper mapper,
      MeterRegistry meters) {
    this.properties = properties;
    this.runs = runs;
    this.recorded = recorded;
    this.mapper = mapper;
    this.meters = meters;
    this.history = new StreamHistory(redis);
    this.follower = new StreamFollower(connections, properties, watchers);
    this.watchdog = new StreamWatchdog(watchers, history, runs, properties);
  }

  /**
   * Opens a stream for one client: replays everything after {@code after} now, then hands the
   * client to the reader thread.
   */
  SseEmitter subscribe(String workflowId, StreamEntryID after) {
    List<StreamEntry> replay;
    try {
      replay = history.readAfter(workflowId, after);
    } catch (JedisException redisDown) {
      log.warn("event=progress_unavailable workflow_id={}", workflowId);
      Optional<ProgressEvent> terminal = runs.terminalEvent(workflowId);
      if (terminal.isEmpty()) {
        throw new UnavailableException(
            "PROGRESS_UNAVAILABLE", "progress streaming is unavailable; poll the status instead");
      }
      SseEmitter emitter = new SseEmitter(0L);
      StreamSubscription subscription = new StreamSubscription(workflowId, emitter, mapper, after);
      if (fromStart(after)) recorded.rebuild(workflowId).forEach(subscription::deliverRebuilt);
      subscription.deliverSynthesized(terminal.get());
      return emitter;
    }
    SseEmitter emitter = new SseEmitter(0L);
    StreamSubscription subscription = new StreamSubscription(workflowId, emitter, mapper, after);
    emitter.onCompletion(() -> watchers.remove(subscription));
    emitter.onTimeout(() -> watchers.remove(subscription));
    emitter.onError(error -> watchers.remove(subscription));
    if (!subscription.deliver(replay)) return emitter;
    if (resumesAfterTerminal(replay, after, subscription)) {
      // Resuming from the terminal event's own id: nothing follows it, not even a synthesised one.
      subscription.complete();
      return emitter;
    }
    // A closed run whose stream lacks its terminal event (expired or lost) ends now.
    Optional<ProgressEvent> terminal = terminalIfKnown(workflowId);
    if (terminal.isPresent()) {
      if (subscription.deliver(history.readAfter(workflowId, subscription.cursor()))) {
        // The whole stream is gone: what Temporal recorded of the run comes first.
        if (replay.isEmpty() && fromStart(after)) {
          recorded.rebuild(workflowId).forEach(subscription::deliverRebuilt);
        }
        subscription.deliverSynthesized(terminal.get());
      }
      return emitter;
    }
    subscription.follow(senders, properties.effectiveClientQueue(), this::countDrop);
    watchers.add(subscription);
    return emitter;
  }

  /**
   * The closed run's terminal event; empty while Temporal cannot say (a gateway just started, an
   * outage): the client then follows the stream, which a live run ends itself, and the watchdog's
   * closed-run check ends it for a closed one once Temporal answers.
   */
  private Optional<ProgressEvent> terminalIfKnown(String workflowId) {
    try {
      return runs.terminalEvent(workflowId);
    } catch (UnavailableException temporalDown) {
      log.info("event=closed_check_deferred workflow_id={}", workflowId);
      return Optional.empty();
    }
  }

  private static boolean fromStart(StreamEntryID after) {
    return after.getTime() == 0 && after.getSequence() == 0;
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

  private void countDrop(String reason) {
    Counter.builder("testgen.stream.clients.dropped")
        .description("SSE clients dropped (they resume with Last-Event-ID)")
        .tag("reason", reason)
        .register(meters)
        .increment();
  }

  @Override
  public void start() {
    running = true;
    follower.start();
    watchdog.start();
  }

  @Override
  public void stop() {
    running = false;
    follower.stop();
    watchdog.stop();
    senders.shutdownNow();
    watchers.failAll();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
