package io.testgen.worker.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressStreams;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends events to {@code testgen:run:{id}:events} with {@code XADD MAXLEN ~ N} and refreshes the
 * stream's expiry.
 *
 * <p>Never throws into an activity. While Redis is unreachable, events wait in a bounded in-memory
 * queue (in order) and a background thread delivers them when Redis is back, so an outage delays
 * progress instead of losing it; only an outage longer than the queue drops the oldest events, and
 * that is logged.
 */
public final class RedisProgressPublisher implements ProgressPublisher {
  private static final Logger log = LoggerFactory.getLogger(RedisProgressPublisher.class);
  static final int MAX_PENDING = 10_000;

  private final RedisClient redis;
  private final ObjectMapper json = JsonMapperFactory.create();
  private final Deque<ProgressEvent> pending = new ArrayDeque<>();
  private final ScheduledExecutorService retry;
  private long dropped;

  public RedisProgressPublisher(RedisClient redis) {
    this.redis = redis;
    this.retry =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress-redelivery");
              t.setDaemon(true);
              return t;
            });
    retry.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** A client with short timeouts, so an outage costs an activity at most about a second. */
  public static RedisClient client(String redisUrl) {
    return RedisClient.builder()
        .fromURI(redisUrl)
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(500)
                .socketTimeoutMillis(1_000)
                .build())
        .build();
  }

  @Override
  public synchronized void publish(ProgressEvent event) {
    pending.addLast(event);
    while (pending.size() > MAX_PENDING) {
      pending.removeFirst();
      dropped++;
    }
    flush();
  }

  /** Events waiting for Redis. */
  public synchronized int pendingCount() {
    return pending.size();
  }

  private synchronized void flushQuietly() {
    if (!pending.isEmpty()) flush();
  }

  private void flush() {
    while (!pending.isEmpty()) {
      ProgressEvent event = pending.peekFirst();
      try {
        append(event);
        pending.removeFirst();
      } catch (RuntimeException e) {
        if (pending.size() == 1 || pending.size() % 100 == 0) {
          log.warn(
              "event=progress_deferred workflow_id={} pending={} dropped={} reason=\"{}\"",
              event.workflowId(),
              pending.size(),
              dropped,
              e.getMessage());
        }
        return;
      }
    }
  }

  private void append(ProgressEvent event) {
    String key = ProgressStreams.key(event.workflowId());
    String body;
    try {
      body = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      // Cannot happen for our records; never let it reach the activity.
      log.error(
          "event=progress_unserialisable workflow_id={} type={}", event.workflowId(), event.type());
      return;
    }
    StreamEntryID id =
        redis.xadd(
            key,
            XAddParams.xAddParams().maxLen(ProgressStreams.MAX_LENGTH).approximateTrimming(),
            Map.of(ProgressStreams.FIELD, body));
    redis.expire(key, ProgressStreams.TTL.toSeconds());
    log.debug(
        "event=progress_published workflow_id={} type={} id={}",
        event.workflowId(),
        event.type(),
        id);
  }

  @Override
  public void close() {
    retry.shutdownNow();
    synchronized (this) {
      flushQuietly();
      if (!pending.isEmpty()) {
        log.warn("event=progress_unsent_at_close count={}", pending.size());
      }
    }
  }
}
