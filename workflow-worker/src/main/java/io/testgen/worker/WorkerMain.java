package io.testgen.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.TaskQueues;
import io.testgen.worker.analysis.AnalysisActivitiesImpl;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.evolution.EvolutionActivitiesImpl;
import io.testgen.worker.observation.ObservationActivitiesImpl;
import io.testgen.worker.progress.RedisProgressPublisher;
import io.testgen.worker.progress.RunEventActivitiesImpl;
import io.testgen.worker.requirements.RequirementsActivitiesImpl;
import io.testgen.worker.workflow.TestGenerationWorkflowImpl;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The worker process: hosts the workflow and the four agents, wired from one {@link WorkerConfig}.
 */
public final class WorkerMain {
  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) {
    WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(config.temporalAddress()).build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(config.namespace())
                .setDataConverter(
                    TemporalDataConverters.withCodec(
                        config.payloadCodec().orElse(null), config.encryptAllPayloads()))
                .build());
    RedisClient redis = RedisProgressPublisher.client(config.redisUrl());
    RedisProgressPublisher progress = new RedisProgressPublisher(redis);
    ArtifactStore artifacts = new ArtifactStore(config.artifactsDir());
    TargetPolicy targets = config.targets();
    BrowserPool browsers = new BrowserPool(config.browser(), targets);

    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new PipelineHeartbeats())
                .build());
    if (config.pollsPipeline()) {
      Worker pipeline =
          factory.newWorker(
              TaskQueues.PIPELINE, WorkerTuning.workerOptions(config.testServerCompatible()));
      pipeline.registerWorkflowImplementationTypes(
          AgentHeartbeatTimeouts.workflowOptions(config.heartbeatTimeout()),
          TestGenerationWorkflowImpl.class);
      pipeline.registerActivitiesImplementations(
          RequirementsActivitiesImpl.withLlm(progress, config.requirementsLlm(), artifacts),
          AnalysisActivitiesImpl.withLlm(progress, config.analysisLlm(), artifacts),
          new RunEventActivitiesImpl(progress));
    }
    if (config.pollsBrowser()) {
      Worker browser =
          factory.newWorker(
              TaskQueues.BROWSER,
              WorkerTuning.browserWorkerOptions(
                  config.testServerCompatible(), config.maxConcurrentBrowserActivities()));
      browser.registerActivitiesImplementations(
          new ObservationActivitiesImpl(browsers, artifacts, progress, targets, config.crawl()),
          new EvolutionActivitiesImpl(browsers, artifacts, progress, config.evolution()));
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("event=worker_stopping");
                  factory.shutdown();
                  factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                  browsers.close();
                  progress.close();
                  redis.close();
                  service.shutdown();
                },
                "worker-shutdown"));
    factory.start();
    log.info(
        "event=worker_started temporal={} namespace={} queues={} artifacts={} test_server_compat={}"
            + " heartbeat_timeout={}",
        config.temporalAddress(),
        config.namespace(),
        config.taskQueues(),
        artifacts.root(),
        config.testServerCompatible(),
        config.heartbeatTimeout().map(Duration::toString).orElse("workflow"));
  }
}
