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
public record StreamProperties(Duration keepalive, Duration readBlock, Duration closedCheckAfter) {}
