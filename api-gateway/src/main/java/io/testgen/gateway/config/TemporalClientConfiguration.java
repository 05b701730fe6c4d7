package io.testgen.gateway.config;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.security.AesGcmPayloadCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal client: lazily connected (the gateway starts while Temporal is down; readiness
 * reports it), TestGen's data converter with the payload codec when keys are configured, and the
 * SDK's client metrics published to Micrometer (hence Prometheus).
 */
@Configuration(proxyBeanMethods = false)
class TemporalClientConfiguration {
  private static final Logger log = LoggerFactory.getLogger(TemporalClientConfiguration.class);

  @Bean
  PayloadEncryption payloadEncryption(TemporalProperties properties) {
    Map<String, String> env = new HashMap<>();
    if (properties.payloadKeys() != null) {
      env.put(AesGcmPayloadCodec.KEYS_ENV, properties.payloadKeys());
    }
    if (properties.payloadKeyId() != null) {
      env.put(AesGcmPayloadCodec.CURRENT_KEY_ENV, properties.payloadKeyId());
    }
    Optional<AesGcmPayloadCodec> codec = AesGcmPayloadCodec.fromEnvironment(env);
    log.info(
        "event=payload_codec encrypted={} key_id={}",
        codec.isPresent(),
        codec.map(AesGcmPayloadCodec::currentKeyId).orElse("-"));
    return new PayloadEncryption(codec);
  }

  @Bean
  DataConverter temporalDataConverter(PayloadEncryption encryption) {
    return TemporalDataConverters.withCodec(
        encryption.codec().orElse(null), TemporalDataConverters.encryptsAll(System.getenv()));
  }

  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry registry, TemporalProperties properties) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(Duration.ofMillis(properties.effectiveMetricsReportInterval().toMillis()));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, Scope metricsScope) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(properties.address())
            .setMetricsScope(metricsScope)
            .setRpcQueryTimeout(properties.queryTimeout())
            .build());
  }

  @Bean
  WorkflowClient workflowClient(
      WorkflowServiceStubs stubs, TemporalProperties properties, DataConverter dataConverter) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder()
            .setNamespace(properties.namespace())
            .setDataConverter(dataConverter)
            .setIdentity("testgen-gateway")
            .build());
  }
}
