package io.testgen.worker;

import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.security.AesGcmPayloadCodec;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.Agent;
import io.testgen.worker.browser.BrowserSettings;
import io.testgen.worker.config.EnvironmentVariables;
import io.testgen.worker.evolution.EvolutionSettings;
import io.testgen.worker.llm.LlmSettings;
import io.testgen.worker.observation.CrawlSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the worker, parsed once from the environment at start-up (defaults that work
 * locally); a bad value fails there with a message naming the variable. The README's configuration
 * table lists each variable.
 *
 * @param temporalAddress {@code TEMPORAL_ADDRESS}, default {@code 127.0.0.1:7233}
 * @param namespace {@code TEMPORAL_NAMESPACE}, default {@code default}
 * @param redisUrl {@code REDIS_URL}, default {@code redis://127.0.0.1:6379}
 * @param artifactsDir {@code TESTGEN_ARTIFACTS_DIR}, default {@code .testgen/artifacts}
 * @param taskQueues {@code TESTGEN_TASK_QUEUES}: {@code pipeline}, {@code browser} or both
 *     (default), so browser workers can scale apart
 * @param testServerCompatible {@code TESTGEN_TEST_SERVER_COMPAT}: see {@link
 *     WorkerTuning#workerOptions(boolean)}
 * @param maxConcurrentBrowserActivities {@code TESTGEN_MAX_BROWSER_ACTIVITIES}, default 2
 * @param browser {@code TESTGEN_CHROMIUM_PATH}, {@code TESTGEN_BROWSER_CONTEXTS}, ...
 * @param crawl {@code TESTGEN_CRAWL_*}
 * @param evolution {@code TESTGEN_EVOLUTION_CONTEXTS}, {@code TESTGEN_EVOLUTION_VERIFY_RUNS}
 * @param requirementsLlm {@code TESTGEN_LLM_*} with {@code TESTGEN_LLM_REQUIREMENTS_*} overrides
 * @param analysisLlm {@code TESTGEN_LLM_*} with {@code TESTGEN_LLM_ANALYSIS_*} overrides
 * @param targets {@code TESTGEN_ALLOWED_TARGETS}
 * @param payloadCodec {@code TESTGEN_PAYLOAD_KEYS}, {@code TESTGEN_PAYLOAD_KEY_ID}
 * @param encryptAllPayloads {@code TESTGEN_PAYLOAD_ENCRYPTION=all} (default {@code secrets})
 * @param heartbeatTimeout {@code TESTGEN_HEARTBEAT_TIMEOUT_SECONDS} (1..600): the heartbeat timeout
 *     of every agent's activity; empty (default): the workflow's own ({@link
 *     AgentHeartbeatTimeouts})
 */
public record WorkerConfig(
    String temporalAddress,
    String namespace,
    String redisUrl,
    Path artifactsDir,
    List<String> taskQueues,
    boolean testServerCompatible,
    int maxConcurrentBrowserActivities,
    BrowserSettings browser,
    CrawlSettings crawl,
    EvolutionSettings evolution,
    LlmSettings requirementsLlm,
    LlmSettings analysisLlm,
    TargetPolicy targets,
    Optional<AesGcmPayloadCodec> payloadCodec,
    boolean encryptAllPayloads,
    Optional<Duration> heartbeatTimeout) {

  static final List<String> QUEUES = List.of("pipeline", "browser");

  /** Parses every variable the worker reads; throws naming the first bad one. */
  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    EnvironmentVariables vars = new EnvironmentVariables(env);
    return new WorkerConfig(
        vars.string("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
        vars.string("TEMPORAL_NAMESPACE", "default"),
        vars.string("REDIS_URL", "redis://127.0.0.1:6379"),
        Path.of(vars.string(ArtifactPaths.ROOT_ENV, ArtifactPaths.DEFAULT_ROOT)),
        vars.listOf("TESTGEN_TASK_QUEUES", QUEUES, QUEUES),
        vars.bool("TESTGEN_TEST_SERVER_COMPAT", false),
        vars.integer("TESTGEN_MAX_BROWSER_ACTIVITIES", 2, 1, 64),
        BrowserSettings.fromEnvironment(env),
        CrawlSettings.fromEnvironment(vars),
        EvolutionSettings.fromEnvironment(vars),
        LlmSettings.fromEnvironment(env, Agent.REQUIREMENTS),
        LlmSettings.fromEnvironment(env, Agent.ANALYSIS),
        TargetPolicy.fromEnvironment(env),
        AesGcmPayloadCodec.fromEnvironment(env),
        TemporalDataConverters.encryptsAll(env),
        vars.string(AgentHeartbeatTimeouts.VARIABLE, null) == null
            ? Optional.empty()
            : Optional.of(vars.seconds(AgentHeartbeatTimeouts.VARIABLE, Duration.ZERO, 1, 600)));
  }

  public boolean pollsPipeline() {
    return taskQueues.contains("pipeline");
  }

  public boolean pollsBrowser() {
    return taskQueues.contains("browser");
  }
}
