package io.testgen.gateway.stream;

import io.testgen.gateway.config.RedisConnectionFactory;
import io.testgen.gateway.config.StreamProperties;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The one reader thread of a gateway: ONE connection, ONE {@code XREAD BLOCK} over every watched
 * stream, entries fanned out to the watchers; if Redis goes away it reconnects with backoff while
 * connected clients stay connected.
 */
final class StreamFollower {
  private static final Logger log = LoggerFactory.getLogger(StreamFollower.class);
  static final int BATCH = 500;

  private final RedisConnectionFactory connections;
  private final StreamProperties properties;
  private final StreamWatchers watchers;
  private volatile boolean running;
  private Thread reader;

  StreamFollower(
      RedisConnectionFactory connections, StreamProperties properties, StreamWatchers watchers) {
    this.connections = connections;
    this.properties = properties;
    this.watchers = watchers;
  }

  void start() {
    running = true;
    reader = new Thread(this::readLoop, "progress-stream-reader");
    reader.setDaemon(true);
    reader.start();
  }

  void stop() {
    running = false;
    if (reader != null) reader.interrupt();
  }

  private void readLoop() {
    Jedis connection = null;
    long backoffMillis = 200;
    while (running) {
      Map<String, StreamEntryID> cursors = watchers.cursors();
      if (cursors.isEmpty()) {
        try {
          watchers.awaitWatchers(1000);
        } catch (InterruptedException e) {
          return;
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
          watchers.deliver(stream.getKey(), stream.getValue());
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
