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
  static FaultedSite notes;
  static FaultedSite spa;

  @BeforeAll
  static void start() {
    notes = started(NotesSite.install(FixtureServer.start()));
    spa = started(SpaSite.install(FixtureServer.start()));
  }

  static FaultedSite started(FixtureServer site) {
    return new FaultedSite(
        site, MutationRuns.testRun(pool, site.baseUrl(), EvolutionSettings.defaults()));
  }

  @AfterAll
  static void stop() {
    pool.releaseThread();
    notes.site().close();
    spa.site().close();
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
    notes.site().clearRequests();
    assertThat(notes.passes(original)).isTrue();
    List<String> unmutated = notes.log();
    notes.site().clearRequests();
    AtomicBoolean applied = new AtomicBoolean();
    notes.assertCaught(original, f);
    assertThat(notes.log()).isEqualTo(unmutated).containsExactly("GET /notes");
    assertThat(notes.passesUnder(changed, f, applied)).isTrue();
  }

  @Test
  void linkRemovedFromTheDomAndOnlyTheFirstPageRequested() {
    GeneratedTest nav = test("nav", go("/"), click(link("All notes")), url("/notes"));
    notes.site().clearRequests();
    AtomicBoolean applied = new AtomicBoolean();
    notes.assertCaught(
        nav, fault(FaultCatalog.LINK_MISSING, Fault.How.DOM, "/", "All notes", null));
    assertThat(notes.log()).containsExactly("GET /");
    // On another page the same link is left alone.
    Fault elsewhere = fault(FaultCatalog.LINK_MISSING, Fault.How.DOM, "/stats", "All notes", null);
    assertThat(notes.passesUnder(nav, elsewhere, applied)).isTrue();
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
    notes.site().clearRequests();
    notes.assertCaught(add, fault(FaultCatalog.POST_500, Fault.How.POST, "/notes", null, null));
    assertThat(notes.log()).containsExactly("GET /notes");
    assertThat(notes.page("/notes")).doesNotContain("Fault probe");
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
    notes.site().clearRequests();
    notes.assertCaught(add, onAddNote(FaultCatalog.CLICK_SWALLOWED));
    assertThat(notes.log()).containsExactly("GET /notes");
    notes.assertCaught(add, onAddNote(FaultCatalog.BUTTON_DISABLED));
  }

  /** A DOM fault of {@code kind} on the notes page's "Add note" button. */
  static Fault onAddNote(String kind) {
    return fault(kind, Fault.How.DOM, "/notes", "Add note", null);
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
    notes.site().clearRequests();
    notes.assertCaught(
        add, fault(FaultCatalog.POST_WRONG_REDIRECT, Fault.How.POST, "/notes", null, "/stats"));
    // The app saved the note as usual; the browser was sent to the wrong page.
    assertThat(notes.log()).containsExactly("GET /notes", "POST /notes", "GET /stats");
    assertThat(notes.page("/notes")).contains("Redirected ");
    notes.assertCaught(
        add, fault(FaultCatalog.SUCCESS_MISSING, Fault.How.DOM, null, "Note added", null));
    GeneratedTest empty =
        test(
            "add-empty",
            go("/notes"),
            click(button("Add note")),
            text(css("[role=alert]"), "Title is required"));
    assertThat(notes.passes(empty)).isTrue();
    notes.assertCaught(
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
    assertThat(spa.passes(todo)).isTrue();
    // The list is rendered only after the click: the observer empties it then.
    spa.assertCaught(todo, fault(FaultCatalog.LIST_EMPTY, Fault.How.DOM, "/#/todos", null, null));
    // Reached by a hash-route change from the home view, not by loading a document.
    GeneratedTest nav =
        test("spa-nav", go("/"), click(link("Go to your todos")), visible(heading("Todos")));
    assertThat(spa.passes(nav)).isTrue();
    spa.assertCaught(
        nav,
        fault(
            FaultCatalog.HEADING_CHANGED,
            Fault.How.DOM,
            "/#/todos",
            "Todos",
            FaultCatalog.CHANGED_TEXT));
  }
}
