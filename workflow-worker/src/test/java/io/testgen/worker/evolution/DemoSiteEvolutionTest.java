package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in-process on the demo app (Acme Tasks) and the corpus' CRUD shop: how many
 * scenarios become verified tests, and why the rest are skipped. Prints one line per scenario and
 * the totals.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.Tag("measurement") // prints figures; not in ./testgen test (see README)
class DemoSiteEvolutionTest {
  @TempDir Path dir;

  @Test
  void demoAppScenariosBecomeVerifiedTests() {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      assertThat(measure(site, "demo", 2, 15)).isGreaterThan(0);
    }
  }

  /**
   * The corpus' CRUD shop: same <title> on every page, server-side validation of phone and date.
   */
  @Test
  void crudShopScenariosBecomeVerifiedTests() {
    try (FixtureServer site = CorpusApps.create("crud-shop").install(FixtureServer.start())) {
      assertThat(measure(site, "crud-shop", 3, 30)).isGreaterThan(0);
    }
  }

  private long measure(FixtureServer site, String app, int depth, int pages) {
    EvolutionResult result;
    try (BrowserPool pool =
        new BrowserPool(
            BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback())) {
      InProcessPipeline run = new InProcessPipeline(pool, new ArtifactStore(dir), "wf-" + app);
      ObservationResult observation = run.crawl(site.url("/"), depth, pages, null);
      RequirementsResult requirements = run.requirements(observation, 50, false);
      result =
          run.evolve(
              site.url("/"),
              observation,
              requirements,
              null,
              2,
              null,
              EvolutionSettings.defaults());
    }
    List<GeneratedTest> tests = result.tests();
    for (GeneratedTest t : tests)
      System.out.println(
          "MEASURE "
              + app
              + " "
              + t.status()
              + " "
              + t.scenarioId()
              + " | "
              + t.title()
              + (t.failure() == null ? "" : " | " + t.failure().error())
              + "\n    "
              + String.join(
                  "\n    ",
                  t.steps().stream()
                      .map(Steps::describe)
                      .map(d -> d.length() > 140 ? d.substring(0, 140) + "..." : d)
                      .toList()));
    long verified = tests.stream().filter(t -> SuiteModel.inSuite(t.status())).count();
    long skipped = tests.stream().filter(t -> "skipped".equals(t.status())).count();
    System.out.println(
        "MEASURE "
            + app
            + " scenarios="
            + tests.size()
            + " verified="
            + verified
            + " skipped="
            + skipped
            + " failed="
            + result.failing().size());
    return verified;
  }
}
