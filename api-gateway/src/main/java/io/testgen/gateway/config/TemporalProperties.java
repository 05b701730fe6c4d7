package io.testgen.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Temporal frontend is and how the gateway talks to it.
 *
 * @param address host:port of the frontend ({@code TEMPORAL_ADDRESS})
 * @param namespace Temporal namespace ({@code TEMPORAL_NAMESPACE})
 * @param taskQueue task queue runs are started on (the workers' pipeline queue)
 * @param queryTimeout bound on a status query before falling back to describe
 * @param payloadKeys {@code TESTGEN_PAYLOAD_KEYS}: payload encryption keys, shared with workers
 * @param payloadKeyId {@code TESTGEN_PAYLOAD_KEY_ID}: the key that encrypts (default: the first)
 */
@ConfigurationProperties("testgen.temporal")
public record TemporalProperties(
    String address,
    String namespace,
    String taskQueue,
    Duration queryTimeout,
    String payloadKeys,
    String payloadKeyId,
    Duration metricsReportInterval) {

  /** How often the SDK's metrics scope pushes into Micrometer (default 10s). */
  public Duration effectiveMetricsReportInterval() {
    return metricsReportInterval == null ? Duration.ofSeconds(10) : metricsReportInterval;
  }
}
