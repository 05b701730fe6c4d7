package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Temporal SDK's client metrics reach Prometheus through Spring's Micrometer registry. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TemporalMetricsTest extends GatewayIntegrationTest {

  @Test
  void prometheusShowsTemporalClientRequests() {
    String id = start("alice", "");
    awaitStatus("alice", id, "completed");
    String[] lines = new String[1];
    await(
        Duration.ofSeconds(30),
        () -> {
          Http.Response scrape = as("alice").get("/actuator/prometheus");
          assertThat(scrape.status()).isEqualTo(200);
          lines[0] = scrape.body();
          return Arrays.stream(scrape.body().split("\n"))
              .anyMatch(
                  line ->
                      line.startsWith("temporal_request_total{")
                          && line.contains("operation=\"StartWorkflowExecution\""));
        },
        () ->
            "no temporal_request_total for StartWorkflowExecution in:\n"
                + Arrays.stream(lines[0].split("\n"))
                    .filter(l -> l.startsWith("temporal"))
                    .limit(40)
                    .reduce("", (a, b) -> a + b + "\n"));
    String start =
        Arrays.stream(lines[0].split("\n"))
            .filter(
                line ->
                    line.startsWith("temporal_request_total{")
                        && line.contains("operation=\"StartWorkflowExecution\""))
            .findFirst()
            .orElseThrow();
    assertThat(start).contains("namespace=\"default\"");
    assertThat(Double.parseDouble(start.substring(start.lastIndexOf(' ') + 1))).isGreaterThan(0);
    // Anonymous callers do not see metrics.
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
  }
}
