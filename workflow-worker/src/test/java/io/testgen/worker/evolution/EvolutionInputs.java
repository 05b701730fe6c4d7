package io.testgen.worker.evolution;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.EvolutionRequest;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.security.LoginCredentials;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
import java.util.List;
import java.util.Map;

/**
 * Observation and Requirements results written by hand, describing the evolution fixture sites as a
 * crawl would have seen them.
 */
final class EvolutionInputs {
  private EvolutionInputs() {}

  static final AccessibilityFacts GOOD_A11Y =
      new AccessibilityFacts(1, true, List.of(), List.of(), 0, true);

  static StateInfo state(
      String id,
      String url,
      String title,
      String h1,
      List<ElementInfo> links,
      List<String> formIds) {
    return StateInfoBuilder.state(id, url)
        .title(title)
        .h1(h1)
        .links(links)
        .formIds(formIds)
        .instanceUrls(List.of(url))
        .accessibility(GOOD_A11Y)
        .build();
  }

  static ElementInfo link(String id, String name, String href, Locator... locators) {
    return new ElementInfo(id, "link", "a", "link", name, name, href, List.of(locators));
  }

  static ElementInfo button(String id, String name, Locator... locators) {
    return new ElementInfo(id, "button", "button", "button", name, name, null, List.of(locators));
  }

  static FieldInfo field(
      String name, String type, String label, boolean required, Locator... locators) {
    return new FieldInfo(
        "field-" + name,
        name,
        type,
        label,
        required,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(locators));
  }

  static Locator label(String label) {
    return new Locator("label", label, null, true);
  }

  static Scenario scenario(
      String id,
      String type,
      String priority,
      Map<String, String> data,
      List<String> states,
      List<String> forms,
      List<String> elements) {
    return new Scenario(
        id,
        "Scenario " + id,
        List.of(),
        List.of(),
        List.of(),
        priority,
        type,
        List.of(),
        data,
        new Evidence(states, forms, elements),
        false,
        "rules");
  }

  static ObservationResult observation(String base, List<StateInfo> states, List<FormInfo> forms) {
    return Observations.of(base + "/", states, List.of(), forms);
  }

  static EvolutionRequest request(
      String wf,
      String base,
      ObservationResult obs,
      List<Scenario> scenarios,
      String baselineWf,
      int verifyRuns) {
    return inline(
        wf,
        base + "/",
        obs,
        new RequirementsResult(scenarios, null, null),
        null,
        null,
        baselineWf,
        5,
        verifyRuns,
        0); // mutation analysis off: these tests are about verification (see the mutation tests)
  }

  /**
   * A request with its inputs inline (no stored refs, no HTTP credentials); the baseline, if any,
   * is that run's stored model.
   */
  static EvolutionRequest inline(
      String wf,
      String url,
      ObservationResult obs,
      RequirementsResult requirements,
      AnalysisResult analysis,
      LoginCredentials login,
      String baselineWf,
      int maxIterations,
      int verifyRuns,
      Integer mutationBudgetSeconds) {
    return inline(
        false,
        wf,
        url,
        obs,
        requirements,
        analysis,
        login,
        baselineWf,
        maxIterations,
        verifyRuns,
        mutationBudgetSeconds);
  }

  /** As the other, for a run that allows destructive actions when {@code allowDestructive}. */
  static EvolutionRequest inline(
      boolean allowDestructive,
      String wf,
      String url,
      ObservationResult obs,
      RequirementsResult requirements,
      AnalysisResult analysis,
      LoginCredentials login,
      String baselineWf,
      int maxIterations,
      int verifyRuns,
      Integer mutationBudgetSeconds) {
    return new EvolutionRequest(
        wf,
        url,
        obs,
        requirements,
        analysis,
        login,
        null,
        baselineWf,
        baselineWf == null ? null : SuiteEvolution.modelRef(baselineWf),
        maxIterations,
        verifyRuns,
        mutationBudgetSeconds,
        null,
        null,
        null,
        allowDestructive);
  }

  /**
   * The login site's request: its scenarios, signing in as ada with {@code password}, each test
   * verified once, mutation analysis at its default.
   */
  static EvolutionRequest loginRequest(String wf, String base, String password) {
    return inline(
        wf,
        base + "/",
        loginObservation(base),
        new RequirementsResult(loginScenarios(), null, null),
        null,
        new LoginCredentials("ada", password, base + "/login"),
        null,
        5,
        1,
        null);
  }

  // --- NotesSite -------------------------------------------------------------------------

