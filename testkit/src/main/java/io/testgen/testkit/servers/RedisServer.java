package io.testgen.testkit.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real {@code redis-server} on a loopback port, without persistence, or with an append-only file
 * as {@code ./testgen up} runs it ({@link #startPersistent}). Tests start their own so that they
 * may stop it (Redis-down tests) without disturbing others.
 *
 * <p>Redis cannot pick its own port ({@code --port 0} means "no TCP"), so the port is a candidate
 * tried until one binds ({@link ManagedProcess#startListening}); a restart keeps its port.
 */
public final class RedisServer implements AutoCloseable {
  /** What redis-server prints once it accepts connections. */
  static final String READY = "Ready to accept connections";

  private int port;
  private ManagedProcess process;

  /** Where the append-only file lives; null without persistence. */
  private final Path dataDir;

  private RedisServer(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Starts a server on a free port. */
  public static RedisServer start() {
    return start(new RedisServer(null));
  }

  /**
   * Starts a server on a free port that keeps its data in {@code dataDir} across a stop and start
   * (AOF, {@code appendfsync everysec}), as {@code ./testgen up} and docker-compose run it.
   */
  public static RedisServer startPersistent(Path dataDir) {
    try {
      java.nio.file.Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return start(new RedisServer(dataDir.toAbsolutePath()));
  }

  private static RedisServer start(RedisServer server) {
    server.process =
        ManagedProcess.startListening(
            "redis-server",
            server::command,
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
                this::command,
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

  private List<String> command(int port) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of(executable(), "--port", String.valueOf(port), "--bind", "127.0.0.1"));
    if (dataDir != null) {
      // durable: an append-only file in the data directory, synced every second
      args.addAll(List.of("--dir", dataDir.toString(), "--save", "", "--appendonly", "yes"));
      args.addAll(List.of("--appendfsync", "everysec"));
    } else {
      args.addAll(List.of("--save", "", "--appendonly", "no"));
    }
    args.addAll(List.of("--protected-mode", "yes"));
    return List.copyOf(args);
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

  /** Stops the server (SIGTERM; data is lost unless persistent). */
  public void stop() {
    if (process != null) process.close();
  }

  /** Starts a stopped server again on the same port (with its data when persistent). */
  public void startAgain() {
    if (process != null && process.isAlive()) throw new IllegalStateException("still running");
    startProcess();
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
