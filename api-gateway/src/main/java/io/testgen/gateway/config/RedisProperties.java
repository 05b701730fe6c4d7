package io.testgen.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis for progress streams (and the optional run index).
 *
 * @param url {@code redis://host:port} ({@code REDIS_URL})
 * @param poolMaxTotal cap on command connections; the stream reader holds one more
 * @param timeout connect and command timeout
 */
@ConfigurationProperties("testgen.redis")
public record RedisProperties(String url, int poolMaxTotal, Duration timeout) {}
