package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.MutationReport;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.mutation.MutationAnalysis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Evolution strengthens a test that reaches a state without asserting what a fault takes away: on
 * the notes app, a test adds a note and checks only the success message, so a changed heading of
 * the notes page survives it. The strengthened test asserts the heading (web-first, by role), still
 * passes on the real app, kills the fault, and both rendered suites carry the assertion.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SuiteStrengthenerTest {
  static final BrowserPool pool = TestBrowsers.shared();
  static final String HEADING_FAULT = "heading_text_changed:S-notes";
  static final String HEADING_ASSERTION =
      "await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();";
  static FixtureServer notes;
  static TestExecutor executor;

  /** Adds a note and checks the success message, nothing else. */
  static final GeneratedTest ADD =
      new GeneratedTest(
          "t-add",
          "REQ-ADD",
          "Add a note",
          "high",
          List.of(
              Steps.goTo("/notes"),
              Steps.fill(
                  List.of(Locator.css("#title", true)), "Strong {{unique}}", null, "'Title'"),
              Steps.click(List.of(Locator.role("button", "Add note", true)), "'Add note'"),
              new TestStep(
                  "expect_text",
                  List.of(Locator.role("status", null, true)),
                  "Note added",
                  null,
                  "Expect the status to read 'Note added'")),
          "passed",
          3,
          3,
          0,
          List.of(),
          null);

  @BeforeAll
  static void start() {
    notes = NotesSite.install(FixtureServer.start());
    executor =
        new TestExecutor(
            pool,
            notes.baseUrl(),
            Map.of(),
            null,
            EvolutionSettings.defaults(),
            new VerificationStop());
  }

  @AfterAll
  static void stop() {
    pool.releaseThread();
    notes.close();
  }

  /** The notes page as a crawl sees it: one state, its heading, no links or forms. */
  static ObservationResult observation() {
    return EvolutionInputs.observation(
        notes.baseUrl(),
        List.of(
            EvolutionInputs.state(
                "S-notes", notes.url("/notes"), "Notes", "Notes", List.of(), List.of())),
        List.of());
  }

  @Test
  void aSurvivingHeadingFaultIsKilledByTheStrengthenedTestInBothRenderings() {
    MutationAnalysis analysis =
        new MutationAnalysis(pool, MutationRuns.of(executor), notes.baseUrl(), 2);
    MutationReport before =
        analysis.measure(
            observation(), List.of(ADD), Duration.ofMinutes(2), MutationAnalysis.Ticker.NONE);
    assertThat(before.faults())
        .filteredOn(m -> m.faultId().equals(HEADING_FAULT))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo("survived"));
    assertThat(analysis.kills(HEADING_FAULT, ADD)).isFalse();

    SuiteStrengthener.Outcome outcome =
        new SuiteStrengthener(executor, analysis, 3)
            .strengthen(
                List.of(ADD),
                before,
                System.nanoTime() + Duration.ofMinutes(3).toNanos(),
                (done, total, added) -> {});
    pool.releaseThread();

    // appended at the end: the test ends on the notes page (after the redirect to ?created=1)
    assertThat(outcome.strengthened())
        .contains(new MutationReport.Strengthened("t-add", HEADING_FAULT, HEADING_ASSERTION, 4));
    assertThat(outcome.killedNow()).containsEntry(HEADING_FAULT, "t-add");
    GeneratedTest strong = outcome.suite().get(0);
    assertThat(strong.steps().subList(0, 4)).isEqualTo(ADD.steps().subList(0, 4));
    assertThat(strong.steps().get(4))
        .isEqualTo(Steps.expectVisible(List.of(Locator.role("heading", "Notes", true)), "'Notes'"));
    // it kills the fault it missed, and still passes on the real app
    assertThat(analysis.kills(HEADING_FAULT, strong)).isTrue();
    assertThat(executor.run(strong, null, null).passed()).isTrue();
    assertThat(strong.runs()).isGreaterThanOrEqualTo(ADD.runs() + 3);

    assertThat(TypeScriptSuiteRenderer.spec(strong)).contains(HEADING_ASSERTION);
    assertThat(JavaSuiteRenderer.suite(List.of(strong)))
        .contains(
            "assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()"
                + ".setName(\"Notes\").setExact(true))).isVisible();");

    MutationReport after = SuiteStrengthener.after(before, outcome, 1);
    assertThat(after.scoreBefore()).isEqualTo(before.score());
    assertThat(after.killed()).isEqualTo(before.killed() + outcome.killedNow().size());
    assertThat(after.survived()).isEqualTo(before.survived() - outcome.killedNow().size());
    assertThat(after.score()).isGreaterThan(before.score());
    assertThat(after.killMatrix().get("t-add")).contains(HEADING_FAULT);
    assertThat(after.faults())
        .filteredOn(m -> m.faultId().equals(HEADING_FAULT))
        .singleElement()
        .satisfies(m -> assertThat(m.killedBy()).containsExactly("t-add"));
  }

  @Test
  void nothingIsTriedOnceTheBudgetIsSpent() {
    MutationAnalysis analysis =
        new MutationAnalysis(pool, MutationRuns.of(executor), notes.baseUrl(), 2);
    MutationReport before =
        analysis.measure(
            observation(), List.of(ADD), Duration.ofMinutes(2), MutationAnalysis.Ticker.NONE);
    SuiteStrengthener.Outcome outcome =
        new SuiteStrengthener(executor, analysis, 3)
            .strengthen(List.of(ADD), before, System.nanoTime(), (done, total, added) -> {});
    assertThat(outcome.strengthened()).isEmpty();
    assertThat(outcome.suite()).containsExactly(ADD);
    MutationReport after = SuiteStrengthener.after(before, outcome, 1);
    assertThat(after.score()).isEqualTo(before.score());
    assertThat(after.scoreBefore()).isEqualTo(before.score());
  }
}
