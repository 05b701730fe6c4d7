package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/** SSE over real Redis Streams: replay, resume, follow, keepalive, termination, fan-in. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProgressStreamTest extends GatewayIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private Jedis redis;
  private final List<String> holds = new ArrayList<>();

  @BeforeEach
  void connect() {
    redis = new Jedis(java.net.URI.create(TestServers.redis().url()));
  }

  @AfterEach
  void cleanUp() {
    holds.forEach(id -> as("streamer").delete("/api/v2/workflows/" + id));
    redis.close();
  }

  private String heldRun() {
    String id = start("streamer", "\"user_instruction\":\"hold\"");
    holds.add(id);
    return id;
  }

  private String xadd(String workflowId, ProgressEventType type, String agent, double progress) {
    return xadd(
        new ProgressEvent(
            type, workflowId, agent, progress, type.wireName(), Map.of("pages", 1), Instant.now()));
  }

  private String xadd(ProgressEvent event) {
    return ProgressStreamWriter.append(redis, event);
  }

  private SseClient open(String workflowId, String... headers) {
    List<String> all =
        new ArrayList<>(List.of("Authorization", "Bearer " + TestServers.key("streamer")));
    all.addAll(List.of(headers));
    return new SseClient(
        as("streamer").base() + "/api/v2/workflows/" + workflowId + "/stream",
        all.toArray(String[]::new));
  }

  @Test
  void replaysFromTheStartAndEndsAfterTheTerminalEvent() throws Exception {
    String id = heldRun();
    String first = xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    String second = xadd(id, ProgressEventType.AGENT_STARTED, "observation", 0.05);
    String third = xadd(id, ProgressEventType.WORKFLOW_COMPLETED, null, 1.0);

    try (SseClient sse = open(id)) {
      assertThat(sse.status).isEqualTo(200);
      assertThat(sse.contentType).startsWith("text/event-stream");
      List<SseClient.Message> events = sse.eventsUntilEnd(WAIT);
      assertThat(events).extracting(SseClient.Message::id).containsExactly(first, second, third);
      assertThat(events)
          .extracting(SseClient.Message::event)
          .containsExactly("workflow_started", "agent_started", "workflow_completed");
      JsonNode data = JsonMapperFactory.shared().readTree(events.get(1).data());
      assertThat(data.get("type").asText()).isEqualTo("agent_started");
      assertThat(data.get("workflow_id").asText()).isEqualTo(id);
      assertThat(data.get("agent").asText()).isEqualTo("observation");
      assertThat(data.get("progress").asDouble()).isEqualTo(0.05);
    }
  }

  @Test
  void resumesRightAfterLastEventIdThenFollowsLiveEvents() {
    String id = heldRun();
    String first = xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    String second = xadd(id, ProgressEventType.AGENT_STARTED, "observation", 0.05);

    try (SseClient sse = open(id, "Last-Event-ID", first)) {
      assertThat(sse.nextEvent(WAIT).id()).isEqualTo(second);
      String live = xadd(id, ProgressEventType.AGENT_PROGRESS, "observation", 0.1);
      SseClient.Message followed = sse.nextEvent(WAIT);
      assertThat(followed.id()).isEqualTo(live);
      assertThat(followed.event()).isEqualTo("agent_progress");
      String terminal = xadd(id, ProgressEventType.WORKFLOW_FAILED, null, 0.1);
      assertThat(sse.nextEvent(WAIT).id()).isEqualTo(terminal);
      assertThat(sse.nextEvent(WAIT)).isSameAs(SseClient.END);
    }
  }

  @Test
  void sendsKeepaliveCommentsWhileIdle() {
    String id = heldRun();
    try (SseClient sse = open(id)) {
      SseClient.Message message = sse.next(WAIT);
      assertThat(message.comment()).isEqualTo("keepalive");
      assertThat(sse.next(WAIT).comment()).isEqualTo("keepalive");
      xadd(id, ProgressEventType.WORKFLOW_CANCELLED, null, 0.0);
      assertThat(sse.nextEvent(WAIT).event()).isEqualTo("workflow_cancelled");
      assertThat(sse.nextEvent(WAIT)).isSameAs(SseClient.END);
    }
  }

  @Test
  void closedRunWhoseStreamIsGoneGetsItsHistoryRebuiltFromTemporal() throws Exception {
    String id = start("streamer", "");
    awaitStatus("streamer", id, "completed");
    xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    xadd(id, ProgressEventType.WORKFLOW_COMPLETED, null, 1.0);
    assertThat(redis.del(ProgressStreams.key(id))).isEqualTo(1); // lost with Redis, or expired
    try (SseClient sse = open(id)) {
      List<SseClient.Message> events = sse.eventsUntilEnd(WAIT);
      // the fake workflow runs no activities: its record holds the start (agents:
      // RecordedProgressTest)
      assertThat(events)
          .extracting(SseClient.Message::event)
          .containsExactly("workflow_started", "workflow_completed");
      JsonNode started = JsonMapperFactory.shared().readTree(events.get(0).data());
      assertThat(started.get("workflow_id").asText()).isEqualTo(id);
      assertThat(started.get("data").get("rebuilt").asBoolean()).isTrue();
      assertThat(events.get(0).id()).isNull();
      JsonNode data = JsonMapperFactory.shared().readTree(events.get(1).data());
      assertThat(data.get("workflow_id").asText()).isEqualTo(id);
      assertThat(data.get("data").get("synthesized").asBoolean()).isTrue();
    }
  }

  @Test
  void statusShowsTheProgressTheStreamReportsWithinAStage() {
    String id = heldRun();
    awaitStatus("streamer", id, "running");
    // The fake's query says observation is pending at 0.0; the agent reported more to the stream.
    ProgressEvent event =
        new ProgressEvent(
            ProgressEventType.AGENT_PROGRESS,
            id,
            "observation",
            0.20,
            "Crawling: 6 pages",
            Map.of(),
            Instant.now());
    xadd(event);
    JsonNode status = statusOf("streamer", id);
    JsonNode observation = status.get("progress").get("observation");
    assertThat(observation.get("status").asText()).isEqualTo("running");
    assertThat(observation.get("progress").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(observation.get("message").asText()).isEqualTo("Crawling: 6 pages");
    assertThat(status.get("total_progress").asDouble()).isCloseTo(0.20, within(1e-9));
    // An older stage's event never lowers what the query reports.
    assertThat(status.get("progress").get("evolution").get("progress").asDouble()).isZero();
  }

  @Test
  void resumingFromTheTerminalEventsIdEndsWithoutAnotherEvent() {
    String id = start("streamer", "");
    awaitStatus("streamer", id, "completed");
    xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    String terminal = xadd(id, ProgressEventType.WORKFLOW_COMPLETED, null, 1.0);
    try (SseClient sse = open(id, "Last-Event-ID", terminal)) {
      assertThat(sse.status).isEqualTo(200);
      assertThat(sse.eventsUntilEnd(WAIT)).isEmpty();
    }
  }

  @Test
  void watcherOfARunThatClosedWithoutTerminalEventIsEnded() {
    String id = heldRun();
    String first = xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    try (SseClient sse = open(id)) {
      assertThat(sse.nextEvent(WAIT).id()).isEqualTo(first);
      as("streamer").delete("/api/v2/workflows/" + id);
      // No terminal event is ever written: the watcher asks Temporal after closed-check-after.
      SseClient.Message synthesized = sse.nextEvent(Duration.ofSeconds(15));
      assertThat(synthesized.event()).isEqualTo("workflow_cancelled");
      assertThat(synthesized.id()).isNull();
      assertThat(sse.nextEvent(WAIT)).isSameAs(SseClient.END);
    }
  }

  @Test
  void redisConnectionsDoNotGrowWithClients() {
    String id = heldRun();
    xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    List<SseClient> clients = new ArrayList<>();
    try {
      clients.add(open(id));
      clients.get(0).nextEvent(WAIT);
      long withOne = connectedClients();
      for (int i = 1; i < 20; i++) {
        SseClient client = open(id);
        client.nextEvent(WAIT);
        clients.add(client);
      }
      long withTwenty = connectedClients();
      System.out.printf("redis_clients with_1_sse=%d with_20_sse=%d%n", withOne, withTwenty);
      assertThat(withTwenty).isEqualTo(withOne);
      // Every client still follows: one event reaches all twenty.
      String live = xadd(id, ProgressEventType.AGENT_STARTED, "observation", 0.05);
      for (SseClient client : clients) assertThat(client.nextEvent(WAIT).id()).isEqualTo(live);
    } finally {
      clients.forEach(SseClient::close);
    }
  }

  @Test
  void aClientThatStopsReadingNeitherDelaysOthersNorLosesEvents() throws Exception {
    String id = heldRun();
    String first = xadd(id, ProgressEventType.WORKFLOW_STARTED, null, 0.0);
    try (Socket slow = new Socket()) {
      // A client that reads its headers and then stops reading; small buffers fill fast.
      slow.setReceiveBufferSize(4096);
      slow.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      slow.setSoTimeout(20_000);
      slow.getOutputStream()
          .write(
              ("GET /api/v2/workflows/"
                      + id
                      + "/stream HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                      + "Authorization: Bearer "
                      + TestServers.key("streamer")
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream slowIn = slow.getInputStream();
      ByteArrayOutputStream slowBytes = new ByteArrayOutputStream();
      while (!slowBytes.toString(StandardCharsets.UTF_8).contains("id:" + first)) {
        slowBytes.write(slowIn.read());
      }
      long droppedBefore = stalledDrops();
      try (SseClient normal = open(id)) {
        assertThat(normal.nextEvent(WAIT).id()).isEqualTo(first);
        // Far more than socket buffers hold (20 MB in 100 events): the slow client's write blocks.
        List<String> published = new ArrayList<>(List.of(first));
        String bulk = "x".repeat(200_000);
        for (int i = 0; i < 100; i++) published.add(xaddMessage(id, bulk));
        published.add(xadd(id, ProgressEventType.WORKFLOW_COMPLETED, null, 1.0));

        List<SseClient.Message> rest = normal.eventsUntilEnd(Duration.ofSeconds(20));
        assertThat(rest)
            .extracting(SseClient.Message::id)
            .containsExactlyElementsOf(published.subList(1, published.size()));

        // A write blocked past the stall limit (2 s) drops the client: wait for the drop itself
        // (counted by reason), then read on. The client gets a gapless prefix of whole events,
        // ending when the blocked write returns, and resuming gets exactly the rest.
        System.out.printf("slow_client_unread_bytes_before_drop=%d%n", slowIn.available());
        await(
            Duration.ofSeconds(20),
            () -> stalledDrops() > droppedBefore,
            () -> "the client that stopped reading was never dropped");
        byte[] buffer = new byte[65536];
        for (int n; (n = slowIn.read(buffer)) >= 0; ) slowBytes.write(buffer, 0, n);
        List<String> slowIds = completeEventIds(slowBytes.toString(StandardCharsets.UTF_8));
        System.out.printf(
            "slow_client_events_before_drop=%d of %d%n", slowIds.size(), published.size());
        assertThat(slowIds).containsExactlyElementsOf(published.subList(0, slowIds.size()));
        // It was dropped: 20 MB cannot all have been written to a client that stopped reading.
        assertThat(slowIds.size()).isLessThan(published.size());
        try (SseClient resumed = open(id, "Last-Event-ID", slowIds.get(slowIds.size() - 1))) {
          assertThat(resumed.eventsUntilEnd(Duration.ofSeconds(20)))
              .extracting(SseClient.Message::id)
              .containsExactlyElementsOf(published.subList(slowIds.size(), published.size()));
        }
      }
    }
  }

  private String xaddMessage(String workflowId, String message) {
    return xadd(
        new ProgressEvent(
            ProgressEventType.AGENT_PROGRESS,
            workflowId,
            "observation",
            0.1,
            message,
            Map.of(),
            Instant.now()));
  }

  /** Clients the gateway dropped for a stalled write so far (its Prometheus counter). */
  private long stalledDrops() {
    Http.Response scrape = as("streamer").get("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    return scrape
        .body()
        .lines()
        .filter(line -> line.startsWith("testgen_stream_clients_dropped_total{"))
        .filter(line -> line.contains("reason=\"stalled_write\""))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Ids of the events an EventSource would dispatch: only those ended by a blank line. */
  private static List<String> completeEventIds(String raw) {
    List<String> ids = new ArrayList<>();
    String id = null;
    for (String line : raw.replace("\r\n", "\n").split("\n", -1)) {
      if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.isEmpty() && id != null) {
        ids.add(id);
        id = null;
      }
    }
    return ids;
  }

  /** Connections to Redis other than this test's own. */
  private long connectedClients() {
    return redis.clientList().lines().filter(line -> !line.isBlank()).count() - 1;
  }

  @Test
  void anotherUsersStreamIsNotFound() {
    String id = heldRun();
    SseClient sse =
        new SseClient(
            as("bob").base() + "/api/v2/workflows/" + id + "/stream",
            "Authorization",
            "Bearer " + TestServers.key("bob"));
    try (sse) {
      assertThat(sse.status).isEqualTo(404);
    }
  }
}
