package io.testgen.worker.mutation;

import static io.testgen.worker.mutation.SuiteSteps.click;
import static io.testgen.worker.mutation.SuiteSteps.fault;
import static io.testgen.worker.mutation.SuiteSteps.go;
import static io.testgen.worker.mutation.SuiteSteps.heading;
import static io.testgen.worker.mutation.SuiteSteps.link;
import static io.testgen.worker.mutation.SuiteSteps.test;
import static io.testgen.worker.mutation.SuiteSteps.url;
import static io.testgen.worker.mutation.SuiteSteps.visible;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApps;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.evolution.EvolutionSettings;
import io.testgen.worker.evolution.MutationRuns;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DOM faults reach into open shadow roots: on the corpus' {@code todo-wc} (TodoMVC as custom
 * elements, every heading, link and row inside a shadow root, rows re-rendered into it after each
 * change) the heading, link and list faults apply and the tests that look there fail.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShadowRootFaultsTest {
  static final BrowserPool pool = TestBrowsers.shared();
  static FixtureServer app;
  static TestRun run;

  /**
   * Adds a todo: the row appears inside {@code <todo-app>}'s shadow root, in a {@code <todo-item>}.
   */
  static final GeneratedTest ADD =
      test(
          "wc-add",
          go("/"),
          new TestStep(
              "fill",
              List.of(new Locator(Locator.HINT_TEXT, "What needs to be done?", null, true)),
              "Milk",
              null,
              null),
          new TestStep(
              "press",
              List.of(new Locator(Locator.HINT_TEXT, "What needs to be done?", null, true)),
              "Enter",
              null,
              null),
          visible(new Locator("text", "Milk", null, true)));

  /** Checks the heading, then follows the 'Active' filter link (both in the shadow root). */
  static final GeneratedTest FILTER =
      test(
          "wc-filter",
          go("/"),
          visible(heading("todos")),
          ADD.steps().get(1),
          ADD.steps().get(2),
          click(link("Active")),
          url("/#/active"));

  @BeforeAll
  static void start() {
    app = CorpusApps.create("todo-wc").install(FixtureServer.start());
    run = MutationRuns.testRun(pool, app.baseUrl(), EvolutionSettings.defaults());
  }

  @AfterAll
  static void stop() {
    pool.releaseThread();
    app.close();
  }

  @Test
  void headingLinkAndListFaultsApplyInsideShadowRootsAndAreCaught() {
    FaultedSite todo = new FaultedSite(app, run);
    assertThat(todo.passes(ADD)).isTrue();
    assertThat(todo.passes(FILTER)).isTrue();
    // the rows are rendered into the shadow root only after Enter: the observer sees that change
    todo.assertCaught(ADD, fault(FaultCatalog.LIST_EMPTY, Fault.How.DOM, "/", null, null));
    // the heading is the custom element's, not the document's: as FaultCatalog derives it for a
    // page without a hash route, the document is rewritten (changing nothing) and the DOM caught
    todo.assertCaught(
        FILTER,
        fault(
            FaultCatalog.HEADING_CHANGED, Fault.How.HTML, "/", "todos", FaultCatalog.CHANGED_TEXT));
    todo.assertCaught(FILTER, fault(FaultCatalog.LINK_MISSING, Fault.How.DOM, "/", "Active", null));
  }

  @Test
  void scoredByMutationAnalysisWhereNothingWasAppliedBefore() {
    List<Fault> faults =
        List.of(
            fault("f-list", FaultCatalog.LIST_EMPTY, Fault.How.DOM, "/", null, null, "/"),
            fault(
                "f-heading",
                FaultCatalog.HEADING_CHANGED,
                Fault.How.HTML,
                "/",
                "todos",
                FaultCatalog.CHANGED_TEXT,
                "/"),
            fault("f-link", FaultCatalog.LINK_MISSING, Fault.How.DOM, "/", "Completed", null, "/"));
    MutationReport report =
        new MutationAnalysis(pool, run, app.baseUrl(), 2)
            .measure(faults, List.of(ADD), Duration.ofMinutes(2), MutationAnalysis.Ticker.NONE);
    Map<String, String> statuses = new LinkedHashMap<>();
    report.faults().forEach(m -> statuses.put(m.faultId(), m.status()));
    // ADD asserts its row but neither the heading nor the filter links: those survive, applied
    assertThat(statuses)
        .containsExactly(
            Map.entry("f-list", "killed"),
            Map.entry("f-heading", "survived"),
            Map.entry("f-link", "survived"));
    assertThat(report.score()).isEqualTo(1.0 / 3);
  }
}
