package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.testkit.sites.corpus.GroundTruth;
import io.testgen.worker.mutation.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-page actions become proven tests: on the corpus' single-page todo app, the whole pipeline
 * in-process (crawl, requirements, analysis, evolution without mutation analysis), then the
 * verified action tests run once more against a clean request log. The app's ground truth says
 * which requests prove which feature; editing (double-click, type, Enter), deleting (hover, click
 * the revealed button), the "All" filter (a click that changes only the hash route), toggling one
 * item (its count of items left is the widget's own footer, not page chrome), "Mark all as
 * complete" (a role name with CSS-generated content) and "Clear completed" behind it must be among
 * what the suite proves.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ActionScenariosTest {
  @TempDir Path dir;

  @Test
  void theTodoAppsEditAndDeleteBecomeVerifiedTestsThatProveTheFeatures() {
    try (CorpusRun corpus = CorpusRun.open("todo-spa", dir, "wf-act")) {
      ObservationResult observation = corpus.pipeline.crawl(corpus.site.url("/"), 3, 30, null);
      RequirementsResult requirements = corpus.pipeline.scenarios(observation, false, s -> true);
      assertThat(requirements.scenarios())
          .filteredOn(s -> s.scenarioId().startsWith("REQ-ACT-"))
          .extracting(s -> s.testData().get("action"))
          .contains(
              "double-click the first item's text",
              "hover the item, click the revealed button",
              "press Enter in 'What needs to be done?'",
              "click 'All'")
          .doesNotHaveDuplicates();
      // only the action scenarios go on to Evolution: the other generators have tests of their own
      requirements =
          corpus.pipeline.scenarios(observation, false, s -> s.scenarioId().startsWith("REQ-ACT-"));
      EvolutionSettings settings = EvolutionSettings.defaults();
      EvolutionResult result =
          corpus.pipeline.evolve(corpus.site.url("/"), observation, requirements, null, settings);
      List<GeneratedTest> actions =
          result.tests().stream()
              .filter(t -> t.scenarioId().startsWith("REQ-ACT-"))
              .filter(t -> SuiteModel.inSuite(t.status()))
              .toList();
      actions.forEach(t -> System.out.println("ACTION " + t.title() + "\n  " + t.steps()));
      // the edit types this run's own text and expects it; the delete expects its item gone
      assertThat(actions)
          .anySatisfy(
              t ->
                  assertThat(t.steps())
                      .extracting(s -> s.action())
                      .containsSubsequence("dblclick", "fill", "press", "expect_visible"))
          .anySatisfy(
              t -> {
                // the delete makes a second item first: its item goes, the other one stays
                assertThat(t.steps())
                    .extracting(s -> s.action())
                    .containsSubsequence(
                        "press",
                        "fill",
                        "press",
                        "hover",
                        "click",
                        "expect_hidden",
                        "expect_visible");
                assertThat(t.steps())
                    .filteredOn(s -> s.action().equals("expect_hidden"))
                    .extracting(s -> s.locators().get(0).value())
                    .containsExactly(StatePath.SAMPLE);
                assertThat(t.steps().get(t.steps().size() - 1).locators().get(0).value())
                    .isEqualTo(StatePath.OTHER);
              })
          // a toggle of an item the test made expects the count of items left it then shows: the
          // app keeps nothing between runs, so two live runs showed the same count
          .anySatisfy(
              t ->
                  assertThat(t.steps())
                      .extracting(s -> s.locators().isEmpty() ? "" : s.locators().get(0).value())
                      .contains("0 items left"));

      corpus.site.clearRequests();
      TestRun run = MutationRuns.testRun(corpus.pool, corpus.site.url("/"), settings);
      for (GeneratedTest t : actions) assertThat(run.passes(t, page -> {})).as(t.title()).isTrue();
      // a delete that takes the last item and a count that counts completed items fail the suite
      for (String fault : List.of("delete-removes-last", "count-counts-completed")) {
        corpus.app.faults().inject(fault);
        assertThat(actions).as(fault).anyMatch(t -> !run.passes(t, page -> {}));
        corpus.app.faults().heal();
      }
      assertThat(corpus.truth.exercised(corpus.site.requests()))
          .extracting(GroundTruth.Feature::id)
          .contains(
              "add-todo",
              "edit-todo",
              "delete-todo",
              "filter-all",
              "toggle-todo",
              "toggle-all",
              "clear-completed");
    }
  }
}
