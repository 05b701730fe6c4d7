package io.testgen.e2e;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** The gateway's port: it picks one itself (port 0) and the stack reads it from its log. */
  volatile int gatewayPort;

  private final List<ManagedProcess> workers = new ArrayList<>();
  private ManagedProcess gateway;
  private int workerCount;

  /** Extra environment of every worker (a durable stack's LLM endpoint, verify runs). */
  private final Map<String, String> workerEnv = new HashMap<>();

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
        ManagedProcess.start(
            "worker-" + workerCount,
            List.of(java(), "-Xmx768m", "-jar", jar("testgen.workerJarDir", "workflow-worker")),
            workerEnv(),
            log);
    try {
      awaitLine(worker, "event=worker_started", logStart, Duration.ofSeconds(240));
    } catch (IllegalStateException e) {
      worker.close();
      throw e;
    }
    workers.add(worker);
    return worker;
  }

  /** A process a worker started, with its command line as seen while it ran. */
  record Child(ProcessHandle process, String command) {}

  /**
   * SIGKILL to every worker started so far: no chance to clean up or hand anything over. Returns
   * the processes the workers had started (Chromium and its helpers, Playwright's driver), as seen
   * just before the kill, so a test can check that none outlives its worker.
   */
  List<Child> killAllWorkers() {
    List<Child> started = new ArrayList<>();
    for (ManagedProcess worker : workers) {
      if (worker.isAlive()) {
        worker.process().descendants().forEach(p -> started.add(new Child(p, command(p))));
        worker.kill9();
      }
    }
    return started;
  }

  /** Command lines of {@code children} still alive after waiting up to {@code timeout}. */
  static List<String> survivors(List<Child> children, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (children.stream().anyMatch(c -> c.process().isAlive())
        && Instant.now().isBefore(deadline)) sleep(100);
    return children.stream().filter(c -> c.process().isAlive()).map(Child::command).toList();
  }

  static String command(ProcessHandle process) {
    return process.info().commandLine().orElse(process.info().command().orElse("?"));
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
        ManagedProcess.start(
            "gateway",
            List.of(java(), "-Xmx512m", "-jar", jar("testgen.gatewayJarDir", "api-gateway")),
            env,
            log);
    gatewayPort = startedPort(gateway, logStart, Duration.ofSeconds(240));
    gateway.awaitPort(gatewayPort, Duration.ofSeconds(10));
    awaitReady(Duration.ofSeconds(240));
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

  /** Waits until the gateway's readiness (Temporal and Redis reachable) answers 200. */
  private void awaitReady(Duration timeout) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest ready =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(gatewayUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (client.send(ready, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) return;
      } catch (IOException e) {
        // not answering yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!gateway.isAlive()) throw new IllegalStateException(gateway.logTail());
      sleep(250);
    }
    throw new IllegalStateException(
        "gateway not ready within " + timeout + ":\n" + gateway.logTail());
  }

  /** Waits for the "Tomcat started on port N" line the gateway writes after {@code from}: N. */
  private static int startedPort(ManagedProcess gateway, long from, Duration timeout) {
    Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        String text = Files.readString(gateway.log());
        Matcher line = started.matcher(text.substring((int) Math.min(from, text.length())));
        if (line.find()) return Integer.parseInt(line.group(1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!gateway.isAlive())
        throw new IllegalStateException(gateway.log() + ":\n" + gateway.logTail());
      sleep(100);
    }
    throw new IllegalStateException("gateway did not start: " + gateway.logTail());
  }

  private static void awaitLine(
      ManagedProcess process, String marker, long from, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        String text = Files.exists(process.log()) ? Files.readString(process.log()) : "";
        if (text.indexOf(marker, (int) Math.min(from, text.length())) >= 0) return;
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
