package io.testgen.gateway;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.security.AesGcmPayloadCodec;
import io.testgen.testkit.servers.RedisServer;
import io.testgen.testkit.servers.TemporalDevServer;
import java.util.Map;
import java.util.UUID;

/**
 * The real servers gateway tests share within one JVM: the Temporal dev server, one Redis, and a
 * worker on a task queue of its own running {@link FakeTestGenerationWorkflow}, with the same
 * payload key as the gateway.
 */
final class TestServers {
  static final String PAYLOAD_KEYS = "test=" + AesGcmPayloadCodec.generateKey();
  static final String TASK_QUEUE = "gw-test-" + UUID.randomUUID();

  /** Suffix that makes this JVM's users unique on a shared Temporal server. */
  static final String RUN_SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  private static RedisServer redis;
  private static WorkflowServiceStubs stubs;
  private static WorkflowClient client;

  private TestServers() {}

  static synchronized TemporalDevServer temporal() {
    TemporalDevServer server = TemporalDevServer.shared();
    if (stubs == null) {
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
      client =
          WorkflowClient.newInstance(
              stubs,
              WorkflowClientOptions.newBuilder()
                  .setDataConverter(
                      TemporalDataConverters.withCodec(
                          AesGcmPayloadCodec.fromEnvironment(
                                  Map.of(AesGcmPayloadCodec.KEYS_ENV, PAYLOAD_KEYS))
                              .orElseThrow(),
                          false))
                  .build());
      WorkerFactory factory = WorkerFactory.newInstance(client);
      factory
          .newWorker(TASK_QUEUE)
          .registerWorkflowImplementationTypes(FakeTestGenerationWorkflow.class);
      factory.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    factory.shutdownNow();
                    stubs.shutdownNow();
                  }));
    }
    return server;
  }

  static synchronized RedisServer redis() {
    if (redis == null) {
      redis = RedisServer.start();
      RedisServer started = redis;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return redis;
  }

  /** A client of the test server with the gateway's payload key. */
  static WorkflowClient client() {
    temporal();
    return client;
  }

  static WorkflowServiceStubs stubs() {
    temporal();
    return stubs;
  }

  static String user(String name) {
    return name + "-" + RUN_SUFFIX;
  }

  static String key(String name) {
    return "key-" + name + "-" + RUN_SUFFIX + "-0123456789";
  }
}
