package io.testgen.e2e;

import io.testgen.testkit.servers.ManagedProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Process control of TestGen's own jars for {@link TestGenStack}: starting the built worker and
 * gateway jars, waiting on what their logs and health say, and finding what a killed process left
 * behind. Temporal and Redis are testkit's ({@code TemporalDevServer}, {@code RedisServer}).
 */
final class JarProcesses {
  private JarProcesses() {}

  /** A process a worker started, with its command line as seen while it ran. */
  record Child(ProcessHandle process, String command) {}

  /**
   * Starts {@code module}'s built jar (found in the directory system property {@code jarDir} names,
   * which Surefire sets) with {@code jvmOptions} as {@code name}, logging to {@code log}.
   */
  static ManagedProcess start(
      String name,
      String module,
      String jarDir,
      List<String> jvmOptions,
      Map<String, String> env,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar(jarDir, module)));
    return ManagedProcess.start(name, command, env, log);
  }

  /** Command lines of {@code children} still alive after waiting up to {@code timeout}. */
  static List<String> survivors(List<Child> children, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (children.stream().anyMatch(c -> c.process().isAlive())
        && Instant.now().isBefore(deadline)) TestGenStack.sleep(100);
    return children.stream().filter(c -> c.process().isAlive()).map(Child::command).toList();
  }

  static String command(ProcessHandle process) {
    return process.info().commandLine().orElse(process.info().command().orElse("?"));
  }

  /** Waits until {@code url} (a readiness endpoint of {@code process}) answers 200. */
  static void awaitReady(ManagedProcess process, String url, Duration timeout) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
      } catch (IOException e) {
        // not answering yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) throw new IllegalStateException(process.logTail());
      TestGenStack.sleep(250);
    }
    throw new IllegalStateException(
        process.log() + " not ready within " + timeout + ":\n" + process.logTail());
  }

  /** Waits for the "Tomcat started on port N" line the gateway writes after {@code from}: N. */
  static int startedPort(ManagedProcess gateway, long from, Duration timeout) {
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
      TestGenStack.sleep(100);
    }
    throw new IllegalStateException("gateway did not start: " + gateway.logTail());
  }

  /** Waits for {@code marker} in what {@code process} logged after offset {@code from}. */
  static void awaitLine(ManagedProcess process, String marker, long from, Duration timeout) {
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
      TestGenStack.sleep(100);
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
}
