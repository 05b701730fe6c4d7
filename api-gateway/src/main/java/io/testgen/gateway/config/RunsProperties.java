package io.testgen.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Runs and their artifacts.
 *
 * @param artifactsDir root of the artifact store shared with workers ({@code
 *     TESTGEN_ARTIFACTS_DIR})
 * @param index how runs are listed: {@code visibility} (Temporal visibility, the default) or {@code
 *     redis} (a per-owner sorted set, for servers without visibility)
 */
@ConfigurationProperties("testgen.runs")
public record RunsProperties(String artifactsDir, String index) {}
