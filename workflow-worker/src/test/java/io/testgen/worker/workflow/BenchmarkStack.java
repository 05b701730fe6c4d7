package io.testgen.worker.workflow;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.PipelineInputs;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.testkit.servers.RedisServer;
import io.testgen.testkit.servers.TemporalDevServer;
import io.testgen.worker.WorkerConfig;
import io.testgen.worker.WorkerTuning;
import io.testgen.worker.analysis.AnalysisActivitiesImpl;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.evolution.EvolutionActivitiesImpl;
import io.testgen.worker.observation.CrawlSettings;
import io.testgen.worker.observation.ObservationActivitiesImpl;
import io.testgen.worker.progress.RedisProgressPublisher;
import io.testgen.worker.progress.RunEventActivitiesImpl;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * A worker wired as {@code WorkerMain} wires it (same activities, same options, same data
 * converter), but in the benchmark's own process, so a benchmark can time each activity's code
 * ({@link ActivityTimer}), call the same activity objects directly, and read this JVM's heap; with
 * a real Temporal dev server and a real Redis of its own. Only the crawl settings are the
 * benchmark's.
 */
final class BenchmarkStack implements AutoCloseable {
  final TemporalDevServer temporal;
  final RedisServer redis;
  final WorkflowClient client;
  final DataConverter converter;
  final RedisClient redisClient;
  final ArtifactStore artifacts;
  final ActivityTimer timer = new ActivityTimer();

  /** The activity objects the worker runs, for direct calls. */
  final List<Object> activities;

  private final WorkflowServiceStubs service;
  private final RedisProgressPublisher progress;
  private final BrowserPool browsers;
  private final WorkerFactory factory;

  BenchmarkStack(CrawlSettings crawl) {
    temporal = TemporalDevServer.start(List.of("TargetHost", "Stage", "Owner"));
    redis = RedisServer.start();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put("REDIS_URL", redis.url());
    env.put("TESTGEN_ALLOWED_TARGETS", "loopback");
    WorkerConfig config = WorkerConfig.fromEnvironment(env);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporal.address())
                // a busy machine answers the first call slowly
                .setSystemInfoTimeout(Duration.ofSeconds(60))
                .setRpcTimeout(Duration.ofSeconds(60))
                .build());
    converter = TemporalDataConverters.withCodec(null, false);
    client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setDataConverter(converter).build());
    redisClient = RedisProgressPublisher.client(redis.url());
    progress = new RedisProgressPublisher(redisClient);
    try {
      artifacts = new ArtifactStore(Files.createTempDirectory("testgen-bench-artifacts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TargetPolicy targets = TargetPolicy.allowingLoopback();
    browsers = new BrowserPool(config.browser(), targets);
    Object requirements =
        RequirementsActivitiesImpl.withLlm(progress, config.requirementsLlm(), artifacts);
    Object analysis = AnalysisActivitiesImpl.withLlm(progress, config.analysisLlm(), artifacts);
    Object runEvents = new RunEventActivitiesImpl(progress);
    Object observation =
        new ObservationActivitiesImpl(browsers, artifacts, progress, targets, crawl);
    Object evolution =
        new EvolutionActivitiesImpl(browsers, artifacts, progress, config.evolution());
    activities = List.of(observation, requirements, analysis, evolution, runEvents);

    factory =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setWorkerInterceptors(timer).build());
    Worker pipeline = factory.newWorker(TaskQueues.PIPELINE, WorkerTuning.workerOptions(false));
    pipeline.registerWorkflowImplementationTypes(TestGenerationWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(requirements, analysis, runEvents);
    Worker browser =
        factory.newWorker(
            TaskQueues.BROWSER,
            WorkerTuning.browserWorkerOptions(false, config.maxConcurrentBrowserActivities()));
    browser.registerActivitiesImplementations(observation, evolution);
    factory.start();
  }

  /** Runs the workflow to its end as the gateway starts it, and returns its result. */
  /**
   * What a benchmark asks for: a crawl from {@code url} to {@code maxDepth} and {@code maxPages},
   * the named stages (null: all), no review, no mutation analysis.
   */
  static GenerationRequest request(
      String url, int maxDepth, int maxPages, int maxScenarios, List<String> stages) {
    return GenerationRequest.of(url)
        .with(
            r -> {
              r.maxDepth = maxDepth;
              r.maxPages = maxPages;
              r.owner = "bench";
              r.maxScenarios = maxScenarios;
              r.reviewRequirements = false;
              r.inputs = stages == null ? null : new PipelineInputs(stages, null, null, null);
              r.mutationBudgetSeconds = 0;
            });
  }

  GenerationResult run(String workflowId, GenerationRequest request) {
    return client
        .newWorkflowStub(
            TestGenerationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowId(workflowId)
                .build())
        .generate(request);
  }

  /** The run's history, measured. */
  RunHistory history(String workflowId) {
    return RunHistory.of(client.fetchHistory(workflowId), timer);
  }

  /** Redis's {@code used_memory} (INFO memory), in bytes. */
  long redisUsedMemory() {
    return infoField(redisClient.info("memory"), "used_memory");
  }

  /** Bytes Redis holds for {@code key} ({@code MEMORY USAGE}), 0 when absent. */
  long redisKeyBytes(String key) {
    Object usage = redisClient.sendCommand(() -> "MEMORY".getBytes(), "USAGE", key);
    return usage instanceof Long bytes ? bytes : 0;
  }

  static long infoField(String info, String field) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1));
    }
    return -1;
  }

  Path artifactsRoot() {
    return artifacts.root();
  }

  @Override
  public void close() {
    factory.shutdownNow();
    browsers.close();
    progress.close();
    redisClient.close();
    service.shutdownNow();
    redis.close();
    temporal.close();
  }
}
