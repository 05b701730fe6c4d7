package io.testgen.worker.evolution;

import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestFailure;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns scenarios into tests of structured steps, in the analysis' ranking, through one generator
 * per scenario type. Every expectation comes from something Observation recorded or from a live run
 * of the scenario (drafted here, learned by {@link ScenarioLearner}); a scenario with neither is
 * skipped with the reason, never guessed.
 */
final class TestModelBuilder {
  private final ObservedApp app;
  private final FormSteps forms;
  private final List<Route> routes;
  private List<TestStep> loginSteps;

  /** The ids of the app's login forms, read once. */
  private Set<String> loginForms;

  TestModelBuilder(io.testgen.common.agents.observation.ObservationResult observation) {
    this(observation, false);
  }

  /**
   * @param allowDestructive the run allows tests to submit forms that delete, manage accounts or
   *     roles, pay or send ({@link FormSteps})
   */
  TestModelBuilder(
      io.testgen.common.agents.observation.ObservationResult observation,
      boolean allowDestructive) {
    this.app = new ObservedApp(observation);
    this.forms = new FormSteps(app, allowDestructive);
    FormScenarioDrafts formDrafts = new FormScenarioDrafts(app, forms);
    PageScenarioDrafts pageDrafts = new PageScenarioDrafts(app);
    // The first route whose scenarios include this one drafts its test.
    this.routes =
        List.of(
            new Route(Scenario::probe, formDrafts::probe),
            new Route(idStarts("REQ-RENDER-"), pageDrafts::render),
            new Route(idStarts("REQ-NAV-"), pageDrafts::navigation),
            new Route(idStarts("REQ-QUERY-"), pageDrafts::queryLink),
            new Route(idStarts("REQ-ACT-"), new ActionGenerator(app)),
            new Route(formIdHas("-REQUIRED-"), formDrafts::requiredField),
            new Route(formIdHas("-INVALID-"), formDrafts::invalidValue),
            new Route(
                s ->
                    isFormId(s) && s.scenarioId().endsWith("-HAPPY")
                        || s.scenarioId().equals("REQ-GOAL"),
                formDrafts::happyPath),
            new Route(idStarts("REQ-SEARCH-"), formDrafts::search),
            new Route(idStarts("REQ-LOGIN-"), formDrafts::login),
            new Route(idStarts("REQ-LOGOUT-LINK-"), new LogoutLinkDrafts(app)),
            new Route(idStarts("REQ-LOGOUT-"), formDrafts::logout),
            new Route(idStarts("REQ-DELETE-"), new DeleteDrafts(app, forms)),
            new Route(idStarts("REQ-A11Y-"), pageDrafts::accessibility));
  }

  /** Scenarios one generator drafts. */
  private record Route(Predicate<Scenario> includes, ScenarioGenerator generator) {}

  private static Predicate<Scenario> idStarts(String prefix) {
    return s -> s.scenarioId().startsWith(prefix);
  }

  private static Predicate<Scenario> formIdHas(String marker) {
    return s -> isFormId(s) && s.scenarioId().contains(marker);
  }

  private static boolean isFormId(Scenario s) {
    return s.scenarioId().startsWith("REQ-FORM-");
  }

  TestPlan build(RequirementsResult requirements, AnalysisResult analysis) {
    List<Scenario> scenarios = new ArrayList<>(ObservedApp.nullSafe(requirements.scenarios()));
    app.planned(scenarios);
    if (analysis != null && analysis.ranking() != null && !analysis.ranking().isEmpty()) {
      List<String> ranking = analysis.ranking();
      scenarios.sort(
          Comparator.comparingInt(
              s -> {
                int at = ranking.indexOf(s.scenarioId());
                return at < 0 ? Integer.MAX_VALUE : at;
              }));
    }
    List<GeneratedTest> candidates = new ArrayList<>();
    List<GeneratedTest> skipped = new ArrayList<>();
    List<TestPlan.Pending> pending = new ArrayList<>();
    TestTitles titles = new TestTitles(app);
    // the smoke set is what CI runs on every commit: its tests carry the critical tag
    java.util.Set<String> smoke =
        analysis == null || analysis.strategy() == null
            ? java.util.Set.of()
            : java.util.Set.copyOf(ObservedApp.nullSafe(analysis.strategy().smokeSet()));
    for (Scenario original : scenarios) {
      Scenario scenario =
          retitled(
              original,
              titles.of(original),
              smoke.contains(original.scenarioId())
                  ? io.testgen.common.agents.requirements.ScenarioVocabulary.CRITICAL
                  : original.priority());
      try {
        TestDraft draft = generator(scenario).draft(scenario);
        if (draft.live() != null)
          pending.add(new TestPlan.Pending(scenario, withLogin(scenario, draft.live())));
        else candidates.add(test(scenario, withLogin(scenario, draft.steps())));
      } catch (ScenarioSkip skip) {
        skipped.add(skipped(scenario, skip.getMessage()));
      }
    }
    return new TestPlan(
        candidates, skipped, pending, scenarios.stream().map(Scenario::scenarioId).toList());
  }

