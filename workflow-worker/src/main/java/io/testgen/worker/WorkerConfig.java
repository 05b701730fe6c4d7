package io.testgen.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The worker's settings, all from environment variables with defaults that work locally.
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
 */
public record WorkerConfig(
    String temporalAddress,
    String namespace,
    String redisUrl,
    Path artifactsDir,
    List<String> taskQueues,
    boolean testServerCompatible,
    int maxConcurrentBrowserActivities) {

  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    String queues = env.getOrDefault("TESTGEN_TASK_QUEUES", "pipeline,browser");
    return new WorkerConfig(
        env.getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
        env.getOrDefault("TEMPORAL_NAMESPACE", "default"),
        env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"),
        Path.of(env.getOrDefault("TESTGEN_ARTIFACTS_DIR", ".testgen/artifacts")),
        List.of(queues.split("\\s*,\\s*")),
        Boolean.parseBoolean(env.getOrDefault("TESTGEN_TEST_SERVER_COMPAT", "false")),
        Integer.parseInt(env.getOrDefault("TESTGEN_MAX_BROWSER_ACTIVITIES", "2")));
  }

  public boolean pollsPipeline() {
    return taskQueues.contains("pipeline");
  }

  public boolean pollsBrowser() {
    return taskQueues.contains("browser");
  }
}
