package io.testgen.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testgen.worker.config.ConfigurationException;
import io.testgen.worker.llm.LlmProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker's configuration: parsed once, typed, and a bad value names its variable. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerConfigTest {

  @Test
  void defaultsWorkLocally() {
    WorkerConfig config = WorkerConfig.fromEnvironment(Map.of());
    assertThat(config.temporalAddress()).isEqualTo("127.0.0.1:7233");
    assertThat(config.namespace()).isEqualTo("default");
    assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(config.artifactsDir()).isEqualTo(Path.of(".testgen/artifacts"));
    assertThat(config.taskQueues()).isEqualTo(List.of("pipeline", "browser"));
    assertThat(config.maxConcurrentBrowserActivities()).isEqualTo(2);
    assertThat(config.browser().contexts()).isEqualTo(2);
    assertThat(config.browser().navigationTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.crawl().pageTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.evolution().verifyRuns()).isEqualTo(3);
    assertThat(config.evolution().parallelContexts()).isEqualTo(2);
    assertThat(config.requirementsLlm().provider()).isEqualTo(LlmProvider.NONE);
    assertThat(config.payloadCodec()).isEmpty();
    assertThat(config.encryptAllPayloads()).isFalse();
    assertThat(config.heartbeatTimeout()).isEmpty(); // the workflow's own per agent
  }

  @Test
  void evolutionVerifyRunsTakesEffect() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(
            Map.of("TESTGEN_EVOLUTION_VERIFY_RUNS", "5", "TESTGEN_EVOLUTION_CONTEXTS", "4"));
    assertThat(config.evolution().verifyRuns()).isEqualTo(5);
    assertThat(config.evolution().parallelContexts()).isEqualTo(4);
  }

  @Test
  void everyTypedVariableIsRead() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(
            Map.of(
                "TESTGEN_TASK_QUEUES", "browser",
                "TESTGEN_MAX_BROWSER_ACTIVITIES", "6",
                "TESTGEN_BROWSER_CONTEXTS", "3",
                "TESTGEN_HEADLESS", "FALSE",
                "TESTGEN_CRAWL_PARALLELISM", "4",
                "TESTGEN_CRAWL_RUN_BUDGET_SECONDS", "120",
                "TESTGEN_CHROMIUM_PATH", "/opt/chromium/chrome",
                "TESTGEN_PAYLOAD_ENCRYPTION", "all",
                "TESTGEN_HEARTBEAT_TIMEOUT_SECONDS", "8"));
    assertThat(config.pollsPipeline()).isFalse();
    assertThat(config.pollsBrowser()).isTrue();
    assertThat(config.maxConcurrentBrowserActivities()).isEqualTo(6);
    assertThat(config.browser().contexts()).isEqualTo(3);
    assertThat(config.browser().headless()).isFalse();
    assertThat(config.browser().executable()).isEqualTo(Path.of("/opt/chromium/chrome"));
    assertThat(config.crawl().parallelism()).isEqualTo(4);
    assertThat(config.crawl().runBudget()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.encryptAllPayloads()).isTrue();
    assertThat(config.heartbeatTimeout()).contains(Duration.ofSeconds(8));
  }

  @Test
  void aBadValueNamesItsVariable() {
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_EVOLUTION_VERIFY_RUNS", "abc")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("TESTGEN_EVOLUTION_VERIFY_RUNS must be an integer between 1 and 10, got 'abc'");
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_MAX_BROWSER_ACTIVITIES", "0")))
        .hasMessage("TESTGEN_MAX_BROWSER_ACTIVITIES must be an integer between 1 and 64, got '0'");
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_CRAWL_PAGE_TIMEOUT_SECONDS", "1m")))
        .hasMessage(
            "TESTGEN_CRAWL_PAGE_TIMEOUT_SECONDS must be an integer between 1 and 600, got '1m'");
    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_HEADLESS", "no")))
        .hasMessage("TESTGEN_HEADLESS must be one of true, false, got 'no'");
    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_TASK_QUEUES", "gpu")))
        .hasMessage(
            "TESTGEN_TASK_QUEUES must be a comma-separated list of pipeline, browser, got 'gpu'");
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_PAYLOAD_ENCRYPTION", "some")))
        .hasMessage("TESTGEN_PAYLOAD_ENCRYPTION must be one of secrets, all, got 'some'");
    assertThatThrownBy(
            () -> WorkerConfig.fromEnvironment(Map.of("TESTGEN_HEARTBEAT_TIMEOUT_SECONDS", "0")))
        .hasMessage(
            "TESTGEN_HEARTBEAT_TIMEOUT_SECONDS must be an integer between 1 and 600, got '0'");
  }
}
