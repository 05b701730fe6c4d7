package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs that share a {@link RunSession} see what a fresh context sees: a page that remembers its
 * visitors in a cookie, local and session storage, IndexedDB, and (on unload) local storage again,
 * greets every run as a first visit, while the runs share one page, whether a run starts on a new
 * document or within the page the last run left; within a run the page remembers (a page that
 * stores a value and sends itself on finds it there); a failed run leaves a new context to the
 * next; the shared context stays guarded; a live run's outcome reader hears only its own run.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunSessionTest {
  static final BrowserPool pool = TestBrowsers.shared();

  /** Says what it finds from an earlier visit, then leaves traces of this one everywhere. */
  static final String REMEMBERING_PAGE =
      """
      <!doctype html><html><head><title>Remember</title></head><body><h1 id="seen">…</h1>
      <script>
        const found = [];
        if (document.cookie.includes('visited=')) found.push('cookie');
        if (localStorage.getItem('visited')) found.push('local');
        if (sessionStorage.getItem('visited')) found.push('session');
        if (localStorage.getItem('unloaded')) found.push('unload');
        let created = false;
        const open = indexedDB.open('visits');
        open.onupgradeneeded = () => { created = true; open.result.createObjectStore('v'); };
        open.onsuccess = () => {
          if (!created) found.push('idb');
          open.result.close();
          document.getElementById('seen').textContent =
              found.length ? 'Remembered ' + found.join(' ') : 'First visit';
          document.cookie = 'visited=1; path=/';
          localStorage.setItem('visited', '1');
          sessionStorage.setItem('visited', '1');
        };
        addEventListener('pagehide', () => localStorage.setItem('unloaded', '1'));
      </script></body></html>
      """;

  /** Stores a value in session storage and sends itself on before it has loaded. */
  static final String HOP_PAGE =
      "<!doctype html><title>Hop</title><script>sessionStorage.setItem('from', 'hop');"
          + " location.replace('/landed')</script>";

  static final String LANDED_PAGE =
      "<!doctype html><title>Landed</title><h1 id=\"seen\">…</h1><script>"
          + "document.getElementById('seen').textContent ="
          + " 'From ' + sessionStorage.getItem('from')</script>";

  FixtureServer site;
  EvolutionSettings settings = EvolutionSettings.defaults();
  TestExecutor executor;

  @BeforeEach
  void start() {
    site = FixtureServer.start();
    site.get("/remember", r -> FixtureResponse.html(REMEMBERING_PAGE))
        .get("/hop", r -> FixtureResponse.html(HOP_PAGE))
        .get("/landed", r -> FixtureResponse.html(LANDED_PAGE))
        .get("/away", r -> FixtureResponse.redirect("http://127.0.0.2:" + site.port() + "/x"));
    executor =
        new TestExecutor(pool, site.baseUrl(), Map.of(), null, settings, new VerificationStop());
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static GeneratedTest test(String id, TestStep... steps) {
    return new GeneratedTest(
        id, id, id, "high", List.of(steps), "candidate", 0, 0, 0, List.of(), null);
  }

  static final GeneratedTest FIRST_VISIT =
      test(
          "first-visit",
          new TestStep("goto", List.of(), "/remember", null, "Open /remember"),
          new TestStep(
              "expect_text",
              List.of(new Locator("css", "#seen", null, true)),
              "First visit",
              null,
              "Greets a first visit"));

  @Test
  void runsOnASharedPageSeeNothingOfTheRunsBefore() {
    runThrice(FIRST_VISIT);
    // Served by the page's own route, when used: the app never sees the empty page.
    assertThat(site.requests()).extracting(r -> r.path()).containsOnly("/remember").hasSize(3);
  }

  @Test
  void runsThatStartWithinTheLastRunsPageSeeNothingOfItEither() {
    runThrice(
        test(
            "fragment",
            new TestStep("goto", List.of(), "/remember#top", null, "Open /remember#top"),
            FIRST_VISIT.steps().get(1)));
    // a run that does not open an address first starts on the empty page
    runThrice(
        test(
            "no-goto",
            new TestStep(
                "expect_hidden",
                List.of(new Locator("css", "#seen", null, true)),
                null,
                null,
                "Shows no app page"),
            FIRST_VISIT.steps().get(0),
            FIRST_VISIT.steps().get(1)));
  }

  @Test
  void withinARunThePageRemembersWhatItsDocumentsStored() {
    runThrice(
        test(
            "revisit",
            FIRST_VISIT.steps().get(0),
            FIRST_VISIT.steps().get(1),
            new TestStep("goto", List.of(), "/remember", null, "Open /remember again"),
            new TestStep(
                "expect_text",
                List.of(new Locator("css", "#seen", null, true)),
                "Remembered cookie local session",
                null,
                "Remembers the first visit")));
    runThrice(
        test(
            "hop",
            new TestStep("goto", List.of(), "/hop", null, "Open /hop"),
            new TestStep(
                "expect_text",
                List.of(new Locator("css", "#seen", null, true)),
                "From hop",
                null,
                "Lands with what /hop stored")));
  }

  /** Runs {@code test} three times on one session and checks that each passed, on one page. */
  private void runThrice(GeneratedTest test) {
    List<Page> pages = new ArrayList<>();
    TestExecutor.RunWatcher watcher =
        new TestExecutor.RunWatcher() {
          @Override
          public void opened(Page page, String unique) {
            pages.add(page);
          }

          @Override
          public void beforeStep(Page page, int index) {}

          @Override
          public void passed(Page page) {}
        };
    try (RunSession session = executor.session(true)) {
      for (int run = 1; run <= 3; run++) {
        RunOutcome outcome = executor.run(session, test, null, null, watcher);
        assertThat(outcome.passed())
            .as("%s run %d: %s", test.testId(), run, outcome.error())
            .isTrue();
      }
    }
    assertThat(pages).hasSize(3).allMatch(p -> p == pages.get(0));
  }

  @Test
  void aLiveRunsReaderHearsOnlyItsOwnRunOnTheSharedPage() {
    site.get(
        "/ask",
        r ->
            FixtureResponse.html(
                "<!doctype html><title>Ask</title><button onclick=\"alert('asked')\">Ask</button>"));
    GeneratedTest ask =
        test(
            "ask",
            new TestStep("goto", List.of(), "/ask", null, "Open /ask"),
            new TestStep(
                "click", List.of(new Locator("role", "button", "Ask", true)), null, null, "Ask"));
    try (RunSession session = executor.session(true)) {
      OutcomeReader first = new OutcomeReader(1, false);
      RunOutcome one = executor.run(session, ask, null, null, first);
      OutcomeReader second = new OutcomeReader(1, false);
      RunOutcome two = executor.run(session, ask, null, null, second);

      assertThat(one.passed()).as(one.error()).isTrue();
      assertThat(two.passed()).as(two.error()).isTrue();
      assertThat(second.outcome(two).dialogs()).containsExactly("asked");
      // what the first reader holds now (a failed run's outcome is read as it stands): only its own
      RunOutcome now = new RunOutcome(false, -1, "read", 0);
      assertThat(first.outcome(now).dialogs()).containsExactly("asked");
    }
  }

  @Test
  void aFailedRunLeavesANewContextToTheNextAndTheSharedContextStaysGuarded() {
    GeneratedTest away = test("away", new TestStep("goto", List.of(), "/away", null, "Open /away"));
    try (RunSession session = executor.session(true)) {
      assertThat(executor.run(session, FIRST_VISIT, null, null, null).passed()).isTrue();
      Page shared = session.open(f -> {});

      RunOutcome refused = executor.run(session, away, null, null, null);

      assertThat(refused.passed()).isFalse();
      assertThat(refused.error()).startsWith("navigation refused (off_origin_redirect)");
      RunOutcome next = executor.run(session, FIRST_VISIT, null, null, null);
      assertThat(next.passed()).as(next.error()).isTrue();
      assertThat(session.open(f -> {})).isNotSameAs(shared);
    }
    assertThat(pool.availableContexts()).isEqualTo(pool.parallelism());
  }
}
