package io.testgen.testkit.servers;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Temporal server for tests: the Temporal CLI's dev server ({@code temporal server
 * start-dev}) on a loopback port, in memory, with TestGen's search attributes registered at start.
 *
 * <p>{@link #shared()} reuses the server named by {@code TEMPORAL_ADDRESS} when {@code ./testgen
 * test} started one, else starts one per JVM and stops it at exit.
 */
public final class TemporalDevServer implements AutoCloseable {
  private static TemporalDevServer shared;

  private final String address;
  private ManagedProcess process;

  /** The SQLite file of a persistent server ({@link #startPersistent}); null in memory. */
  private Path database;

  private List<String> searchAttributes = List.of();

  private TemporalDevServer(String address, ManagedProcess process) {
    this.address = address;
    this.process = process;
  }

  /** One server per JVM: the one in {@code TEMPORAL_ADDRESS}, or a new one. */
  public static synchronized TemporalDevServer shared() {
    if (shared == null) {
      String external = System.getenv("TEMPORAL_ADDRESS");
      if (external != null && !external.isBlank()) {
        shared = new TemporalDevServer(external, null);
      } else {
        shared = start(List.of("TargetHost", "Stage", "Owner"));
        TemporalDevServer started = shared;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      }
    }
    return shared;
  }

  /**
   * Starts a fresh in-memory dev server with the given keyword search attributes. The HTTP and
   * metrics ports are left to the CLI (it picks free ones itself); the frontend port it cannot
   * pick, so that one is a candidate retried on collision ({@link ManagedProcess#startListening}).
   */
  public static TemporalDevServer start(List<String> keywordSearchAttributes) {
    ManagedProcess process =
        ManagedProcess.startListening(
            "temporal",
            port -> command(port, keywordSearchAttributes),
            Map.of(),
            port -> Path.of("target", "servers", "temporal-" + port + ".log"),
            READY,
            Duration.ofSeconds(60));
    return new TemporalDevServer("127.0.0.1:" + process.port(), process);
  }

  /**
   * Starts a dev server that keeps its state in the SQLite file {@code database} ({@code
   * --db-filename}), so that {@link #restart} brings back every workflow, timer and task.
   */
  public static TemporalDevServer startPersistent(
      List<String> keywordSearchAttributes, Path database) {
    Path db = database.toAbsolutePath();
    ManagedProcess process =
        ManagedProcess.startListening(
            "temporal",
            port -> command(port, keywordSearchAttributes, db),
            Map.of(),
            port -> Path.of("target", "servers", "temporal-" + port + ".log"),
            READY,
            Duration.ofSeconds(60));
    TemporalDevServer server = new TemporalDevServer("127.0.0.1:" + process.port(), process);
    server.database = db;
    server.searchAttributes = List.copyOf(keywordSearchAttributes);
    return server;
  }

  /**
   * Stops a persistent server (SIGTERM) and starts it again on the same port with the same
   * database; returns once its frontend serves again.
   */
  public void restart() {
    if (database == null)
      throw new IllegalStateException("an in-memory server loses all on restart");
    int port = process.port();
    process.close();
    ManagedProcess.ExitedEarly last = null;
    for (int attempt = 0; attempt < 5; attempt++) { // the old socket may linger a moment
      try {
        process =
            ManagedProcess.startListening(
                "temporal",
                port,
                p -> command(p, searchAttributes, database),
                Map.of(),
                Path.of("target", "servers", "temporal-" + port + ".log"),
                READY,
                Duration.ofSeconds(60));
        return;
      } catch (ManagedProcess.ExitedEarly e) {
        last = e;
      }
    }
    throw last;
  }

  /** What {@code temporal server start-dev} prints once its frontend serves. */
  static final String READY = "Server:";

  private static List<String> command(int port, List<String> keywordSearchAttributes) {
    return command(port, keywordSearchAttributes, null);
  }

  private static List<String> command(
      int port, List<String> keywordSearchAttributes, Path database) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            cli(),
            "server",
            "start-dev",
            "--headless",
            "--ip",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--log-level",
            "warn"));
    if (database != null) {
      command.add("--db-filename");
      command.add(database.toString());
    }
    for (String name : keywordSearchAttributes) {
      command.add("--search-attribute");
      command.add(name + "=Keyword");
    }
    return command;
  }

  /**
   * Path of the Temporal CLI: {@code TESTGEN_TEMPORAL_CLI}, {@code ~/.local/bin/temporal}, or PATH.
   */
  public static String cli() {
    String configured = System.getenv("TESTGEN_TEMPORAL_CLI");
    if (configured != null && !configured.isBlank()) return configured;
    File local = Path.of(System.getProperty("user.home"), ".local", "bin", "temporal").toFile();
    return local.canExecute() ? local.getPath() : "temporal";
  }

  /** host:port of the frontend. */
  public String address() {
    return address;
  }

  @Override
  public void close() {
    if (process != null) process.close();
  }
}