  private static Scenario retitled(Scenario s, String title, String priority) {
    return new Scenario(
        s.scenarioId(),
        title,
        s.given(),
        s.when(),
        s.then(),
        priority,
        s.scenarioType(),
        s.tags(),
        s.testData(),
        s.evidence(),
        s.probe(),
        s.source());
  }

  private ScenarioGenerator generator(Scenario s) {
    if (s.scenarioId() == null) throw new ScenarioSkip("scenario has no id");
    return routes.stream()
        .filter(route -> route.includes().test(s))
        .map(Route::generator)
        .findFirst()
        .orElseThrow(
            () -> new ScenarioSkip("no test generator for scenario type " + s.scenarioType()));
  }

  private LiveRun withLogin(Scenario s, LiveRun live) {
    return live.around(actions -> withLogin(s, actions));
  }

  /**
   * When the crawl worked logged in, every test but the login tests first signs in the way the
   * crawl did, with credentials read from the environment. Tests of the login form and of the page
   * that holds it run signed out: signed in, an app sends its login page elsewhere.
   */
  private List<TestStep> withLogin(Scenario s, List<TestStep> steps) {
    if (!app.observation().loggedIn() || s.scenarioId().startsWith("REQ-LOGIN-") || aboutLogin(s))
      return steps;
    if (loginSteps == null) loginSteps = loginSteps();
    if (loginSteps.isEmpty()) return steps;
    List<TestStep> all = new ArrayList<>(loginSteps);
    all.addAll(steps);
    return all;
  }

  /** Whether the scenario is about a login form or a page the crawl saw holding one. */
  private boolean aboutLogin(Scenario s) {
    if (loginForms == null)
      loginForms =
          app.forms().stream()
              .filter(f -> "login".equals(f.purpose()))
              .map(FormInfo::formId)
              .collect(Collectors.toSet());
    if (loginForms.isEmpty()) return false;
    if (ObservedApp.evidence(s, ObservedApp.Evidence.FORMS).stream().anyMatch(loginForms::contains))
      return true;
    return ObservedApp.evidence(s, ObservedApp.Evidence.STATES).stream()
        .map(app::findState)
        .flatMap(Optional::stream)
        .anyMatch(st -> ObservedApp.nullSafe(st.formIds()).stream().anyMatch(loginForms::contains));
  }

  private List<TestStep> loginSteps() {
    for (FormInfo form : app.forms()) {
      if (!"login".equals(form.purpose())) continue;
      for (FormSubmission sub : ObservedApp.nullSafe(form.submissions())) {
        if (!FormScenarioDrafts.LOGIN_SUCCESS.contains(sub.kind())) continue;
        try {
          List<TestStep> steps = new ArrayList<>(forms.fill(Map.of(), form, null, null));
          steps.add(FormSteps.submit(form));
          String path = ObservedApp.pathOnly(sub.resultUrl());
          if (sub.urlChanged() && path != null) steps.add(Steps.expectUrl(path));
          return steps;
        } catch (ScenarioSkip skip) {
          return List.of();
        }
      }
    }
    return List.of();
  }

  static GeneratedTest test(Scenario s, List<TestStep> steps) {
    return new GeneratedTest(
        s.scenarioId(),
        s.scenarioId(),
        s.title(),
        s.priority(),
        steps,
        "candidate",
        0,
        0,
        0,
        List.of(),
        null);
  }

  static GeneratedTest skipped(Scenario s, String reason) {
    return new GeneratedTest(
        s.scenarioId(),
        s.scenarioId(),
        s.title(),
        s.priority(),
        List.of(),
        "skipped",
        0,
        0,
        0,
        List.of(),
        new TestFailure(-1, null, reason, null));
  }

  static String pathOnly(String url) {
    return ObservedApp.pathOnly(url);
  }

  /** What a goto opens: path, query and a hash route, relative to the origin. */
  static String pathWithQuery(String url) {
    return ObservedApp.pathWithQuery(url);
  }
}
