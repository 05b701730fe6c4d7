package io.testgen.e2e;

import io.testgen.testkit.servers.ManagedProcess;
import io.testgen.testkit.servers.RedisServer;
import io.testgen.testkit.servers.TemporalDevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TestGen as it runs for real, all on loopback: a Temporal dev server and a Redis (testkit's), and
 * worker and gateway processes from the built jars ({@link JarProcesses} starts and watches them).
 * Its job is the stack as a whole: what every process is configured with, and the faults a test may
 * strike it with (kill -9 of workers, a gateway restart, Redis stopped, Temporal restarted).
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

  /** The gateway's port: it picks one itself (port 0) and the stack reads it from its log. */
  volatile int gatewayPort;

  private final List<ManagedProcess> workers = new ArrayList<>();
  private ManagedProcess gateway;
  private int workerCount;

  /** Extra environment of every worker (a durable stack's LLM endpoint, verify runs). */
  private final Map<String, String> workerEnv = new HashMap<>();

  /**
   * For a durable stack, whose tests restart workers and the gateway many times on a busy machine:
   * the JIT's first tier only and the serial collector, which start a JVM with the least CPU (a
   * worker took 30-40 s to start at load 20). Benchmarks keep the JVM's defaults.
   */
  private static final List<String> QUICK_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private boolean quickStart;

  /** Set for a durable stack: every gateway signs stream tokens with it, as several must. */
  private String streamTokenSecret;

  private TestGenStack() {
    this(false);
  }

  /**
   * @param durable Temporal in a SQLite file and Redis with an append-only file, as {@code
   *     ./testgen up} runs them, so that either survives a restart
   */
  private TestGenStack(boolean durable) {
    try {
      Path state = durable ? Files.createTempDirectory("testgen-e2e-state") : null;
      List<String> attributes = List.of("TargetHost", "Stage", "Owner");
      temporal =
          durable
              ? TemporalDevServer.startPersistent(attributes, state.resolve("temporal.db"))
              : TemporalDevServer.start(attributes);
      redis = durable ? RedisServer.startPersistent(state.resolve("redis")) : RedisServer.start();
      artifacts = Files.createTempDirectory("testgen-e2e-artifacts");
      logs = Path.of("target", "e2e-logs").toAbsolutePath();
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestGenStack start() {
    return start(new TestGenStack());
  }

  /**
   * A stack whose parts may each be restarted mid-run ({@link #stopRedis}, {@link #restartGateway},
   * {@link #restartTemporal}, {@link #killAllWorkers}): persistent Temporal and Redis, one
   * stream-token secret for every gateway; {@code workerEnv} goes to every worker.
   */
  static TestGenStack startDurable(Map<String, String> workerEnv) {
    TestGenStack stack = new TestGenStack(true);
    stack.workerEnv.putAll(workerEnv);
    stack.streamTokenSecret = "e2e-stream-token-secret-0123456789abcdef";
    stack.quickStart = true;
    return start(stack);
  }

  private static TestGenStack start(TestGenStack stack) {
    try {
      stack.startWorker();
      stack.startGateway();
    } catch (RuntimeException | Error e) {
      stack.close(); // nothing started so far outlives a failed start
      throw e;
    }
    return stack;
  }

  /**
   * A gateway without a worker: runs started through it stay running with nothing executing them,
   * so a benchmark can publish their progress itself (as the worker's publisher does).
   */
  static TestGenStack startGatewayOnly() {
    TestGenStack stack = new TestGenStack();
    try {
      stack.startGateway();
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** The gateway process's id (threads and heap are read from outside). */
  long gatewayPid() {
    return gateway.pid();
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

  private Map<String, String> workerEnv() {
    Map<String, String> env = sharedEnv();
    env.putAll(workerEnv);
    return env;
  }

  /**
   * Starts a worker process and waits until it polls. A worker that exits while starting (its first
   * Temporal call can outlast its deadline on a loaded machine, or while Temporal itself starts) is
   * started again, twice at most, as a process supervisor would.
   */
  ManagedProcess startWorker() {
    for (int attempt = 1; ; attempt++) {
      try {
        return startWorkerOnce();
      } catch (IllegalStateException exited) {
        if (attempt >= 3) throw exited;
        System.out.println("e2e: a worker exited while starting; starting another");
      }
    }
  }

  private ManagedProcess startWorkerOnce() {
    workerCount++;
    Path log = logs.resolve("worker-" + workerCount + ".log");
    long logStart = log.toFile().length(); // an earlier build's lines do not count
    ManagedProcess worker =
        JarProcesses.start(
            "worker-" + workerCount,
            "workflow-worker",
            "testgen.workerJarDir",
            jvmOptions("-Xmx768m"),
            workerEnv(),
            log);
    try {
      JarProcesses.awaitLine(worker, "event=worker_started", logStart, Duration.ofSeconds(240));
    } catch (IllegalStateException e) {
      worker.close();
      throw e;
    }
    workers.add(worker);
    return worker;
  }

  /**
   * SIGKILL to every worker started so far: no chance to clean up or hand anything over. Returns
   * the processes the workers had started (Chromium and its helpers, Playwright's driver), as seen
   * just before the kill, so a test can check that none outlives its worker.
   */
  List<JarProcesses.Child> killAllWorkers() {
    return killWorkersOtherThan(null);
  }

  /** As {@link #killAllWorkers}, sparing {@code spared} (a replacement started beforehand). */
  List<JarProcesses.Child> killWorkersOtherThan(ManagedProcess spared) {
    List<JarProcesses.Child> started = new ArrayList<>();
    for (ManagedProcess worker : workers) {
      if (worker != spared && worker.isAlive()) {
        worker
            .process()
            .descendants()
            .forEach(p -> started.add(new JarProcesses.Child(p, JarProcesses.command(p))));
        worker.kill9();
      }
    }
    return started;
  }

  private void startGateway() {
    Map<String, String> env = sharedEnv();
    env.put("TESTGEN_API_KEYS", USER + "=" + API_KEY + "," + OTHER_USER + "=" + OTHER_KEY);
    env.put("TESTGEN_GATEWAY_PORT", String.valueOf(gatewayPort)); // 0 at first: pick one
    env.put("SERVER_PORT", String.valueOf(gatewayPort));
    if (streamTokenSecret != null) {
      env.put("TESTGEN_STREAM_TOKEN_SECRET", streamTokenSecret);
      env.put("TESTGEN_STREAM_TOKEN_TTL", "20m");
    }
    Path log = logs.resolve("gateway.log");
    long logStart = log.toFile().length();
    gateway =
        JarProcesses.start(
            "gateway", "api-gateway", "testgen.gatewayJarDir", jvmOptions("-Xmx512m"), env, log);
    gatewayPort = JarProcesses.startedPort(gateway, logStart, Duration.ofSeconds(240));
    gateway.awaitPort(gatewayPort, Duration.ofSeconds(10));
    JarProcesses.awaitReady(
        gateway, gatewayUrl() + "/actuator/health/readiness", Duration.ofSeconds(240));
  }

  private List<String> jvmOptions(String heap) {
    List<String> options = new ArrayList<>(List.of(heap));
    if (quickStart) options.addAll(QUICK_START);
    return options;
  }

  /** Stops the gateway (SIGTERM, as a deployment does) and starts a new one on the same port. */
  void restartGateway() {
    gateway.close();
    startGateway();
  }

  /** Stops Redis (SIGTERM: it writes its append-only file). */
  void stopRedis() {
    redis.stop();
  }

  /** Starts the stopped Redis again on its port, with the data it had. */
  void startRedisAgain() {
    redis.startAgain();
  }

  /** Stops the Temporal dev server and starts it again on its port with its database. */
  void restartTemporal() {
    temporal.restart();
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
