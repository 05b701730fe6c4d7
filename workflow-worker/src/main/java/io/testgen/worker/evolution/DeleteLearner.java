package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Learns a delete round trip live, once its record is created with accepted values: opens the
 * record, uses its delete control, confirms where the app asks (a confirmation page about this very
 * record with one confirming button), and asserts where the app went, its message naming this run's
 * record, and that no link names the record any more.
 */
final class DeleteLearner {
  private static final Pattern CONFIRMS =
      Pattern.compile("(?i)\\b(yes|delete|remove|destroy|confirm|sure|ok)\\b");
  private static final Pattern DECLINES =
      Pattern.compile("(?i)\\b(no|cancel|back|keep|log ?out|sign ?out)\\b");

  private final Function<List<TestStep>, LiveOutcome> perform;

  /**
   * @param perform runs steps live and reads the outcome of the last one
   */
  DeleteLearner(Function<List<TestStep>, LiveOutcome> perform) {
    this.perform = perform;
  }

  GeneratedTest learn(Scenario s, LiveRun run, Map<String, String> data, LiveOutcome created) {
    List<String> shown = new ArrayList<>(created.newTexts());
    created.messages().forEach(m -> shown.add(m.text()));
    String name =
        DeleteRoundTrip.recordName(data, shown)
            .orElseThrow(
                () ->
                    new ScenarioSkip(
                        "the created record could not be told apart: no value typed with this"
                            + " run's unique token was shown after creating it"));
    List<TestStep> steps = new ArrayList<>(run.actions(data));
    steps.addAll(run.deletion().after(ObservedApp.pathOnly(created.url()), name));
    LiveOutcome gone = perform.apply(steps);
    Optional<String> confirm = confirmation(gone, name);
    if (confirm.isPresent()) {
      steps.add(
          Steps.click(
              List.of(Locator.role("button", confirm.get(), true)), "'" + confirm.get() + "'"));
      gone = perform.apply(steps);
    }
    String path = UrlPattern.withIds(ObservedApp.pathOnly(gone.url()));
    List<TestStep> expectations = new ArrayList<>();
    // Only a text naming this run's record: the rest of a list changes with every other test.
    OutcomeAssertions.texts(gone, false).stream()
        .filter(t -> t.contains(TestData.UNIQUE))
        .limit(1)
        .forEach(t -> expectations.add(OutcomeAssertions.visible(t)));
    if (expectations.isEmpty() && confirm.isEmpty() && run.deletion().recordPage().equals(path))
      throw new ScenarioSkip(
          "deleting the record changed nothing observable (still at " + path + ")");
    if (path != null) expectations.add(0, Steps.expectUrl(path));
    expectations.add(
        Steps.expectCount(List.of(DeleteRoundTrip.recordLink(name)), 0, "link '" + name + "'"));
    return TestModelBuilder.test(s, OutcomeAssertions.withSteps(steps, expectations));
  }

  /**
   * The button that confirms, when the page the delete control led to asks about this record (a new
   * text names it) and offers exactly one confirming submit.
   */
  private static Optional<String> confirmation(LiveOutcome page, String name) {
    if (page.newTexts().stream().noneMatch(t -> t.contains(name))) return Optional.empty();
    List<String> confirming =
        page.submits().stream()
            .filter(t -> CONFIRMS.matcher(t).find() && !DECLINES.matcher(t).find())
            .distinct()
            .toList();
    return confirming.size() == 1 ? Optional.of(confirming.get(0)) : Optional.empty();
  }
}
