package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.Agent;
import io.testgen.testkit.commands.CommandRun;
import io.testgen.testkit.commands.PlaywrightTestModules;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.LoginSite;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered suites run unchanged under their own runners: the TypeScript project with
 * {@code @playwright/test} from npm, the Java project with Maven, both against a fixture site,
 * pointed at it through {@code BASE_URL} and at the system Chromium through {@code
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("rendered-suites")
class RenderedSuitesRunTest {
  static final String CHROMIUM = BrowserSettings.fromEnvironment().executable().toString();

  @TempDir static Path dir;
  static FixtureServer generatedAgainst;
  static FixtureServer runAgainst;
  static EvolutionResult result;
  static ArtifactStore artifacts;

  @BeforeAll
  static void generate() {
    generatedAgainst = NotesSite.install(FixtureServer.start());
    runAgainst = NotesSite.install(FixtureServer.start());
    artifacts = new ArtifactStore(dir.resolve("artifacts"));
    String b = generatedAgainst.baseUrl();
    List<Scenario> scenarios =
        new java.util.ArrayList<>(
            EvolutionInputs.notesScenarios().stream()
                .filter(s -> !s.scenarioId().equals("REQ-RENDER-stats"))
                .toList());
    // Learned live, rendered with click_expect_ok (no server error on overlong input).
    scenarios.add(EvolutionInputs.overlongProbe());
    try (BrowserPool pool =
        new BrowserPool(
            BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback())) {
      result =
          new SuiteEvolution(pool, artifacts, EvolutionSettings.defaults())
              .evolve(
                  EvolutionInputs.request(
                      "wf-rendered", b, EvolutionInputs.notesObservation(b), scenarios, null, 1),
                  new AgentProgressReporter(ProgressPublisher.NONE, "wf-rendered", Agent.EVOLUTION),
                  SuiteEvolution.Heartbeat.NONE);
    }
    assertThat(result.testCount()).isEqualTo(9);
  }

  @AfterAll
  static void stop() {
    generatedAgainst.close();
    runAgainst.close();
  }

  @Test
  void typeScriptSuitePassesUnderPlaywrightTestTwiceInARow() throws Exception {
    Path project = unzip(result.suites().get("playwright-ts"), dir.resolve("ts"));
    Files.createSymbolicLink(
        project.resolve("node_modules"),
        PlaywrightTestModules.installed(TypeScriptSuiteRenderer.PLAYWRIGHT_VERSION));
    Map<String, String> env =
        Map.of(
            "BASE_URL",
            runAgainst.baseUrl(),
            "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
            CHROMIUM,
            "CI",
            "1");
    for (int run = 1; run <= 2; run++) {
      CommandRun outcome =
          CommandRun.run(
              project, env, 300, "npx", "--no-install", "playwright", "test", "--workers=2");
      assertThat(outcome.exitCode()).as("run %d:\n%s", run, outcome.output()).isZero();
      assertThat(outcome.output()).as("run %d", run).contains("9 passed");
    }
  }

  @Test
  void javaSuitePassesUnderMaven() throws Exception {
    Path project = unzip(result.suites().get("playwright-java"), dir.resolve("java"));
    Map<String, String> env =
        Map.of(
            "BASE_URL",
            runAgainst.baseUrl(),
            "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
            CHROMIUM,
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
            "1");
    CommandRun outcome = CommandRun.run(project, env, 500, "mvn", "-q", "-B", "test");
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    String report =
        Files.readString(
            project.resolve(
                "target/surefire-reports/TEST-io.testgen.generated.GeneratedSuiteTest.xml"));
    assertThat(report)
        .contains("tests=\"9\"")
        .contains("failures=\"0\"")
        .contains("errors=\"0\"")
        .contains("skipped=\"0\"");
  }

  @Test
  void bothSuitesSignInWithCredentialsFromTheEnvironment() throws Exception {
    String password = "pw-" + System.nanoTime();
    try (FixtureServer site = LoginSite.install(FixtureServer.start(), "ada", password);
        BrowserPool pool =
            new BrowserPool(
                BrowserSettings.fromEnvironment().withContexts(2),
                TargetPolicy.allowingLoopback())) {
      String b = site.baseUrl();
      EvolutionResult login =
          new SuiteEvolution(pool, artifacts, EvolutionSettings.defaults())
              .evolve(
                  EvolutionInputs.loginRequest("wf-rendered-login", b, password),
                  new AgentProgressReporter(
                      ProgressPublisher.NONE, "wf-rendered-login", Agent.EVOLUTION),
                  SuiteEvolution.Heartbeat.NONE);
      assertThat(login.testCount()).isEqualTo(3);
      Map<String, String> env =
          Map.of(
              "BASE_URL",
              b,
              "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
              CHROMIUM,
              "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
              "1",
              "TESTGEN_USERNAME",
              "ada",
              "TESTGEN_PASSWORD",
              password,
              "CI",
              "1");

      Path ts = unzip(login.suites().get("playwright-ts"), dir.resolve("login-ts"));
      Files.createSymbolicLink(
          ts.resolve("node_modules"),
          PlaywrightTestModules.installed(TypeScriptSuiteRenderer.PLAYWRIGHT_VERSION));
      CommandRun tsRun =
          CommandRun.run(ts, env, 300, "npx", "--no-install", "playwright", "test", "--workers=2");
      assertThat(tsRun.exitCode()).as(tsRun.output()).isZero();
      assertThat(tsRun.output()).contains("3 passed");

      Path java = unzip(login.suites().get("playwright-java"), dir.resolve("login-java"));
      CommandRun javaRun = CommandRun.run(java, env, 500, "mvn", "-q", "-B", "test");
      assertThat(javaRun.exitCode()).as(javaRun.output()).isZero();
      assertThat(
              Files.readString(
                  java.resolve(
                      "target/surefire-reports/TEST-io.testgen.generated.GeneratedSuiteTest.xml")))
          .contains("tests=\"3\"")
          .contains("failures=\"0\"")
          .contains("errors=\"0\"");
    }
  }

  static Path unzip(String ref, Path target) throws IOException {
    return unzip(artifacts.read(ref), target);
  }

  /** Unpacks a rendered suite's zip below {@code target}; the suite's own folder. */
  static Path unzip(byte[] zip, Path target) throws IOException {
    Path root = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path file = target.resolve(e.getName()).normalize();
        if (!file.startsWith(target)) throw new IOException("zip entry escapes: " + e.getName());
        Files.createDirectories(file.getParent());
        Files.write(file, in.readAllBytes());
        if (root == null) root = target.resolve(e.getName().substring(0, e.getName().indexOf('/')));
      }
    }
    return root;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
