package io.testgen.e2e.quality;

import io.testgen.testkit.commands.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a rendered Java/JUnit 5 suite (a zip as the gateway serves it) under {@code mvn -q -B test}
 * against a base URL, and reads the counts from its Surefire reports: the Java half of "both
 * renderings pass, unchanged, on the app".
 */
public final class JavaSuiteRun {
  /** What Surefire reported: tests run, failed (failures and errors) and skipped. */
  public record Outcome(int exitCode, int tests, int failed, int skipped, String output) {
    public int passed() {
      return tests - failed - skipped;
    }

    /** "50/50", or the exit code when Maven did not get as far as a report. */
    public String cell() {
      return tests == 0 && exitCode != 0 ? "exit " + exitCode : passed() + "/" + tests;
    }
  }

  private static final Pattern COUNTS =
      Pattern.compile(
          "tests=\"(\\d+)\".*?errors=\"(\\d+)\".*?skipped=\"(\\d+)\".*?failures=\"(\\d+)\"|"
              + "tests=\"(\\d+)\".*?failures=\"(\\d+)\".*?errors=\"(\\d+)\".*?skipped=\"(\\d+)\"");

  private JavaSuiteRun() {}

  /** Unpacks {@code suiteZip} below {@code workDir} (over an earlier copy) and runs it once. */
  public static Outcome run(byte[] suiteZip, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    Path project = projectOf(PlaywrightTestRun.unzipAll(suiteZip, workDir));
    Path reports = project.resolve("target/surefire-reports");
    if (Files.isDirectory(reports))
      try (Stream<Path> old = Files.list(reports)) {
        for (Path p : old.toList()) Files.deleteIfExists(p);
      }
    CommandRun result = CommandRun.run(project, env, 1200, "mvn", "-q", "-B", "test");
    int tests = 0;
    int failed = 0;
    int skipped = 0;
    if (Files.isDirectory(reports))
      try (Stream<Path> xml = Files.list(reports)) {
        for (Path report : xml.filter(p -> p.toString().endsWith(".xml")).toList()) {
          Matcher m = COUNTS.matcher(Files.readString(report));
          if (!m.find()) continue;
          if (m.group(1) != null) {
            tests += Integer.parseInt(m.group(1));
            failed += Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(4));
            skipped += Integer.parseInt(m.group(3));
          } else {
            tests += Integer.parseInt(m.group(5));
            failed += Integer.parseInt(m.group(6)) + Integer.parseInt(m.group(7));
            skipped += Integer.parseInt(m.group(8));
          }
        }
      }
    return new Outcome(result.exitCode(), tests, failed, skipped, result.output());
  }

  /** The folder holding the project's pom.xml. */
  private static Path projectOf(Path root) throws IOException {
    if (Files.exists(root.resolve("pom.xml"))) return root;
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(dir -> Files.exists(dir.resolve("pom.xml")))
          .findFirst()
          .orElseThrow(() -> new IOException("no pom.xml in the suite zip"));
    }
  }
}
