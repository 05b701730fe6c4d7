package io.testgen.worker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import io.testgen.testkit.servers.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RedisProgressPublisherTest {
  RedisServer server;
  RedisClient client;
  RedisProgressPublisher publisher;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    client = RedisProgressPublisher.client(server.url());
    publisher = new RedisProgressPublisher(client);
  }

  @AfterEach
  void stop() {
    publisher.close();
    client.close();
    server.close();
  }

  @Test
  void appendsEventsInOrderAsSnakeCaseJsonWithAnExpiry() throws Exception {
    publisher.publish(event("wf-1", ProgressEventType.AGENT_STARTED, 0.05, "start"));
    publisher.publish(event("wf-1", ProgressEventType.AGENT_PROGRESS, 0.10, "half"));

    List<StreamEntry> entries =
        client.xrange(ProgressStreams.key("wf-1"), (StreamEntryID) null, null);
    assertThat(entries).hasSize(2);
    var first = JsonMapperFactory.create().readTree(entries.get(0).getFields().get("event"));
    assertThat(first.get("type").asText()).isEqualTo("agent_started");
    assertThat(first.get("workflow_id").asText()).isEqualTo("wf-1");
    assertThat(first.get("agent").asText()).isEqualTo("observation");
    var second = JsonMapperFactory.create().readTree(entries.get(1).getFields().get("event"));
    assertThat(second.get("message").asText()).isEqualTo("half");
    long ttl = client.ttl(ProgressStreams.key("wf-1"));
    assertThat(ttl).isBetween(ProgressStreams.TTL.toSeconds() - 5, ProgressStreams.TTL.toSeconds());
  }

  @Test
  void anOutageNeitherThrowsNorLosesEvents() throws Exception {
    publisher.publish(event("wf-2", ProgressEventType.AGENT_STARTED, 0.05, "before"));
    server.stop();

    long started = System.nanoTime();
    publisher.publish(event("wf-2", ProgressEventType.AGENT_PROGRESS, 0.1, "during-1"));
    publisher.publish(event("wf-2", ProgressEventType.AGENT_PROGRESS, 0.2, "during-2"));
    assertThat(publisher.pendingCount()).isEqualTo(2);

    server.restart(); // an empty Redis: the stream is gone, the deferred events are not
    long deadline = System.currentTimeMillis() + Duration.ofSeconds(15).toMillis();
    while (publisher.pendingCount() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(100);

    List<StreamEntry> entries =
        client.xrange(ProgressStreams.key("wf-2"), (StreamEntryID) null, null);
    assertThat(entries)
        .extracting(
            e ->
                JsonMapperFactory.create()
                    .readTree(e.getFields().get("event"))
                    .get("message")
                    .asText())
        .containsExactly("during-1", "during-2");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
  }

  private static ProgressEvent event(
      String wf, ProgressEventType type, double progress, String message) {
    return new ProgressEvent(
        type, wf, "observation", progress, message, Map.of("pages", 1), Instant.now());
  }
}
