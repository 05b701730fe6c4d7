package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.gateway.security.StreamTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * A gateway that cannot reach Temporal (as one that has just started, before its first connection)
 * still serves a run's stream from Redis to a stream token for that run, resuming after {@code
 * Last-Event-ID}: a browser's EventSource, which any answer but 200 ends for good, resumes across a
 * gateway restart. An API-key caller, whose ownership only Temporal can confirm, gets 503.
 */
@GatewayOnRandomPort
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamWithoutTemporalTest {
  @RegisterExtension static final SingleUserGateway GATEWAY = new SingleUserGateway("notemporal");

  @LocalServerPort int port;
  @Autowired StreamTokens tokens;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    // nothing listens at 127.0.0.1:9
    GATEWAY.register(registry, () -> "127.0.0.1:9");
  }

  @Test
  void aStreamTokenResumesFromRedisWhileTemporalCannotAnswer() throws Exception {
    String id = "testgen-127.0.0.1-notemporal01";
    String base = "http://127.0.0.1:" + port + "/api/v2/workflows/" + id + "/stream";
    String token = tokens.issue(GATEWAY.user, id).token();
    try (RedisClient redis = RedisClient.create(GATEWAY.redis.url())) {
      String first = xadd(redis, id, ProgressEventType.WORKFLOW_STARTED, null);
      String started = xadd(redis, id, ProgressEventType.AGENT_STARTED, "observation");
      try (SseClient sse = new SseClient(base + "?token=" + token, "Last-Event-ID", first)) {
        assertThat(sse.status).isEqualTo(200);
        // replayed from Redis after Last-Event-ID; whether the run is closed, Temporal cannot say
        assertThat(sse.nextEvent(Duration.ofSeconds(30)).id()).isEqualTo(started);
        // followed live until the run's own terminal event
        String completed = xadd(redis, id, ProgressEventType.WORKFLOW_COMPLETED, null);
        List<SseClient.Message> rest = sse.eventsUntilEnd(Duration.ofSeconds(30));
        assertThat(rest).extracting(SseClient.Message::id).containsExactly(completed);
        assertThat(rest).extracting(SseClient.Message::event).containsExactly("workflow_completed");
      }
    }

    Http.Response byKey = new Http(port, GATEWAY.key).get("/api/v2/workflows/" + id + "/stream");
    assertThat(byKey.status()).as(byKey.body()).isEqualTo(503);
    assertThat(byKey.code()).isEqualTo("TEMPORAL_UNAVAILABLE");
  }

  private static String xadd(
      RedisClient redis, String workflowId, ProgressEventType type, String agent) {
    return ProgressStreamWriter.append(
        redis,
        new ProgressEvent(type, workflowId, agent, 0.5, type.wireName(), Map.of(), Instant.now()));
  }
}
