package io.testgen.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SSE progress streaming.
 *
 * @param keepalive interval of SSE comments that keep proxies from closing idle streams
 * @param readBlock how long one XREAD BLOCK waits
 * @param closedCheckAfter idle time after which a watcher checks Temporal for a run that closed
 *     without its terminal event reaching Redis
 */
@ConfigurationProperties("testgen.stream")
public record StreamProperties(
    Duration keepalive,
    Duration readBlock,
    Duration closedCheckAfter,
    Integer clientQueue,
    Duration clientStall) {

  /** Events a client may lag behind before it is dropped (it resumes with Last-Event-ID). */
  public int effectiveClientQueue() {
    return clientQueue == null || clientQueue < 1 ? 1024 : clientQueue;
  }

  /** How long one write to a client may block before the client is dropped. */
  public Duration effectiveClientStall() {
    return clientStall == null ? Duration.ofSeconds(10) : clientStall;
  }
}
