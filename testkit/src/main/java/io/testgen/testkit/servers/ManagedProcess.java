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

/**
 * A child process that tests start and stop by handle (never by name), with its output in a log
 * file under {@code target/}.
 */
public final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with extra environment variables; output goes to {@code log}. */
  public static ManagedProcess start(
      String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new ManagedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
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
