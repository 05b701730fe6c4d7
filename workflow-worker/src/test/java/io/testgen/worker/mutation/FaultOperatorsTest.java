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

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.evolution.NotesSite;
import io.testgen.testkit.sites.observation.SpaSite;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.TestBrowsers;
import io.testgen.worker.evolution.EvolutionSettings;
import io.testgen.worker.evolution.MutationRuns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each operator changes what the page shows, in real Chromium against fixture sites, and the app
 * itself is untouched: its request log is the unmutated run's, its data unchanged.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FaultOperatorsTest {
  static final BrowserPool pool = TestBrowsers.shared();
  static FixtureServer notes;
  static FixtureServer spa;
  static TestRun notesRun;
  static TestRun spaRun;

  @BeforeAll
  static void start() {
    notes = NotesSite.install(FixtureServer.start());
    spa = SpaSite.install(FixtureServer.start());
    notesRun = MutationRuns.testRun(pool, notes.baseUrl(), EvolutionSettings.defaults());
    spaRun = MutationRuns.testRun(pool, spa.baseUrl(), EvolutionSettings.defaults());
  }

  @AfterAll
  static void stop() {
    pool.releaseThread();
    notes.close();
    spa.close();
  }

  /** Runs {@code test} with {@code fault} installed; true when the test passed. */
  static boolean under(
      TestRun run, FixtureServer site, GeneratedTest test, Fault fault, AtomicBoolean applied) {
    AtomicBoolean[] flag = {new AtomicBoolean()};
    boolean passed =
        run.passes(test, page -> flag[0] = FaultInjector.install(page, fault, site.baseUrl()));
    applied.set(flag[0].get());
    return passed;
  }

  /** The test fails with the fault injected, and the fault was applied (it found its target). */
  static void assertCaught(TestRun run, FixtureServer site, GeneratedTest test, Fault fault) {
    AtomicBoolean applied = new AtomicBoolean();
    assertThat(under(run, site, test, fault, applied)).as("passes under " + fault).isFalse();
    assertThat(applied).as("fault applied").isTrue();
  }

  static List<String> log(FixtureServer site) {
    return site.requests().stream()
        .filter(r -> !r.path().equals("/favicon.ico"))
        .map(
            r ->
                r.method()
                    + " "
                    + r.path()
                    + (r.query() == null || r.query().isEmpty() ? "" : "?" + r.query()))
        .toList();
  }

  @Test
  void headingRewrittenInTheDocumentWhileTheAppServesTheSameRequests() {
    GeneratedTest original = test("notes-heading", go("/notes"), visible(heading("Notes")));
    GeneratedTest changed =
        test("notes-heading-changed", go("/notes"), visible(heading(FaultCatalog.CHANGED_TEXT)));
    Fault f =
        fault(
            FaultCatalog.HEADING_CHANGED,
            Fault.How.HTML,
            "/notes",
            "Notes",
            FaultCatalog.CHANGED_TEXT);
    notes.clearRequests();
    assertThat(notesRun.passes(original, page -> {})).isTrue();
    List<String> unmutated = log(notes);
    notes.clearRequests();
    AtomicBoolean applied = new AtomicBoolean();
    assertCaught(notesRun, notes, original, f);
    assertThat(log(notes)).isEqualTo(unmutated).containsExactly("GET /notes");
    assertThat(under(notesRun, notes, changed, f, applied)).isTrue();
  }

  @Test
  void linkRemovedFromTheDomAndOnlyTheFirstPageRequested() {
    GeneratedTest nav = test("nav", go("/"), click(link("All notes")), url("/notes"));
    notes.clearRequests();
    AtomicBoolean applied = new AtomicBoolean();
    assertCaught(
        notesRun,
        notes,
        nav,
        fault(FaultCatalog.LINK_MISSING, Fault.How.DOM, "/", "All notes", null));
    assertThat(log(notes)).containsExactly("GET /");
    // On another page the same link is left alone.
    assertThat(
            under(
                notesRun,
                notes,
                nav,
                fault(FaultCatalog.LINK_MISSING, Fault.How.DOM, "/stats", "All notes", null),
                applied))
        .isTrue();
    assertThat(applied).isFalse();
  }

  @Test
  void postAnswered500NeverReachesTheApp() throws Exception {
    GeneratedTest add =
        test(
            "add-probe",
            go("/notes"),
            fill(css("#title"), "Fault probe"),
            click(button("Add note")),
            text(css("[role=status]"), "Note added"));
    notes.clearRequests();
    assertCaught(
        notesRun, notes, add, fault(FaultCatalog.POST_500, Fault.How.POST, "/notes", null, null));
    assertThat(log(notes)).containsExactly("GET /notes");
    assertThat(page(notes, "/notes")).doesNotContain("Fault probe");
  }

  @Test
  void clickSwallowedAndButtonDisabledKeepTheFormFromBeingSent() {
    GeneratedTest add =
        test(
            "add-swallowed",
            go("/notes"),
            fill(css("#title"), "Swallowed {{unique}}"),
            click(button("Add note")),
            url("/notes?created=1"));
    notes.clearRequests();
    assertCaught(
        notesRun,
        notes,
        add,
        fault(FaultCatalog.CLICK_SWALLOWED, Fault.How.DOM, "/notes", "Add note", null));
    assertThat(log(notes)).containsExactly("GET /notes");
    assertCaught(
        notesRun,
        notes,
        add,
        fault(FaultCatalog.BUTTON_DISABLED, Fault.How.DOM, "/notes", "Add note", null));
  }

  @Test
  void wrongRedirectAfterTheAppSavedAndMessagesRemoved() throws Exception {
    GeneratedTest add =
        test(
            "add-redirect",
            go("/notes"),
            fill(css("#title"), "Redirected {{unique}}"),
            click(button("Add note")),
            url("/notes?created=1"),
            text(css("[role=status]"), "Note added"));
    notes.clearRequests();
    assertCaught(
        notesRun,
        notes,
        add,
        fault(FaultCatalog.POST_WRONG_REDIRECT, Fault.How.POST, "/notes", null, "/stats"));
    // The app saved the note as usual; the browser was sent to the wrong page.
    assertThat(log(notes)).containsExactly("GET /notes", "POST /notes", "GET /stats");
    assertThat(page(notes, "/notes")).contains("Redirected ");
    assertCaught(
        notesRun,
        notes,
        add,
        fault(FaultCatalog.SUCCESS_MISSING, Fault.How.DOM, null, "Note added", null));
    GeneratedTest empty =
        test(
            "add-empty",
            go("/notes"),
            click(button("Add note")),
            text(css("[role=alert]"), "Title is required"));
    assertThat(notesRun.passes(empty, page -> {})).isTrue();
    assertCaught(
        notesRun,
        notes,
        empty,
        fault(FaultCatalog.VALIDATION_MISSING, Fault.How.DOM, null, "Title is required", null));
  }

  @Test
  void singlePageAppFaultsAreReappliedAfterEveryRender() {
    GeneratedTest todo =
        test(
            "spa-todo",
            go("/#/todos"),
            fill(css("#new-todo"), "Milk"),
            click(button("Add todo")),
            text(css("#list"), "Milk"));
    assertThat(spaRun.passes(todo, page -> {})).isTrue();
    // The list is rendered only after the click: the observer empties it then.
    assertCaught(
        spaRun, spa, todo, fault(FaultCatalog.LIST_EMPTY, Fault.How.DOM, "/#/todos", null, null));
    // Reached by a hash-route change from the home view, not by loading a document.
    GeneratedTest nav =
        test("spa-nav", go("/"), click(link("Go to your todos")), visible(heading("Todos")));
    assertThat(spaRun.passes(nav, page -> {})).isTrue();
    assertCaught(
        spaRun,
        spa,
        nav,
        fault(
            FaultCatalog.HEADING_CHANGED,
            Fault.How.DOM,
            "/#/todos",
            "Todos",
            FaultCatalog.CHANGED_TEXT));
  }

  static String page(FixtureServer site, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(site.url(path))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
