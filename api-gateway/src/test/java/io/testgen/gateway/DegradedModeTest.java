package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose Redis (a real one, stopped) is down and which has no payload key: runs already
 * started still report, the stream answers 503 PROGRESS_UNAVAILABLE, readiness says DOWN, new
 * starts are refused (the quota fails closed: 503 QUOTA_UNAVAILABLE with Retry-After), and
 * credentials are refused.
 */
@GatewayOnRandomPort
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DegradedModeTest {
  @RegisterExtension static final SingleUserGateway GATEWAY = new SingleUserGateway("degraded");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    GATEWAY.register(registry, () -> TestServers.temporal().address());
  }

  @Test
  void runsWorkWithoutRedisAndTheStreamSays503() throws Exception {
    Http http = new Http(port, GATEWAY.key);
    String body = "{\"url\":\"http://127.0.0.1:9/\",\"user_instruction\":\"hold\"}";
    Http.Response started = http.post("/api/v2/generate-tests", body);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String id = started.json().get("workflow_id").asText();
    GATEWAY.redis.stop();
    try {
      // Twenty parallel starts against a limit of five: none passes while the quota cannot be
      // kept.
      ExecutorService threads = Executors.newFixedThreadPool(20);
      try {
        List<Future<Http.Response>> starts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          starts.add(threads.submit(() -> http.post("/api/v2/generate-tests", body)));
        }
        for (Future<Http.Response> start : starts) {
          Http.Response refused = start.get(60, TimeUnit.SECONDS);
          GatewayIntegrationTest.assertProblem(refused, 503, "QUOTA_UNAVAILABLE");
          assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        }
      } finally {
        threads.shutdownNow();
      }
      Http.Response status = http.get("/api/v2/workflows/" + id);
      assertThat(status.status()).isEqualTo(200);
      Http.Response stream = http.get("/api/v2/workflows/" + id + "/stream");
      GatewayIntegrationTest.assertProblem(stream, 503, "PROGRESS_UNAVAILABLE");
      Http.Response readiness = new Http(port, null).get("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"redis\":{\"status\":\"DOWN\"}");
    } finally {
      http.delete("/api/v2/workflows/" + id);
    }
  }

  @Test
  void credentialsAreRefusedWithoutPayloadEncryption() {
    Http.Response refused =
        new Http(port, GATEWAY.key)
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"http://127.0.0.1:9/\",\"login_credentials\":{\"username\":\"u\",\"password\":\"p\"}}");
    GatewayIntegrationTest.assertProblem(refused, 400, "ENCRYPTION_NOT_CONFIGURED");
    assertThat(refused.json().get("field").asText()).isEqualTo("login_credentials");
  }
}
