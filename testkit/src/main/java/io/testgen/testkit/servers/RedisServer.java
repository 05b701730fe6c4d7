package io.testgen.testkit.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real {@code redis-server} on a loopback port, without persistence. Tests start their own so
 * that they may stop it (Redis-down tests) without disturbing others.
 *
 * <p>Redis cannot pick its own port ({@code --port 0} means "no TCP"), so the port is a candidate
 * tried until one binds ({@link ManagedProcess#startListening}); a restart keeps its port.
 */
public final class RedisServer implements AutoCloseable {
  /** What redis-server prints once it accepts connections. */
  static final String READY = "Ready to accept connections";

  private int port;
  private ManagedProcess process;

  private RedisServer() {}

  /** Starts a server on a free port. */
  public static RedisServer start() {
    RedisServer server = new RedisServer();
    server.process =
        ManagedProcess.startListening(
            "redis-server",
            RedisServer::command,
            Map.of(),
            RedisServer::log,
            READY,
            Duration.ofSeconds(20));
    server.port = server.process.port();
    return server;
  }

  private void startProcess() {
    // the same port again: retry briefly in case the old socket still lingers
    ManagedProcess.ExitedEarly last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        process =
            ManagedProcess.startListening(
                "redis-server",
                port,
                RedisServer::command,
                Map.of(),
                log(port),
                READY,
                Duration.ofSeconds(20));
        return;
      } catch (ManagedProcess.ExitedEarly e) {
        last = e;
      }
    }
    throw last;
  }

  private static List<String> command(int port) {
    return List.of(
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
        "yes");
  }

  private static Path log(int port) {
    return Path.of("target", "servers", "redis-" + port + ".log");
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
