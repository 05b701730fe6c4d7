package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.mutation.TestRun;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An error page must stay one: {@code expect_status} requests the current address again in the
 * page's context and compares its HTTP status, in the executor that verifies and in both renderings
 * that ship.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatusStepTest {
  static final BrowserPool pool = TestBrowsers.shared();

  @AfterAll
  static void stop() {
    pool.releaseThread();
  }

  private static GeneratedTest opens(String path, int status) {
    return new GeneratedTest(
        "T",
        "T",
        "Page at " + path + " answers " + status,
        "high",
        List.of(Steps.goTo(path), Steps.expectStatus(status)),
        "candidate",
        0,
        0,
        0,
        List.of(),
        null);
  }

  @Test
  void theExecutorPassesOnlyWhenTheAddressAnswersTheObservedStatus() {
    try (FixtureServer site =
        FixtureServer.start()
            .get("/oops", r -> FixtureResponse.html(500, "<h1>Something broke</h1>"))
            .get("/", r -> FixtureResponse.html("<h1>Home</h1>"))) {
      TestRun run = MutationRuns.testRun(pool, site.url("/"), EvolutionSettings.defaults());
      assertThat(run.passes(opens("/oops", 500), page -> {})).isTrue();
      assertThat(run.passes(opens("/", 500), page -> {})).isFalse();
      assertThat(run.passes(opens("/oops", 200), page -> {})).isFalse();
    }
  }

  @Test
  void bothRenderingsRequestTheAddressAgainAndCompareItsStatus() {
    assertThat(TypeScriptSuiteRenderer.spec(opens("/oops", 500)))
        .contains("await page.goto('/oops');")
        .contains("expect((await page.request.get(page.url())).status()).toBe(500);");
    assertThat(JavaStepStatements.statement(Steps.expectStatus(500)))
        .isEqualTo(
            "org.junit.jupiter.api.Assertions.assertEquals(500,"
                + " page.request().get(page.url()).status(), \"HTTP status of \" + page.url());");
  }
}
