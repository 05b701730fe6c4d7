package io.testgen.worker.mutation;

import static io.testgen.worker.mutation.SuiteSteps.button;
import static io.testgen.worker.mutation.SuiteSteps.click;
import static io.testgen.worker.mutation.SuiteSteps.css;
import static io.testgen.worker.mutation.SuiteSteps.fault;
import static io.testgen.worker.mutation.SuiteSteps.fill;
import static io.testgen.worker.mutation.SuiteSteps.go;
import static io.testgen.worker.mutation.SuiteSteps.heading;
import static io.testgen.worker.mutation.SuiteSteps.link;
import static io.testgen.worker.mutation.SuiteSteps.test;
import static io.testgen.worker.mutation.SuiteSteps.text;
import static io.testgen.worker.mutation.SuiteSteps.url;
import static io.testgen.worker.mutation.SuiteSteps.visible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.NotesSite;
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
 * Mutation analysis of a small hand-written suite of the notes app, in real Chromium: the exact
 * kill matrix and score, the discard rule (unmutated run must pass; a fault that changes nothing
 * does not count) and the budget cut-off.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MutationAnalysisTest {
  static final BrowserPool pool = TestBrowsers.shared();
  static FixtureServer notes;
  static MutationAnalysis analysis;

  /** Opens the home page, checks its heading and follows the link to the notes. */
  static final GeneratedTest HOME =
      test(
          "t-home",
          go("/"),
          visible(heading("Notes app")),
          click(link("All notes")),
          url("/notes"));

  /** Adds a note and checks the success message, nothing else. */
  static final GeneratedTest ADD =
      test(
          "t-add",
          go("/notes"),
          fill(css("#title"), "Scored {{unique}}"),
          click(button("Add note")),
          text(css("[role=status]"), "Note added"));

  /** Expects a visitor count the stats page never shows: fails on the unmutated app. */
  static final GeneratedTest BROKEN =
      test("t-broken", go("/stats"), visible(heading("Visitors: 0")));

  static final List<Fault> FAULTS =
      List.of(
          fault(
              "f-heading-home",
              FaultCatalog.HEADING_CHANGED,
              Fault.How.HTML,
              "/",
              "Notes app",
              FaultCatalog.CHANGED_TEXT,
              "/"),
          fault(
              "f-link-home", FaultCatalog.LINK_MISSING, Fault.How.DOM, "/", "All notes", null, "/"),
          fault(
              "f-post-500", FaultCatalog.POST_500, Fault.How.POST, "/notes", null, null, "/notes"),
          fault(
              "f-flash",
              FaultCatalog.SUCCESS_MISSING,
              Fault.How.DOM,
              null,
              "Note added",
              null,
              "/notes"),
          fault(
              "f-list-empty",
              FaultCatalog.LIST_EMPTY,
              Fault.How.DOM,
              "/notes",
              null,
              null,
              "/notes"),
          fault(
              "f-detail-home",
              FaultCatalog.DETAIL_OTHER_VALUE,
              Fault.How.DOM,
              "/",
              null,
              FaultCatalog.OTHER_VALUE,
              "/"),
          fault(
              "f-heading-stats",
              FaultCatalog.HEADING_CHANGED,
              Fault.How.HTML,
              "/stats",
              "Visitors: 1",
              FaultCatalog.CHANGED_TEXT,
              "/stats"),
          fault(
              "f-heading-search",
              FaultCatalog.HEADING_CHANGED,
              Fault.How.HTML,
              "/search",
              "Search results",
              FaultCatalog.CHANGED_TEXT,
              "/search"));

  @BeforeAll
  static void start() {
    notes = NotesSite.install(FixtureServer.start());
    analysis =
        new MutationAnalysis(
            pool,
            MutationRuns.testRun(pool, notes.baseUrl(), EvolutionSettings.defaults()),
            notes.baseUrl(),
            2);
  }

  @AfterAll
  static void stop() {
    notes.close();
  }

  @Test
  void scoreAndKillMatrixOfASmallSuite() {
    MutationReport report =
        analysis.measure(
            FAULTS,
            List.of(HOME, ADD, BROKEN),
            Duration.ofMinutes(3),
            MutationAnalysis.Ticker.NONE);

    Map<String, String> statuses = new LinkedHashMap<>();
    report
        .faults()
        .forEach(
            m ->
                statuses.put(
                    m.faultId(), m.status() + (m.reason() == null ? "" : "/" + m.reason())));
    assertThat(statuses)
        .containsExactly(
            Map.entry("f-heading-home", "killed"),
            Map.entry("f-link-home", "killed"),
            Map.entry("f-post-500", "killed"),
            Map.entry("f-flash", "killed"),
            Map.entry("f-list-empty", "survived"),
            // the home page has no detail field: the fault changes nothing
            Map.entry("f-detail-home", "discarded/not_applied"),
            // the only test reaching the stats page fails on the unmutated app
            Map.entry("f-heading-stats", "discarded/unmutated_fails"),
            // no test goes to the search results: a gap of the suite
            Map.entry("f-heading-search", "survived/not_reached"));
    assertThat(report.killMatrix())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "t-home",
                List.of("f-heading-home", "f-link-home"),
                "t-add",
                List.of("f-post-500", "f-flash")));
    assertThat(report.injected()).isEqualTo(8);
    assertThat(report.killed()).isEqualTo(4);
    assertThat(report.survived()).isEqualTo(2);
    assertThat(report.discarded()).isEqualTo(2);
    assertThat(report.untried()).isZero();
    assertThat(report.score()).isCloseTo(4.0 / 6, within(1e-9));
    // only the passing tests that reach a fault's state run under it: t-home ends on /notes too
    assertThat(report.faults().stream().map(MutationReport.Mutant::testsRun).toList())
        .containsExactly(1, 1, 2, 2, 2, 1, 0, 0);
  }

  @Test
  void budgetSpentLeavesFaultsUntried() {
    MutationReport report =
        analysis.measure(FAULTS, List.of(HOME), Duration.ZERO, MutationAnalysis.Ticker.NONE);
    assertThat(report.injected()).isZero();
    assertThat(report.untried()).isEqualTo(FAULTS.size());
    assertThat(report.faults()).isEmpty();
    assertThat(report.score()).isNull();
  }
}
