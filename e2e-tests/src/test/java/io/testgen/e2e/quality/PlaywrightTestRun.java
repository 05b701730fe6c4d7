package io.testgen.e2e.quality;

import io.testgen.testkit.commands.CommandRun;
import io.testgen.testkit.commands.PlaywrightTestModules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a rendered TypeScript suite (a zip as the gateway serves it) under Playwright's own runner,
 * {@code npx playwright test}, against a base URL with the system Chromium, and reads the counts it
 * prints. {@code @playwright/test} is installed once from npm into a cache shared by runs.
 */
public final class PlaywrightTestRun {
  /** What the runner reported. */
  public record Outcome(
      int exitCode, int passed, int failed, int flaky, int skipped, String output) {
    public int total() {
      return passed + failed + flaky + skipped;
    }

    /**
     * The failed tests as the list reporter sums them up ({@code [chromium] › tests/x.spec.ts:5:5 ›
     * title}), in its order.
     */
    public List<String> failedTests() {
      List<String> titles = new ArrayList<>();
      Matcher m = FAILED_TEST.matcher(output);
      while (m.find()) if (!titles.contains(m.group(1).trim())) titles.add(m.group(1).trim());
      return titles;
    }
  }

  // the reporter's summary: "  1) [chromium] › tests/a.spec.ts:3:5 › title ───"
  private static final Pattern FAILED_TEST =
      Pattern.compile("(?m)^\\s+\\d+\\) (\\[chromium\\] › .*?)\\s*─*\\s*$");

  private static final String PLAYWRIGHT_VERSION = "1.62.0";

  private PlaywrightTestRun() {}

  public static Outcome run(byte[] suiteZip, Path workDir, Map<String, String> env, int workers)
      throws IOException, InterruptedException {
    return run(suiteZip, workDir, env, workers, List.of());
  }

  /**
   * As {@link #run(byte[], Path, Map, int)} with more options for the runner ({@code
   * --max-failures=1}); a {@code workDir} used before is reused (the zip unpacked over it).
   */
  public static Outcome run(
      byte[] suiteZip, Path workDir, Map<String, String> env, int workers, List<String> options)
      throws IOException, InterruptedException {
    Path project = unzip(suiteZip, workDir);
    Path modules = PlaywrightTestModules.installed(versionOf(project));
    Path link = project.resolve("node_modules");
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS))
      Files.createSymbolicLink(link, modules);
    List<String> cmd =
        new ArrayList<>(
            List.of("npx", "--no-install", "playwright", "test", "--workers=" + workers));
    cmd.addAll(options);
    CommandRun result = CommandRun.run(project, env, 900, cmd.toArray(String[]::new));
    String out = result.output();
    return new Outcome(
        result.exitCode(),
        count(out, "passed"),
        count(out, "failed"),
        count(out, "flaky"),
        count(out, "skipped"),
        out);
  }

  private static int count(String output, String word) {
    Matcher m = Pattern.compile("(?m)^\\s*(\\d+) " + word + "\\b").matcher(output);
    int n = 0;
    while (m.find()) n = Integer.parseInt(m.group(1));
    return n;
  }

  private static String versionOf(Path project) throws IOException {
    Matcher m =
        Pattern.compile("\"@playwright/test\"\\s*:\\s*\"[~^]?([0-9.]+)\"")
            .matcher(Files.readString(project.resolve("package.json")));
    return m.find() ? m.group(1) : PLAYWRIGHT_VERSION;
  }

  /** Unzips into {@code target}; returns the folder holding the project's package.json. */
  static Path unzip(byte[] zip, Path target) throws IOException {
    unzipAll(zip, target);
    if (Files.exists(target.resolve("package.json"))) return target;
    try (var children = Files.list(target)) {
      return children
          .filter(dir -> Files.exists(dir.resolve("package.json")))
          .findFirst()
          .orElseThrow(() -> new IOException("no package.json in the suite zip"));
    }
  }

  /** Unzips into {@code target} (over what is there), refusing entries that escape it. */
  static Path unzipAll(byte[] zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path file = target.resolve(e.getName()).normalize();
        if (!file.startsWith(target)) throw new IOException("zip entry escapes: " + e.getName());
        if (e.isDirectory()) continue;
        Files.createDirectories(file.getParent());
        Files.write(file, in.readAllBytes());
      }
    }
    return target;
  }
}
