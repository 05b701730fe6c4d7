package io.testgen.e2e;

import io.testgen.testkit.servers.FreePorts;
import io.testgen.testkit.servers.ManagedProcess;
import io.testgen.testkit.servers.RedisServer;
import io.testgen.testkit.servers.TemporalDevServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TestGen as it runs for real: a Temporal dev server, a Redis, worker processes and a gateway
 * process started from the built jars, all on loopback.
 */
final class TestGenStack implements AutoCloseable {
  static final String USER = "alice";
  static final String API_KEY = "e2e-key-alice-0123456789";
  static final String OTHER_USER = "bob";
  static final String OTHER_KEY = "e2e-key-bob-9876543210";

  final TemporalDevServer temporal;
  final RedisServer redis;
  final Path artifacts;
  final Path logs;
  final int gatewayPort;
  private final List<ManagedProcess> workers = new ArrayList<>();
  private ManagedProcess gateway;
  private int workerCount;

  private TestGenStack() {
    try {
      temporal = TemporalDevServer.start(List.of("TargetHost", "Stage", "Owner"));
      redis = RedisServer.start();
      artifacts = Files.createTempDirectory("testgen-e2e-artifacts");
      logs = Path.of("target", "e2e-logs").toAbsolutePath();
      Files.createDirectories(logs);
      gatewayPort = FreePorts.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestGenStack start() {
    TestGenStack stack = new TestGenStack();
    stack.startWorker();
    stack.startGateway();
    return stack;
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  Map<String, String> sharedEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put("REDIS_URL", redis.url());
    env.put("TESTGEN_ARTIFACTS_DIR", artifacts.toString());
    env.put("TESTGEN_ALLOWED_TARGETS", "loopback");
    env.put("TESTGEN_PAYLOAD_KEYS", "e2e1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    return env;
  }

  /** Starts a worker process and waits until it polls. */
  ManagedProcess startWorker() {
    workerCount++;
    Path log = logs.resolve("worker-" + workerCount + ".log");
    ManagedProcess worker =
        ManagedProcess.start(
            "worker-" + workerCount,
            List.of(java(), "-Xmx768m", "-jar", jar("testgen.workerJarDir", "workflow-worker")),
            sharedEnv(),
            log);
    awaitLine(worker, "event=worker_started", Duration.ofSeconds(90));
    workers.add(worker);
    return worker;
  }

  /** SIGKILL to every worker started so far: no chance to clean up or hand anything over. */
  void killAllWorkers() {
    for (ManagedProcess worker : workers) {
      if (worker.isAlive()) worker.kill9();
    }
  }

  private void startGateway() {
    Map<String, String> env = sharedEnv();
    env.put("TESTGEN_API_KEYS", USER + "=" + API_KEY + "," + OTHER_USER + "=" + OTHER_KEY);
    env.put("TESTGEN_GATEWAY_PORT", String.valueOf(gatewayPort));
    env.put("SERVER_PORT", String.valueOf(gatewayPort));
    gateway =
        ManagedProcess.start(
                "gateway",
                List.of(java(), "-Xmx512m", "-jar", jar("testgen.gatewayJarDir", "api-gateway")),
                env,
                logs.resolve("gateway.log"))
            .awaitPort(gatewayPort, Duration.ofSeconds(120));
  }

  private static void awaitLine(ManagedProcess process, String marker, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (Files.exists(process.log()) && Files.readString(process.log()).contains(marker)) return;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!process.isAlive())
        throw new IllegalStateException(process.log() + ":\n" + process.logTail());
      sleep(100);
    }
    throw new IllegalStateException(
        "no '" + marker + "' in " + process.log() + ":\n" + process.logTail());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String jar(String property, String module) {
    // Surefire runs in e2e-tests/ (and sets the property); benchmarks run from the repository root.
    String dir = System.getProperty(property, "../" + module + "/target");
    if (!new File(dir).isDirectory()) dir = module + "/target";
    File[] jars =
        new File(dir)
            .listFiles(
                f ->
                    f.getName().startsWith(module + "-")
                        && f.getName().endsWith(".jar")
                        && !f.getName().contains("original")
                        && !f.getName().contains("sources"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "no " + module + " jar in " + dir + ": build it first (mvn package)");
    }
    return jars[0].getAbsolutePath();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (gateway != null) gateway.close();
    workers.forEach(ManagedProcess::close);
    redis.close();
    temporal.close();
  }
}
