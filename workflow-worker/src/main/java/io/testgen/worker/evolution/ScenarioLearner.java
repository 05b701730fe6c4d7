package io.testgen.worker.evolution;

import static io.testgen.worker.evolution.OutcomeAssertions.messages;
import static io.testgen.worker.evolution.OutcomeAssertions.noServerError;
import static io.testgen.worker.evolution.OutcomeAssertions.rejection;
import static io.testgen.worker.evolution.OutcomeAssertions.scriptNotRun;
import static io.testgen.worker.evolution.OutcomeAssertions.texts;
import static io.testgen.worker.evolution.OutcomeAssertions.visible;
import static io.testgen.worker.evolution.OutcomeAssertions.withSteps;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs form scenarios that have no observed outcome live, each run starting from what a fresh
 * context holds (one {@link RunSession} the runs share, as a verification thread's do), reads what
 * the app did, and turns the stable part into assertions. A happy path the app rejects gets its
 * values adjusted from the app's own messages within a small budget; the rejection is kept as a
 * validation test of its own. Verification follows as for any test.
 */
final class ScenarioLearner {
  private static final int MAX_ADJUSTMENTS = 3;

  /** The tests learned and the scenarios that could not be, with the reason. */
  record Learned(List<GeneratedTest> tests, List<GeneratedTest> skipped) {}

  private static final Logger log = LoggerFactory.getLogger(ScenarioLearner.class);

  private final TestExecutor executor;

  /** Live runs performed so far (logged per scenario: where learning's time goes). */
  private int liveRuns;

  /**
   * The context and page {@link #learnAll}'s runs share, reset between runs to what a fresh context
   * holds, as verification's are ({@link RunSession}); set for the length of {@link #learnAll}.
   */
  private RunSession session;

  ScenarioLearner(TestExecutor executor) {
    this.executor = executor;
  }

  Learned learnAll(List<TestPlan.Pending> pending, IntConsumer onEach) {
    try (RunSession shared = executor.session(true)) {
      session = shared;
      return learnEach(pending, onEach);
    } finally {
      session = null;
    }
  }

  private Learned learnEach(List<TestPlan.Pending> pending, IntConsumer onEach) {
    List<GeneratedTest> tests = new ArrayList<>();
    List<GeneratedTest> skipped = new ArrayList<>();
    int done = 0;
    for (TestPlan.Pending p : pending) {
      long start = System.nanoTime();
      int runsBefore = liveRuns;
      String result = "learned";
      try {
        tests.addAll(learn(p.scenario(), p.run()));
      } catch (ScenarioSkip skip) {
        result = "skipped";
        skipped.add(TestModelBuilder.skipped(p.scenario(), skip.getMessage()));
      }
      log.info(
          "event=scenario_learned scenario_id={} type={} expect={} result={} live_runs={} millis={}",
          p.scenario().scenarioId(),
          p.scenario().scenarioType(),
          p.run().expect(),
          result,
          liveRuns - runsBefore,
          (System.nanoTime() - start) / 1_000_000);
      onEach.accept(++done);
    }
    return new Learned(tests, skipped);
  }

  private List<GeneratedTest> learn(Scenario s, LiveRun run) {
    Map<String, String> data = new LinkedHashMap<>(run.data());
    LiveOutcome outcome = perform(s, run, data);
    return switch (run.expect()) {
      case ACCEPT -> accepted(s, run, data, outcome);
      case REJECT ->
          List.of(
              TestModelBuilder.test(
                  s, withSteps(run.actions(data), rejection(run, run.field(), outcome))));
      case SCRIPT_NOT_RUN -> List.of(TestModelBuilder.test(s, scriptNotRun(run, data, outcome)));
      case NO_SERVER_ERROR -> List.of(TestModelBuilder.test(s, noServerError(run, data, outcome)));
      case ACTION ->
          List.of(
              TestModelBuilder.test(
                  s, OutcomeAssertions.acted(run, outcome, repeatedCounts(s, run, outcome))));
      case SIGNED_OUT ->
          List.of(
              TestModelBuilder.test(
                  s,
                  new SessionEnd(steps -> perform(s, steps))
                      .proven(run, OutcomeAssertions.signedOut(run, outcome))));
      case NEXT_PAGE -> List.of(TestModelBuilder.test(s, NextPage.assertions(run, outcome)));
      case DELETED -> {
        LiveOutcome created = adjusted(s, run, data, outcome, new ArrayList<>());
        yield List.of(new DeleteLearner(steps -> perform(s, steps)).learn(s, run, data, created));
      }
    };
  }

  /**
   * The counts an in-page action showed that a second live run, from a fresh context's state, shows
   * again ({@link OutcomeAssertions#counts}); none when the second run fails.
   */
  private List<String> repeatedCounts(Scenario s, LiveRun run, LiveOutcome first) {
    List<String> counts = OutcomeAssertions.counts(run, first);
    if (counts.isEmpty()) return List.of();
    try {
      LiveOutcome second = perform(s, run, new LinkedHashMap<>(run.data()));
      return counts.stream().filter(second.newTexts()::contains).toList();
    } catch (ScenarioSkip e) {
      return List.of();
    }
  }

  private LiveOutcome perform(Scenario s, LiveRun run, Map<String, String> data) {
    return perform(s, run.actions(data), run.expect() == LiveRun.Expect.NEXT_PAGE);
  }

  private LiveOutcome perform(Scenario s, List<TestStep> steps) {
    return perform(s, steps, false);
  }

  private LiveOutcome perform(Scenario s, List<TestStep> steps, boolean readsRows) {
    // the outcome of the last step that acts: expectations after it (a query link's address) run
    // too
    OutcomeReader reader = new OutcomeReader(Steps.lastAction(steps), readsRows);
    liveRuns++;
    GeneratedTest test = TestModelBuilder.test(s, steps);
    RunOutcome result = executor.run(session, test, null, null, reader);
    LiveOutcome outcome = reader.outcome(result);
    if (!outcome.passed())
      throw new ScenarioSkip(
          "the live run could not perform its actions: "
              + (result.failedStep() >= 0 && result.failedStep() < steps.size()
                  ? steps.get(result.failedStep()).description()
                      + " ("
                      + Steps.describe(steps.get(result.failedStep()))
                      + "): "
                  : "")
              + outcome.error());
    return outcome;
  }

  private List<GeneratedTest> accepted(
      Scenario s, LiveRun run, Map<String, String> data, LiveOutcome outcome) {
    List<GeneratedTest> tests = new ArrayList<>();
    boolean search =
        "get".equalsIgnoreCase(run.form().method()) || "search".equals(run.form().purpose());
    if (search)
      return List.of(
          new SearchLearner(steps -> perform(s, steps), MAX_ADJUSTMENTS)
              .learn(s, run, data, outcome));
    outcome = adjusted(s, run, data, outcome, tests);
    List<TestStep> expectations = new ArrayList<>();
    String path = ObservedApp.pathOnly(outcome.url());
    // A created record's id differs on every run: its path segment matches any number.
    if (path != null && !path.equals(run.formPath()))
      expectations.add(Steps.expectUrl(UrlPattern.withIds(path)));
    // A text naming this run's record says the app kept it; beside one, the rest of the page
    // (other records, a list's neighbours) changes with every other test and run: left out.
    List<String> shown = texts(outcome, false);
    boolean own = shown.stream().anyMatch(t -> t.contains(TestData.UNIQUE));
    shown.stream()
        .filter(t -> !own || t.contains(TestData.UNIQUE))
        .forEach(t -> expectations.add(visible(t)));
    OutcomeAssertions.echoes(run.form(), data, outcome).stream()
        .filter(e -> !expectations.contains(e))
        .forEach(expectations::add);
    if (expectations.isEmpty())
      throw new ScenarioSkip(
          "the submission changed nothing observable (still at "
              + path
              + ", new texts "
              + outcome.newTexts().stream().limit(3).toList()
              + ")");
    tests.add(0, TestModelBuilder.test(s, withSteps(run.actions(data), expectations)));
    return tests;
  }

  /**
   * A rejected submission tried again with values adjusted from the app's messages, the first
   * rejection kept in {@code rejections} as a validation test; {@code data} ends as the accepted
   * values. Throws {@link ScenarioSkip} when every value tried was rejected.
   */
  private LiveOutcome adjusted(
      Scenario s,
      LiveRun run,
      Map<String, String> data,
      LiveOutcome outcome,
      List<GeneratedTest> rejections) {
    int tries = 0;
    while (outcome.rejected() && tries++ < MAX_ADJUSTMENTS) {
      Optional<Adjustment> adjusted = adjust(run, data, outcome);
      if (adjusted.isEmpty()) break;
      Adjustment a = adjusted.get();
      if (tries == 1) rejectionTest(s, run, a.field(), data, outcome).ifPresent(rejections::add);
      data.put(a.field().name(), a.value());
      outcome = perform(s, run, data);
    }
    if (outcome.rejected())
      throw new ScenarioSkip(
          "data that cannot be synthesised: the app rejected every value tried ("
              + messages(outcome)
              + ")");
    return outcome;
  }

  /** The first rejection of a happy path, kept as the evidence of a validation test. */
  private Optional<GeneratedTest> rejectionTest(
      Scenario s, LiveRun run, FieldInfo field, Map<String, String> data, LiveOutcome outcome) {
    try {
      List<TestStep> steps = withSteps(run.actions(data), rejection(run, field, outcome));
      String label = field.label() != null ? field.label() : field.name();
      Scenario rejected =
          new Scenario(
              s.scenarioId() + "-REJECTS-" + field.name(),
              shorten(
                  s.title().replace(" accepts valid input", "")
                      + " rejects '"
                      + data.get(field.name())
                      + "' in '"
                      + label
                      + "'"),
              s.given(),
              s.when(),
              List.of("the field's message is shown"),
              "medium",
              "form_validation",
              s.tags(),
              Map.copyOf(data),
              s.evidence(),
              false,
              s.source());
      return Optional.of(TestModelBuilder.test(rejected, steps));
    } catch (ScenarioSkip skip) {
      return Optional.empty();
    }
  }

  private record Adjustment(FieldInfo field, String value) {}

  /** A new value for the first rejected field whose message tells how to fix it. */
  private static Optional<Adjustment> adjust(
      LiveRun run, Map<String, String> data, LiveOutcome outcome) {
    for (ValidationMessage m : outcome.messages()) {
      for (FieldInfo f : ObservedApp.nullSafe(run.form().fields())) {
        boolean named =
            m.field() != null && (m.field().equals(f.name()) || m.field().equals(f.elementId()));
        boolean mentioned =
            m.field() == null
                && f.label() != null
                && m.text() != null
                && m.text().toLowerCase().contains(f.label().toLowerCase());
        if (!named && !mentioned || f.name() == null) continue;
        String current = data.getOrDefault(f.name(), ValidValues.of(f));
        String next = ValueAdjuster.adjust(f, current, m.text());
        if (next != null) return Optional.of(new Adjustment(f, next));
      }
    }
    return Optional.empty();
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
