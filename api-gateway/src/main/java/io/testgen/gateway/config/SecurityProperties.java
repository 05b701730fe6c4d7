package io.testgen.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access control and target safety.
 *
 * @param apiKeys {@code user=key,user2=key2} ({@code TESTGEN_API_KEYS})
 * @param apiKey one key for the local user ({@code TESTGEN_API_KEY})
 * @param apiKeyFile where a generated local key is written ({@code TESTGEN_API_KEY_FILE})
 * @param localUser user name of the local key
 * @param streamTokenSecret HMAC secret of stream tokens; must be shared by all gateway instances
 *     ({@code TESTGEN_STREAM_TOKEN_SECRET}); generated per process when empty
 * @param streamTokenTtl lifetime of a stream token
 * @param allowedTargets allow-list for otherwise refused targets ({@code TESTGEN_ALLOWED_TARGETS}:
 *     {@code loopback}, {@code private}, CIDRs, host names)
 */
@ConfigurationProperties("testgen.security")
public record SecurityProperties(
    String apiKeys,
    String apiKey,
    String apiKeyFile,
    String localUser,
    String streamTokenSecret,
    Duration streamTokenTtl,
    String allowedTargets) {}
