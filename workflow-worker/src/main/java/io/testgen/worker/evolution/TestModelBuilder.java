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

/**
 * Turns scenarios into tests of structured steps, in the analysis' ranking, through one generator
 * per scenario type. Every expectation comes from something Observation recorded or from a live run
 * of the scenario (drafted here, learned by {@link ScenarioLearner}); a scenario with neither is
 * skipped with the reason, never guessed.
 */
final class TestModelBuilder {
  private final ObservedApp app;
  private final FormSteps forms;
  private final List<ScenarioGenerator> generators;
  private List<TestStep> loginSteps;

  TestModelBuilder(io.testgen.common.agents.observation.ObservationResult observation) {
    this.app = new ObservedApp(observation);
    this.forms = new FormSteps(app);
    this.generators =
        List.of(
            new ProbeGenerator(app, forms),
            new RenderGenerator(app),
            new NavigationGenerator(app),
            new ActionGenerator(app),
            new RequiredFieldGenerator(app, forms),
            new InvalidValueGenerator(app, forms),
            new HappyPathGenerator(app, forms),
            new SearchGenerator(app, forms),
            new LoginGenerator(app, forms),
            new AccessibilityGenerator(app));
  }

  TestPlan build(RequirementsResult requirements, AnalysisResult analysis) {
    List<Scenario> scenarios = new ArrayList<>(ObservedApp.nullSafe(requirements.scenarios()));
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
    for (Scenario original : scenarios) {
      Scenario scenario = retitled(original, titles.of(original));
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

  private static Scenario retitled(Scenario s, String title) {
    return new Scenario(
        s.scenarioId(),
        title,
        s.given(),
        s.when(),
        s.then(),
        s.priority(),
        s.scenarioType(),
        s.tags(),
        s.testData(),
        s.evidence(),
        s.probe(),
        s.source());
  }

  private ScenarioGenerator generator(Scenario s) {
    if (s.scenarioId() == null) throw new ScenarioSkip("scenario has no id");
    return generators.stream()
        .filter(g -> g.handles(s))
        .findFirst()
        .orElseThrow(
            () -> new ScenarioSkip("no test generator for scenario type " + s.scenarioType()));
  }

  private LiveRun withLogin(Scenario s, LiveRun live) {
    return new LiveRun(
        live.expect(),
        live.form(),
        live.field(),
        live.data(),
        live.formPath(),
        data -> withLogin(s, live.actions(data)));
  }

  /**
   * When the crawl worked logged in, every test but the login tests first signs in the way the
   * crawl did, with credentials read from the environment.
   */
  private List<TestStep> withLogin(Scenario s, List<TestStep> steps) {
    if (!app.observation().loggedIn() || s.scenarioId().startsWith("REQ-LOGIN-")) return steps;
    if (loginSteps == null) loginSteps = loginSteps();
    if (loginSteps.isEmpty()) return steps;
    List<TestStep> all = new ArrayList<>(loginSteps);
    all.addAll(steps);
    return all;
  }

  private List<TestStep> loginSteps() {
    for (FormInfo form : app.forms()) {
      if (!"login".equals(form.purpose())) continue;
      for (FormSubmission sub : ObservedApp.nullSafe(form.submissions())) {
        if (!LoginGenerator.SUCCESS.contains(sub.kind())) continue;
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
