package io.testgen.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A child process that tests start and stop by handle (never by name), with its output in a log
 * file under {@code target/}.
 */
public final class ManagedProcess implements AutoCloseable {
  /** Ports tried by {@link #startListening} before giving up. */
  static final int PORT_ATTEMPTS = 8;

  private final String name;
  private final Process process;
  private final Path log;
  private volatile int port = -1;
  private final long logStart;

  private ManagedProcess(String name, Process process, Path log, long logStart) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  /** Starts {@code command} with extra environment variables; output goes to {@code log}. */
  public static ManagedProcess start(
      String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      long logStart = Files.exists(log) ? Files.size(log) : 0; // earlier lines are not this run's
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new ManagedProcess(name, builder.start(), log, logStart);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /**
   * Starts a server that must be told its port and cannot pick one itself ({@code redis-server},
   * the Temporal dev server's frontend): tries a candidate port, and when the server exits before
   * printing {@code readyMarker} (the port was taken in between) tries another, up to {@value
   * #PORT_ATTEMPTS} times. The port is {@link #port()}.
   *
   * @param command the command line for a port
   * @param log the log file for a port (a fresh one per attempt)
   */
  public static ManagedProcess startListening(
      String name,
      IntFunction<List<String>> command,
      Map<String, String> env,
      IntFunction<Path> log,
      String readyMarker,
      Duration timeout) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = LoopbackPorts.candidate();
      try {
        return startListening(name, port, command, env, log.apply(port), readyMarker, timeout);
      } catch (ExitedEarly e) {
        last = e; // most likely the port was taken between the probe and the bind: try another
      }
    }
    throw new IllegalStateException(
        name + " found no free port in " + PORT_ATTEMPTS + " attempts", last);
  }

  /** Starts a server on {@code port} and waits for {@code readyMarker} in its log. */
  public static ManagedProcess startListening(
      String name,
      int port,
      IntFunction<List<String>> command,
      Map<String, String> env,
      Path log,
      String readyMarker,
      Duration timeout) {
    ManagedProcess process = start(name, command.apply(port), env, log);
    process.port = port;
    try {
      return process.awaitLine(readyMarker, timeout);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** Thrown by {@link #awaitLine} when the process ended before it was ready. */
  public static final class ExitedEarly extends IllegalStateException {
    ExitedEarly(String message) {
      super(message);
    }
  }

  /**
   * Waits until the log holds {@code marker}, or fails with the log's tail ({@link ExitedEarly}
   * when the process ended first).
   */
  public ManagedProcess awaitLine(String marker, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (logContains(marker)) return this;
      if (!process.isAlive()) {
        if (logContains(marker)) return this;
        throw new ExitedEarly(name + " exited early (" + process.exitValue() + "): " + logTail());
      }
      sleep(100);
    }
    throw new IllegalStateException(
        name + " printed no '" + marker + "' in " + timeout + ": " + logTail());
  }

  /**
   * Whether this run of the process (not an earlier one with the same log) wrote {@code marker}.
   */
  private boolean logContains(String marker) {
    try {
      if (!Files.exists(log)) return false;
      String text = Files.readString(log);
      return text.indexOf(marker, (int) Math.min(logStart, text.length())) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port this process was told to listen on, -1 when it was not started by port. */
  public int port() {
    return port;
  }

  /** Waits until {@code port} on loopback accepts connections, or fails with the log's tail. */
  public ManagedProcess awaitPort(int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited early (" + process.exitValue() + "): " + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException(
        name + " did not open port " + port + " in " + timeout + ": " + logTail());
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  /** SIGKILL: the process gets no chance to clean up. */
  public void kill9() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(10));
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    if (!waitFor(Duration.ofSeconds(10))) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(5));
    }
  }

  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
