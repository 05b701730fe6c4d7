package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.SuiteDiff;
import io.testgen.common.agents.evolution.TestFailure;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.workflow.Agent;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.ChangingSite;
import io.testgen.testkit.sites.evolution.FlakySite;
import io.testgen.testkit.sites.evolution.LoginSite;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Evolution core against fixture sites in real Chromium: verify, repair, flaky, evolve. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SuiteEvolutionTest {
  static final BrowserPool pool = TestBrowsers.shared();
  @TempDir static Path artifactsDir;
  static ArtifactStore artifacts;
  static SuiteEvolution evolution;

  @BeforeAll
  static void start() {
    artifacts = new ArtifactStore(artifactsDir);
    evolution =
        new SuiteEvolution(pool, artifacts, EvolutionSettings.defaults().withParallelContexts(2));
  }

  static EvolutionResult evolve(io.testgen.common.agents.evolution.EvolutionRequest request) {
    return evolution.evolve(
        request,
        new AgentProgressReporter(ProgressPublisher.NONE, request.workflowId(), Agent.EVOLUTION),
        SuiteEvolution.Heartbeat.NONE);
  }

  static Map<String, String> statuses(EvolutionResult result) {
    Map<String, String> out = new LinkedHashMap<>();
    result.tests().forEach(t -> out.put(t.testId(), t.status()));
    return out;
  }

  static GeneratedTest test(EvolutionResult result, String id) {
    return result.tests().stream().filter(t -> t.testId().equals(id)).findFirst().orElseThrow();
  }

  static List<String> zipEntries(byte[] zip) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
    }
    return names;
  }

  static String zipEntry(byte[] zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; )
        if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    throw new AssertionError("no entry " + name);
  }

  @Test
  void verifiesEveryCandidateAndReportsTheOneThatFailsWithStepErrorAndScreenshot()
      throws Exception {
    try (FixtureServer site = NotesSite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      // The crawl visited the stats page once: it saw "Visitors: 1", which never shows again.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(b + "/stats")).build(),
              HttpResponse.BodyHandlers.discarding());

      EvolutionResult result =
          evolve(
              EvolutionInputs.request(
                  "wf-notes",
                  b,
                  EvolutionInputs.notesObservation(b),
                  EvolutionInputs.notesScenarios(),
                  null,
                  3));

      assertThat(statuses(result))
          .containsExactly(
              Map.entry("REQ-FORM-note-HAPPY", "passed"),
              Map.entry("REQ-FORM-note-REQUIRED-title", "passed"),
              Map.entry("REQ-SEARCH-search-HIT", "passed"),
              Map.entry("REQ-SEARCH-search-MISS", "passed"),
              Map.entry("REQ-NAV-home-notes", "passed"),
              Map.entry("REQ-RENDER-home", "passed"),
              Map.entry("REQ-RENDER-stats", "failed"),
              Map.entry("REQ-A11Y-home", "passed"),
              // The script probe had no observed outcome: learned live, then asserted.
              Map.entry("REQ-SEC-note-XSS", "passed"));
      assertThat(test(result, "REQ-SEC-note-XSS").steps())
          .extracting(Steps::describe)
          .endsWith("expect_not_executed \"__testgen_probe\"");
      // 3 verification runs, every one passing; the happy path created 3 distinct notes.
      GeneratedTest happy = test(result, "REQ-FORM-note-HAPPY");
      assertThat(happy.runs()).isEqualTo(3);
      assertThat(happy.passes()).isEqualTo(3);
      assertThat(happy.durationMillis()).isPositive();
      assertThat(result.testCount()).isEqualTo(8);
      assertThat(result.passRate()).isEqualTo(8.0 / 9);
      assertThat(result.flakyCount()).isZero();
      assertThat(result.repairedCount()).isZero();
      assertThat(result.failing()).containsExactly("REQ-RENDER-stats");

      TestFailure failure = test(result, "REQ-RENDER-stats").failure();
      assertThat(failure.stepIndex()).isEqualTo(2);
      assertThat(failure.step()).isEqualTo("expect_visible role=heading[name=\"Visitors: 1\"]");
      assertThat(failure.error()).isNotBlank();
      assertThat(failure.screenshotRef()).isEqualTo("runs/wf-notes/failures/REQ-RENDER-stats.png");
      assertThat(artifacts.read(failure.screenshotRef()))
          .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

      assertThat(result.suites())
          .containsExactly(
              Map.entry("playwright-ts", "runs/wf-notes/suite-playwright-ts.zip"),
              Map.entry("playwright-java", "runs/wf-notes/suite-playwright-java.zip"),
              Map.entry("model", "runs/wf-notes/suite.json"));
      SuiteModel model =
          JsonMapperFactory.shared()
              .readValue(artifacts.read("runs/wf-notes/suite.json"), SuiteModel.class);
      assertThat(model.tests()).isEqualTo(result.tests());
      assertThat(model.baseUrl()).isEqualTo(b);
      List<String> specs = zipEntries(artifacts.read(result.suites().get("playwright-ts")));
      assertThat(specs)
          .hasSize(3 + 8)
          .contains("testgen-suite-playwright-ts/tests/req-form-note-happy.spec.ts");
      assertThat(specs)
          .doesNotContain("testgen-suite-playwright-ts/tests/req-render-stats.spec.ts");
    }
  }

  @Test
  void aTestThatDoesNotPassEveryRunIsFlakyAndLeavesTheSuite() throws Exception {
    try (FixtureServer site = FlakySite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      EvolutionResult result = evolve(EvolutionInputs.flakyRequest("wf-flaky", b, 3));

      assertThat(statuses(result))
          .containsExactly(
              Map.entry("REQ-RENDER-deals", "flaky"), Map.entry("REQ-RENDER-about", "passed"));
      GeneratedTest deals = test(result, "REQ-RENDER-deals");
      // Requests 1 and 3 show the heading, 2 does not.
      assertThat(deals.runs()).isEqualTo(3);
      assertThat(deals.passes()).isEqualTo(2);
      assertThat(deals.failure().step())
          .isEqualTo("expect_visible role=heading[name=\"Today's deals\"]");
      assertThat(result.flakyCount()).isEqualTo(1);
      assertThat(result.testCount()).isEqualTo(1);
      assertThat(result.passRate()).isEqualTo(0.5);
      assertThat(result.failing()).isEmpty();
      assertThat(zipEntries(artifacts.read(result.suites().get("playwright-ts"))))
          .containsExactly(
              "testgen-suite-playwright-ts/package.json",
              "testgen-suite-playwright-ts/playwright.config.ts",
              "testgen-suite-playwright-ts/README.md",
              "testgen-suite-playwright-ts/tests/req-render-about.spec.ts");
    }
  }

  @Test
  void aButtonWhoseIdClassAndTextChangedIsRepairedNotLost() throws Exception {
    try (FixtureServer server = FixtureServer.start()) {
      ChangingSite site = ChangingSite.install(server);
      String b = server.baseUrl();
      site.switchTo("v2");
      // Tests built from what a crawl of v1 saw, run against v2.
      EvolutionResult result =
          evolve(
              EvolutionInputs.request(
                  "wf-repair",
                  b,
                  EvolutionInputs.changingObservation(b, "v1"),
                  EvolutionInputs.changingScenarios("v1").subList(0, 3),
                  null,
                  3));

      assertThat(statuses(result))
          .containsExactly(
              Map.entry("REQ-RENDER-home", "passed"),
              Map.entry("REQ-FORM-settings-HAPPY", "repaired"),
              Map.entry("REQ-RENDER-legacy", "failed"));
      GeneratedTest repaired = test(result, "REQ-FORM-settings-HAPPY");
      assertThat(repaired.repairs())
          .containsExactly(
              new Repair(
                  2, "refind_by_role", "css=#save-btn", "role=button[name=\"Save changes\"]"));
      assertThat(repaired.steps().get(2).locators().get(0).value()).isEqualTo("button");
      assertThat(repaired.passes()).isEqualTo(3);
      assertThat(result.repairedCount()).isEqualTo(1);
      assertThat(result.testCount()).isEqualTo(2);
      assertThat(result.failing()).containsExactly("REQ-RENDER-legacy");
      assertThat(
              zipEntry(
                  artifacts.read(result.suites().get("playwright-ts")),
                  "testgen-suite-playwright-ts/tests/req-form-settings-happy.spec.ts"))
          .contains(
              "await page.getByRole('button', { name: 'Save changes', exact: true }).click();");
    }
  }

  @Test
  void improvingABaselineKeepsRepairsAddsAndRetires() throws Exception {
    try (FixtureServer server = FixtureServer.start()) {
      ChangingSite site = ChangingSite.install(server);
      String b = server.baseUrl();
      EvolutionResult first =
          evolve(
              EvolutionInputs.request(
                  "wf-base",
                  b,
                  EvolutionInputs.changingObservation(b, "v1"),
                  EvolutionInputs.changingScenarios("v1"),
                  null,
                  2));
      assertThat(statuses(first).values()).containsOnly("passed");
      assertThat(first.diff()).isNull();

      site.switchTo("v2");
      EvolutionResult second =
          evolve(
              EvolutionInputs.request(
                  "wf-improved",
                  b,
                  EvolutionInputs.changingObservation(b, "v2"),
                  EvolutionInputs.changingScenarios("v2"),
                  "wf-base",
                  2));

      assertThat(second.diff())
          .isEqualTo(
              new SuiteDiff(
                  "wf-base",
                  List.of("REQ-RENDER-home"),
                  List.of("REQ-FORM-settings-HAPPY", "REQ-RENDER-profile"),
                  List.of("REQ-RENDER-help"),
                  List.of("REQ-RENDER-legacy"),
                  1));
      assertThat(statuses(second))
          .containsExactly(
              Map.entry("REQ-RENDER-home", "passed"),
              Map.entry("REQ-FORM-settings-HAPPY", "repaired"),
              Map.entry("REQ-RENDER-legacy", "retired"),
              Map.entry("REQ-RENDER-profile", "repaired"),
              Map.entry("REQ-RENDER-help", "passed"));
      GeneratedTest profile = test(second, "REQ-RENDER-profile");
      assertThat(profile.repairs())
          .containsExactly(
              new Repair(
                  -1,
                  "regenerated",
                  "steps of the baseline",
                  "steps from the current observation"));
      assertThat(profile.steps().get(2).locators().get(0).name()).isEqualTo("Your profile");
      assertThat(second.testCount()).isEqualTo(4);
      assertThat(second.failing()).isEmpty();
      assertThat(second.passRate()).isEqualTo(1.0);
    }
  }

  @Test
  void signsInWithCredentialsFromTheRequestAndWritesThemNowhere() throws Exception {
    String password = "s3cret-Pa55-" + System.nanoTime();
    try (FixtureServer site = LoginSite.install(FixtureServer.start(), "ada", password)) {
      String b = site.baseUrl();
      EvolutionRequest request = EvolutionInputs.loginRequest("wf-login", b, password);

      EvolutionResult result = evolve(request);

      assertThat(statuses(result))
          .containsExactly(
              Map.entry("REQ-LOGIN-SUCCESS", "passed"),
              Map.entry("REQ-LOGIN-FAILURE", "passed"),
              Map.entry("REQ-RENDER-dashboard", "passed"));
      assertThat(test(result, "REQ-RENDER-dashboard").steps().stream().map(Steps::describe))
          .containsExactly(
              "goto \"/login\"",
              "fill label=\"Username\" ${TESTGEN_USERNAME}",
              "fill label=\"Password\" ${TESTGEN_PASSWORD}",
              "click role=button[name=\"Sign in\"]",
              "expect_url \"/dashboard\"",
              "goto \"/dashboard\"",
              "expect_title \"Dashboard · Login\"",
              "expect_visible role=heading[name=\"Dashboard\"]");
      assertThat(test(result, "REQ-LOGIN-FAILURE").steps().stream().map(Steps::describe))
          .contains("expect_visible text=\"Invalid username or password\"");
      // Neither the result nor any artifact (model, both suites) holds the password.
      assertThat(JsonMapperFactory.shared().writeValueAsString(result)).doesNotContain(password);
      for (String ref : result.suites().values()) {
        byte[] bytes = artifacts.read(ref);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(password);
        if (ref.endsWith(".zip"))
          for (String entry : zipEntries(bytes))
            assertThat(zipEntry(bytes, entry))
                .doesNotContain(password)
                .doesNotContain("\"ada\"")
                .doesNotContain("'ada'");
      }
    }
  }

  @Test
  void aRetriedAttemptTakesOverTestsTheEarlierAttemptVerified() throws Exception {
    try (FixtureServer site = FlakySite.install(FixtureServer.start())) {
      String b = site.baseUrl();
      EvolutionRequest request = EvolutionInputs.flakyRequest("wf-resume", b, 1);
      // The earlier attempt verified the deals test (verifying it now would find it flaky).
      GeneratedTest candidate =
          new TestModelBuilder(request.observation())
              .build(request.requirements(), null)
              .candidates()
              .get(0);
      GeneratedTest earlier =
          SuiteVerifier.with(candidate, candidate.steps(), "passed", 7, 7, 100, List.of(), null);
      artifacts.write(
          VerificationCheckpoint.ref("wf-resume"),
          JsonMapperFactory.shared().writeValueAsBytes(List.of(earlier)));

      EvolutionResult result =
          evolution.evolve(
              request,
              new AgentProgressReporter(ProgressPublisher.NONE, "wf-resume", Agent.EVOLUTION),
              SuiteEvolution.Heartbeat.NONE,
              true);

      assertThat(test(result, "REQ-RENDER-deals")).isEqualTo(earlier);
      GeneratedTest about = test(result, "REQ-RENDER-about");
      assertThat(about.status()).isEqualTo("passed");
      assertThat(about.runs()).isEqualTo(1);
      List<GeneratedTest> checkpoint =
          JsonMapperFactory.shared()
              .readValue(
                  artifacts.read(VerificationCheckpoint.ref("wf-resume")),
                  new com.fasterxml.jackson.core.type.TypeReference<List<GeneratedTest>>() {});
      assertThat(checkpoint)
          .extracting(GeneratedTest::testId)
          .containsExactly("REQ-RENDER-deals", "REQ-RENDER-about");
    }
  }
}
