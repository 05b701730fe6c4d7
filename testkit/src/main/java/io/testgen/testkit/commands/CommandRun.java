package io.testgen.testkit.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command line run to its end in a folder, within a time limit: its exit code (-1 when it was
 * stopped at the limit, it and every process it started) and all it printed, stdout and stderr.
 */
public record CommandRun(int exitCode, String output) {

  /** Runs {@code command} in {@code dir} with {@code env} added to this process's environment. */
  public static CommandRun run(
      Path dir, Map<String, String> env, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("command-run-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        return new CommandRun(
            -1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
      }
      return new CommandRun(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
