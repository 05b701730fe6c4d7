package io.testgen.testkit.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real {@code redis-server} on a loopback port, without persistence. Tests start their own so
 * that they may stop it (Redis-down tests) without disturbing others.
 */
public final class RedisServer implements AutoCloseable {
  private final int port;
  private ManagedProcess process;

  private RedisServer(int port) {
    this.port = port;
  }

  /** Starts a server on a free port. */
  public static RedisServer start() {
    RedisServer server = new RedisServer(FreePorts.next());
    server.startProcess();
    return server;
  }

  private void startProcess() {
    process =
        ManagedProcess.start(
                "redis-server",
                List.of(
                    executable(),
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--protected-mode",
                    "yes"),
                Map.of(),
                Path.of("target", "servers", "redis-" + port + ".log"))
            .awaitPort(port, Duration.ofSeconds(20));
  }

  private static String executable() {
    String configured = System.getenv("TESTGEN_REDIS_SERVER");
    if (configured != null && !configured.isBlank()) return configured;
    return Path.of("/usr/bin/redis-server").toFile().canExecute()
        ? "/usr/bin/redis-server"
        : "redis-server";
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server (data is lost: no persistence). */
  public void stop() {
    if (process != null) process.close();
  }

  /** Starts it again on the same port. */
  public void restart() {
    stop();
    startProcess();
  }

  @Override
  public void close() {
    stop();
  }
}
