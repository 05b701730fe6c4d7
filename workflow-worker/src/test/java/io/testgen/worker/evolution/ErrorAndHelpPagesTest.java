package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.observation.HostileSite;
import io.testgen.worker.mutation.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of its own is tested for what it says, and an error page for its way out: on the corpus'
 * hostile site the help page's render test asserts its sentence, and the way from the error pages
 * back home is a navigation test, so the site's hand-written faults (the help page losing its text,
 * the error pages' "Home" link broken) fail them while the healed site passes.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ErrorAndHelpPagesTest {
  private static final String HELP_TEXT = "Questions about your membership? Write to us.";

  @TempDir Path dir;

  @Test
  void helpTextAndTheErrorPagesWayHomeAreAssertedAndFailWhenBroken() {
    try (CorpusRun corpus = CorpusRun.open("hostile", dir, "wf-help")) {
      CorpusApp app = corpus.app;
      FixtureServer site = corpus.site;
      InProcessPipeline pipeline = corpus.pipeline;
      ObservationResult observation = pipeline.crawl(site.url("/"), 2, 30, null);
      StateInfo help =
          observation.states().stream()
              .filter(s -> s.url().endsWith("/help"))
              .findFirst()
              .orElseThrow();
      assertThat(help.prose()).containsExactly(HELP_TEXT);

      RequirementsResult requirements =
          pipeline.scenarios(
              observation,
              false,
              s ->
                  s.scenarioId().equals("REQ-RENDER-" + help.stateId())
                      || s.scenarioId().endsWith("-TO-" + observation.startStateId()));
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result =
          pipeline.evolve(site.url("/"), observation, requirements, null, settings);
      List<GeneratedTest> shipped =
          result.tests().stream().filter(t -> SuiteModel.inSuite(t.status())).toList();
      GeneratedTest render =
          shipped.stream()
              .filter(t -> t.scenarioId().startsWith("REQ-RENDER-"))
              .findFirst()
              .orElseThrow();
      assertThat(render.steps())
          .filteredOn(s -> "expect_visible".equals(s.action()))
          .flatExtracting(s -> s.locators())
          .extracting(l -> l.value())
          .contains(HELP_TEXT);
      // the members' 500 page and the old news' 404 page each lead home
      List<GeneratedTest> waysHome =
          shipped.stream().filter(t -> t.scenarioId().startsWith("REQ-NAV-")).toList();
      assertThat(waysHome)
          .extracting(GeneratedTest::title)
          .containsExactlyInAnyOrder(
              "Navigate from Members to Hostile",
              "Navigate from 'Page not found' at /old-news to Hostile");

      TestRun run = MutationRuns.testRun(corpus.pool, site.url("/"), settings);
      assertThat(run.passes(render, page -> {})).isTrue();
      waysHome.forEach(t -> assertThat(run.passes(t, page -> {})).as(t.title()).isTrue());
      app.faults().inject(HostileSite.FAULT_HELP_TEXT);
      assertThat(run.passes(render, page -> {})).isFalse();
      app.faults().heal();
      app.faults().inject(HostileSite.FAULT_HOME_LINK);
      waysHome.forEach(t -> assertThat(run.passes(t, page -> {})).as(t.title()).isFalse());
      app.faults().heal();
      assertThat(run.passes(render, page -> {})).isTrue();
    }
  }
}
