package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.corpus.HostileApp;
import io.testgen.testkit.sites.observation.HostileSite;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.mutation.TestRun;
import io.testgen.worker.observation.CrawlObserver;
import io.testgen.worker.observation.CrawlSettings;
import io.testgen.worker.observation.Crawler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "Log out" link is a feature: exploration never follows it, even with destructive actions
 * allowed (it would end the crawl's own session), and its test follows it in its own session and
 * asserts where the app leaves the user, so a logout that answers an error page fails it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LogoutLinkTest {
  @TempDir Path dir;

  @Test
  void theSignOutLinkIsNeverFollowedByTheCrawlAndItsTestFailsWhenLogoutBreaks() {
    try (CorpusRun corpus = CorpusRun.open("hostile", dir, "wf-logout-link")) {
      HostileSite site = ((HostileApp) corpus.app).site();
      ObservationResult observation =
          new Crawler(
                  corpus.pool,
                  new ArtifactStore(dir.resolve("crawl")),
                  TargetPolicy.allowingLoopback(),
                  CrawlSettings.defaults())
              .crawl(
                  new ObservationRequest(
                      "wf-logout-crawl", corpus.site.url("/"), 1, 12, null, null, null, true),
                  null,
                  CrawlObserver.NONE);
      assertThat(site.logouts()).as("the crawl never signs out").isZero();
      assertThat(observation.findings())
          .contains(
              new Finding(
                  "skipped_destructive", corpus.site.url("/logout"), null, "click link 'Log out'"));

      RequirementsResult requirements =
          corpus.pipeline.scenarios(
              observation, false, s -> s.scenarioId().startsWith("REQ-LOGOUT-LINK-"));
      assertThat(requirements.scenarios())
          .extracting(s -> s.scenarioId() + " " + s.title())
          .containsExactly(
              "REQ-LOGOUT-LINK-1 Signing out with the link 'Log out' ends the session");
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result =
          corpus.pipeline.evolve(corpus.site.url("/"), observation, requirements, null, settings);
      List<GeneratedTest> shipped =
          result.tests().stream().filter(t -> SuiteModel.inSuite(t.status())).toList();
      assertThat(shipped).as(result.tests().toString()).hasSize(1);
      GeneratedTest logout = shipped.get(0);
      assertThat(logout.steps())
          .filteredOn(s -> "click".equals(s.action()))
          .flatExtracting(TestStep::locators)
          .extracting(l -> l.strategy() + " " + l.value() + " " + l.name())
          .first()
          .isEqualTo("role link Log out");
      assertThat(logout.steps())
          .filteredOn(s -> "expect_url".equals(s.action()))
          .extracting(TestStep::value)
          .containsExactly("/");

      TestRun run = MutationRuns.testRun(corpus.pool, corpus.site.url("/"), settings);
      site.resetCounts();
      assertThat(run.passes(logout, page -> {})).isTrue();
      assertThat(site.logouts()).isEqualTo(1);
      corpus.app.faults().inject(HostileSite.FAULT_LOGOUT_500);
      assertThat(run.passes(logout, page -> {})).isFalse();
      corpus.app.faults().heal();
      assertThat(run.passes(logout, page -> {})).isTrue();
    }
  }
}
