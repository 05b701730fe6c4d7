package io.testgen.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-user and per-request limits.
 *
 * @param maxConcurrentRuns running runs one user may have ({@code TESTGEN_MAX_CONCURRENT_RUNS})
 * @param maxBodyBytes largest accepted request body
 * @param retryAfter {@code Retry-After} sent with a quota refusal
 */
@ConfigurationProperties("testgen.limits")
public record LimitsProperties(int maxConcurrentRuns, long maxBodyBytes, Duration retryAfter) {}