  static ObservationResult notesObservation(String b) {
    StateInfo home =
        state(
            "home",
            b + "/",
            "Home · Notes",
            "Notes app",
            List.of(
                link(
                    "link-notes",
                    "All notes",
                    b + "/notes",
                    Locator.role("link", "All notes", true),
                    Locator.css("a[href=\"/notes\"]", true))),
            List.of("search"));
    StateInfo notes =
        state("notes", b + "/notes", "Notes · Notes", "Notes", List.of(), List.of("note"));
    StateInfo results =
        state(
            "search-results",
            b + "/search?q=Groceries",
            "Search · Notes",
            "Search results",
            List.of(),
            List.of());
    StateInfo stats =
        state("stats", b + "/stats", "Stats · Notes", "Visitors: 1", List.of(), List.of());
    FormInfo note =
        new FormInfo(
            "note",
            "notes",
            b + "/notes",
            "post",
            "create",
            List.of(
                field("title", "text", "Title", true, label("Title"), Locator.css("#title", true)),
                field(
                    "body", "textarea", "Body", false, label("Body"), Locator.css("#body", true))),
            button(
                "btn-add",
                "Add note",
                Locator.role("button", "Add note", true),
                Locator.css("#add", true)),
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("title", "Sample note"),
                    b + "/notes?created=1",
                    true,
                    "notes",
                    200,
                    List.of(),
                    List.of("Note added", "Sample note")),
                new FormSubmission(
                    "empty_required",
                    Map.of(),
                    b + "/notes",
                    false,
                    "notes",
                    200,
                    List.of(new ValidationMessage("title", "Title is required", "page")),
                    List.of())));
    FormInfo search =
        new FormInfo(
            "search",
            "home",
            b + "/search",
            "get",
            "search",
            List.of(
                field(
                    "q",
                    "search",
                    "Search notes",
                    false,
                    label("Search notes"),
                    Locator.css("#q", true))),
            button(
                "btn-search",
                "Search",
                Locator.role("button", "Search", true),
                Locator.css("#search-btn", true)),
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("q", "Groceries"),
                    b + "/search?q=Groceries",
                    true,
                    "search-results",
                    200,
                    List.of(),
                    List.of("Found 1 note")),
                new FormSubmission(
                    "valid",
                    Map.of("q", "zzzz"),
                    b + "/search?q=zzzz",
                    true,
                    "search-results",
                    200,
                    List.of(),
                    List.of("No notes match"))));
    return observation(b, List.of(home, notes, results, stats), List.of(note, search));
  }

  static List<Scenario> notesScenarios() {
    return List.of(
        scenario(
            "REQ-FORM-note-HAPPY",
            "functional",
            "critical",
            Map.of("title", "Note {{unique}}", "body", "Remember the milk"),
            List.of("notes"),
            List.of("note"),
            List.of()),
        scenario(
            "REQ-FORM-note-REQUIRED-title",
            "form_validation",
            "high",
            Map.of("body", "No title"),
            List.of("notes"),
            List.of("note"),
            List.of()),
        scenario(
            "REQ-SEARCH-search-HIT",
            "functional",
            "high",
            Map.of("q", "Groceries"),
            List.of("home"),
            List.of("search"),
            List.of()),
        scenario(
            "REQ-SEARCH-search-MISS",
            "negative",
            "medium",
            Map.of("q", "zzzz"),
            List.of("home"),
            List.of("search"),
            List.of()),
        scenario(
            "REQ-NAV-home-notes",
            "navigation",
            "medium",
            Map.of(),
            List.of("home", "notes"),
            List.of(),
            List.of("link-notes")),
        render("home", "high"),
        render("stats", "low"),
        scenario(
            "REQ-A11Y-home",
            "accessibility",
            "medium",
            Map.of(),
            List.of("home"),
            List.of(),
            List.of()),
        new Scenario(
            "REQ-SEC-note-XSS",
            "Script in a note title is not executed",
            List.of(),
            List.of(),
            List.of(),
            "high",
            "security",
            List.of(),
            Map.of("title", "<script>alert(1)</script>"),
            new Evidence(List.of("notes"), List.of("note"), List.of()),
            true,
            "rules"));
  }

  /** A probe of the note form's title with 5000 characters (kept small as a placeholder). */
  static Scenario overlongProbe() {
    return new Scenario(
        "REQ-PROBE-note-OVERLONG",
        "Probe: overlong 'Title' is handled",
        List.of(),
        List.of(),
        List.of(),
        "medium",
        "security",
        List.of("probe", "overlong"),
        Map.of("title", "{{repeat:x:5000}}", "body", "Long title"),
        new Evidence(List.of("notes"), List.of("note"), List.of()),
        true,
        "rules");
  }

  // --- ChangingSite ----------------------------------------------------------------------

  /** What a crawl of v1 or v2 sees; the settings button's locators are those of that version. */
  static ObservationResult changingObservation(String b, String version) {
    boolean v2 = version.equals("v2");
    ElementInfo settingsLink =
        link("link-settings", "Settings", b + "/settings", Locator.role("link", "Settings", true));
    ElementInfo other =
        v2
            ? link("link-help", "Help", b + "/help", Locator.role("link", "Help", true))
            : link("link-legacy", "Legacy", b + "/legacy", Locator.role("link", "Legacy", true));
    StateInfo home =
        state(
            "home", b + "/", "Home · Changing", "Welcome", List.of(settingsLink, other), List.of());
    StateInfo settings =
        state(
            "settings",
            b + "/settings",
            "Settings · Changing",
            "Settings",
            List.of(),
            List.of("settings"));
    StateInfo saved =
        state(
            "saved",
            b + "/settings/saved",
            "Saved · Changing",
            "Settings saved",
            List.of(),
            List.of());
    StateInfo extra =
        v2
            ? state("help", b + "/help", "Help · Changing", "Help", List.of(), List.of())
            : state(
                "legacy", b + "/legacy", "Legacy · Changing", "Legacy page", List.of(), List.of());
    ElementInfo save =
        v2
            ? button(
                "btn-save",
                "Save changes",
                Locator.css("#apply-settings", true),
                Locator.css(".primary-action", true),
                Locator.role("button", "Save changes", true))
            : button(
                "btn-save",
                "Save",
                Locator.css("#save-btn", true),
                Locator.css(".btn-save", true),
                Locator.role("button", "Save", true));
    FormInfo form =
        new FormInfo(
            "settings",
            "settings",
            b + "/settings",
            "post",
            "generic",
            List.of(
                field(
                    "name",
                    "text",
                    "Display name",
                    false,
                    label("Display name"),
                    Locator.css("#display-name", true))),
            save,
            List.of(
                new FormSubmission(
                    "valid",
                    Map.of("name", "Ada"),
                    b + "/settings/saved",
                    true,
                    "saved",
                    200,
                    List.of(),
                    List.of("Settings saved"))));
    StateInfo profile =
        state(
            "profile",
            b + "/profile",
            "Profile · Changing",
            v2 ? "Your profile" : "Profile",
            List.of(),
            List.of());
    return observation(b, List.of(home, settings, saved, extra, profile), List.of(form));
  }

  static List<Scenario> changingScenarios(String version) {
    String extra = version.equals("v2") ? "help" : "legacy";
    return List.of(
        render("home", "high"),
        scenario(
            "REQ-FORM-settings-HAPPY",
            "functional",
            "critical",
            Map.of("name", "Ada {{unique}}"),
            List.of("settings"),
            List.of("settings"),
            List.of()),
        render(extra, "low"),
        render("profile", "medium"));
  }

  /** REQ-RENDER-{stateId}: the state shows its title and heading. */
  static Scenario render(String stateId, String priority) {
    return scenario(
        "REQ-RENDER-" + stateId,
        "functional",
        priority,
        Map.of(),
        List.of(stateId),
        List.of(),
        List.of());
  }

  // --- FlakySite -------------------------------------------------------------------------

  static ObservationResult flakyObservation(String b) {
    StateInfo deals =
        state("deals", b + "/deals", "Deals · Flaky", "Today's deals", List.of(), List.of());
    StateInfo about =
        state("about", b + "/about", "About · Flaky", "About the shop", List.of(), List.of());
    return observation(b, List.of(deals, about), List.of());
  }

  /** Evolution of FlakySite's two render scenarios. */
  static EvolutionRequest flakyRequest(String workflowId, String b, int verifyRuns) {
    return request(workflowId, b, flakyObservation(b), flakyScenarios(), null, verifyRuns);
  }

  static List<Scenario> flakyScenarios() {
    return List.of(render("deals", "high"), render("about", "low"));
  }

  // --- LoginSite -------------------------------------------------------------------------

  static ObservationResult loginObservation(String b) {
    StateInfo login =
        state("login", b + "/login", "Sign in · Login", "Sign in", List.of(), List.of("login"));
    StateInfo dashboard =
        state(
            "dashboard", b + "/dashboard", "Dashboard · Login", "Dashboard", List.of(), List.of());
    FormInfo form =
        new FormInfo(
            "login",
            "login",
            b + "/login",
            "post",
            "login",
            List.of(
                field(
                    "username",
                    "text",
                    "Username",
                    true,
                    label("Username"),
                    Locator.css("#username", true)),
                field(
                    "password",
                    "password",
                    "Password",
                    true,
                    label("Password"),
                    Locator.css("#password", true))),
            button("btn-sign-in", "Sign in", Locator.role("button", "Sign in", true)),
            List.of(
                // the crawl's own sign-in: values are never recorded for credentials
                new FormSubmission(
                    "login",
                    Map.of(),
                    b + "/dashboard",
                    true,
                    "dashboard",
                    200,
                    List.of(),
                    List.of("Welcome back.")),
                new FormSubmission(
                    "invalid",
                    Map.of("username", "nobody", "password", "wrong-password"),
                    b + "/login",
                    false,
                    "login",
                    200,
                    List.of(new ValidationMessage(null, "Invalid username or password", "page")),
                    List.of())));
    return new ObservationResult(
        b + "/login",
        "login",
        List.of(login, dashboard),
        List.of(),
        List.of(form),
        List.of(),
        null,
        true,
        null);
  }

  static List<Scenario> loginScenarios() {
    return List.of(
        scenario(
            "REQ-LOGIN-SUCCESS",
            "functional",
            "critical",
            Map.of("username", "${TESTGEN_USERNAME}", "password", "${TESTGEN_PASSWORD}"),
            List.of("login"),
            List.of("login"),
            List.of()),
        scenario(
            "REQ-LOGIN-FAILURE",
            "negative",
            "high",
            Map.of("username", "nobody", "password", "wrong-password"),
            List.of("login"),
            List.of("login"),
            List.of()),
        render("dashboard", "high"));
  }
}
