package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.TemporalTestEnvironments;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.progress.ProgressPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evolution's browser goes nowhere but the run's origin: a state URL whose path names another host
 * (issue 12, item 1) and redirects met while verifying are refused and reported as failures, with
 * real Chromium between two fixture servers: the target and another one that must see no request.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EvolutionNavigationGuardTest {
  static final BrowserPool pool = TestBrowsers.shared();
  @TempDir static Path artifactsDir;

  FixtureServer target;
  FixtureServer other;
  final AtomicInteger otherRequests = new AtomicInteger();
  TestActivityEnvironment env;

  @BeforeEach
  void startServers() {
    other = FixtureServer.start();
    other.route(
        "/*",
        r -> {
          otherRequests.incrementAndGet();
          return FixtureResponse.html("<!doctype html><title>Other</title><h1>Other host</h1>");
        });
    target = FixtureServer.start();
    target
        .get("/", r -> FixtureResponse.html("<!doctype html><title>Home</title><h1>Home</h1>"))
        .get("/to-other", r -> FixtureResponse.redirect(other.url("/stolen")))
        .get("/to-metadata", r -> FixtureResponse.redirect("http://169.254.169.254/latest/"))
        .get("/hop", r -> FixtureResponse.redirect("/to-other"));
    env = TemporalTestEnvironments.activities();
    env.registerActivitiesImplementations(
        new EvolutionActivitiesImpl(
            pool,
            new ArtifactStore(artifactsDir),
            ProgressPublisher.NONE,
            EvolutionSettings.defaults()));
  }

  @AfterEach
  void stopServers() {
    env.close();
    target.close();
    other.close();
  }

  @Test
  void aStatePathNamingAnotherHostIsNeverFetched() {
    String b = target.baseUrl();
    // 2130706433 is 127.0.0.1 as one number: the path reads as "//host:port/x" to a browser
    String attack = b + "//2130706433:" + other.port() + "/x";
    StateInfo home = EvolutionInputs.state("home", b + "/", "Home", "Home", List.of(), List.of());
    StateInfo smuggled =
        EvolutionInputs.state("smuggled", attack, "Other", "Other host", List.of(), List.of());
    EvolutionActivities activity =
        env.newActivityStub(
            EvolutionActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    EvolutionResult result =
        activity.evolve(
            EvolutionInputs.request(
                "wf-ssrf",
                b,
                EvolutionInputs.observation(b, List.of(home, smuggled), List.of()),
                List.of(
                    EvolutionInputs.scenario(
                        "REQ-RENDER-smuggled",
                        "functional",
                        "high",
                        Map.of(),
                        List.of("smuggled"),
                        List.of(),
                        List.of())),
                null,
                1));

    assertThat(otherRequests.get()).isZero();
    GeneratedTest test = result.tests().get(0);
    assertThat(test.status()).isEqualTo("failed");
    assertThat(test.failure().error())
        .startsWith("navigation refused: //2130706433:" + other.port() + "/x is not a path on ");
    assertThat(result.testCount()).isZero();
  }

  @Test
  void redirectsAwayFromTheOriginDuringVerificationAreBlockedAndFail() {
    TestExecutor executor =
        new TestExecutor(
            pool,
            target.baseUrl() + "/",
            Map.of(),
            null,
            EvolutionSettings.defaults(),
            new VerificationStop());
    try {
      RunOutcome toOther = executor.run(test("/to-other"), null, null);
      RunOutcome viaHop = executor.run(test("/hop"), null, null);
      RunOutcome toMetadata = executor.run(test("/to-metadata"), null, null);
      RunOutcome home = executor.run(test("/"), null, null);

      assertThat(otherRequests.get()).isZero();
      assertThat(toOther.passed()).isFalse();
      assertThat(toOther.failedStep()).isZero();
      assertThat(toOther.error())
          .isEqualTo(
              "navigation refused (off_origin_redirect): "
                  + other.url("/stolen")
                  + " redirect from "
                  + target.url("/to-other"));
      assertThat(viaHop.error())
          .isEqualTo(
              "navigation refused (off_origin_redirect): "
                  + other.url("/stolen")
                  + " redirect from "
                  + target.url("/to-other"));
      assertThat(toMetadata.error())
          .isEqualTo(
              "navigation refused (navigation_blocked): http://169.254.169.254/latest/"
                  + " redirect from "
                  + target.url("/to-metadata"));
      assertThat(home.passed()).isTrue();
    } finally {
      pool.releaseThread();
    }
  }

  private static GeneratedTest test(String path) {
    List<TestStep> steps = List.of(Steps.goTo(path), Steps.expectTitle("Home"));
    return new GeneratedTest(
        "t" + path, "s", "open " + path, "high", steps, "candidate", 0, 0, 0, List.of(), null);
  }
}
