package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a live run of a scenario showed into the steps that assert it: the app's rejection, a
 * typed script that did not run, a submit without a server error, and the new texts worth checking.
 * Throws {@link ScenarioSkip} where the outcome cannot become a test.
 */
final class OutcomeAssertions {
  private static final int MAX_TEXTS = 2;
  private static final int MAX_ECHOES = 4;

  /** Field types whose value a page does not show as typed. */
  private static final java.util.Set<String> UNECHOED =
      java.util.Set.of("password", "hidden", "checkbox", "radio", "select", "file", "color");

  private OutcomeAssertions() {}

  /** The app rejected: the field's message shows (or the field is invalid), on the form's page. */
  static List<TestStep> rejection(LiveRun run, FieldInfo field, LiveOutcome outcome) {
    List<TestStep> steps = new ArrayList<>();
    List<ValidationMessage> mine =
        outcome.messages().stream()
            .filter(
                m ->
                    m.field() != null
                        && (m.field().equals(field.name()) || m.field().equals(field.elementId())))
            .toList();
    Optional<ValidationMessage> page =
        mine.stream()
            .filter(m -> "page".equals(m.source()))
            .findFirst()
            .or(
                () ->
                    outcome.messages().stream()
                        .filter(m -> m.field() == null && "page".equals(m.source()))
                        .findFirst());
    if (page.isPresent()) steps.add(visible(page.get().text()));
    else if (mine.stream().anyMatch(m -> "native".equals(m.source())) && field.name() != null)
      steps.add(
          Steps.expectCount(
              List.of(Locator.css("[name=\"" + field.name() + "\"]:invalid", false)),
              1,
              "invalid field " + field.name()));
    else
      throw new ScenarioSkip(
          "the app accepted the value of '"
              + (field.label() != null ? field.label() : field.name())
              + "' without a message: reported as a finding, no rejection to assert");
    String path = ObservedApp.pathOnly(outcome.url());
    if (path != null && path.equals(run.formPath())) steps.add(Steps.expectUrl(path));
    return steps;
  }

  static List<TestStep> scriptNotRun(LiveRun run, Map<String, String> data, LiveOutcome outcome) {
    String label = run.field().label() != null ? run.field().label() : run.field().name();
    if (outcome.scriptRan())
      throw new ScenarioSkip(
          "security finding: the script typed into '"
              + label
              + "' ran; reported, not shipped as a failing test");
    List<TestStep> steps = new ArrayList<>(run.actions(data));
    String payload = data.get(run.field().name());
    String path = ObservedApp.pathOnly(outcome.url());
    if (path != null) steps.add(Steps.expectUrl(path));
    // Wait for the answer to the submit before checking: its echo, a new text or a message.
    if (payload != null && outcome.newTexts().stream().anyMatch(t -> t.contains(payload)))
      steps.add(visible(payload));
    else if (!outcome.messages().isEmpty() && "page".equals(outcome.messages().get(0).source()))
      steps.add(visible(outcome.messages().get(0).text()));
    else texts(outcome, false).stream().findFirst().ifPresent(t -> steps.add(visible(t)));
    steps.add(Steps.expectNotExecuted(OutcomeReader.PROBE_GLOBAL));
    return steps;
  }

  static List<TestStep> noServerError(LiveRun run, Map<String, String> data, LiveOutcome outcome) {
    String label = run.field().label() != null ? run.field().label() : run.field().name();
    if (outcome.status() != null && outcome.status() >= 500)
      throw new ScenarioSkip(
          "security finding: overlong '"
              + label
              + "' was answered with HTTP "
              + outcome.status()
              + "; reported, not shipped as a failing test");
    List<TestStep> steps = new ArrayList<>(run.actions(data));
    TestStep submit = steps.get(steps.size() - 1);
    if (outcome.status() != null && StepAction.CLICK.wireName().equals(submit.action())) {
      steps.set(
          steps.size() - 1,
          Steps.clickExpectOk(submit.locators(), submit.description().substring(6)));
    } else if (Steps.usesElement(submit)) {
      // No page load: the form is still there and usable.
      steps.add(Steps.expectVisible(submit.locators(), "the form's control"));
    }
    String path = ObservedApp.pathOnly(outcome.url());
    if (path != null) steps.add(Steps.expectUrl(path));
    return steps;
  }

  /**
   * An in-page action: the page it leads to (when it moved), the texts it showed and the texts it
   * took away (a deleted item, a cleared list).
   */
  static List<TestStep> acted(LiveRun run, LiveOutcome outcome, List<String> repeatedCounts) {
    List<TestStep> expectations = new ArrayList<>();
    // a hash route's filter ("#/active" to "#/") moves nowhere else: its route is what changed
    String path = ObservedApp.pathAndRoute(outcome.url());
    if (path != null && !path.equals(run.formPath()))
      expectations.add(Steps.expectUrl(UrlPattern.withIds(path)));
    List<String> shown = new ArrayList<>(texts(outcome, false));
    WholeWords exploration = WholeWords.of(run.notAsserted());
    shown.removeIf(exploration::inside);
    repeatedCounts.stream()
        .filter(c -> shown.stream().noneMatch(t -> t.contains(c) || c.contains(t)))
        .limit(1)
        .forEach(shown::add);
    List<TestStep> actions = run.actions(Map.of());
    // what the test typed itself (the item it made) says more than a control that went with it
    List<String> typed =
        actions.stream()
            .filter(a -> a.stepAction() == StepAction.FILL && a.value() != null)
            .map(TestStep::value)
            .toList();
    Optional<String> gone =
        outcome.removedTexts().stream()
            .filter(t -> t.length() <= 80 && !t.replace(TestData.UNIQUE, "").matches(".*\\d.*"))
            .filter(t -> outcome.newTexts().stream().noneMatch(n -> n.contains(t)))
            .filter(t -> !exploration.inside(t))
            .sorted(java.util.Comparator.comparing(t -> !typed.contains(t)))
            .findFirst();
    // a query link (it asserts its own address) that hides a row needs no row it shows: the rows
    // a list shows move with every record other tests add, a row the filter or page leaves out
    // stays out; the items the test made itself stay asserted
    if (gone.isPresent() && assertsItsAddress(actions))
      shown.removeIf(t -> !t.contains(TestData.UNIQUE));
    shown.forEach(t -> expectations.add(visible(t)));
    gone.ifPresent(
        t -> expectations.add(Steps.expectHidden(List.of(FormSteps.text(t)), "'" + t + "'")));
    // an item the test made went: the other items it made stay (a delete takes only its own item)
    if (gone.isPresent() && typed.contains(gone.get()))
      typed.stream()
          .filter(v -> !v.equals(gone.get()) && !v.contains(gone.get()) && !gone.get().contains(v))
          .filter(v -> outcome.removedTexts().stream().noneMatch(r -> r.contains(v)))
          .filter(v -> outcome.newTexts().stream().noneMatch(n -> n.contains(v)))
          .distinct()
          .forEach(v -> expectations.add(visible(v)));
    // an action that asserts its own address (a query link) stands without texts that changed
    if (expectations.isEmpty() && actions.stream().noneMatch(Steps::isExpectation))
      throw new ScenarioSkip(
          "the action changed nothing observable (still at " + path + ", no text came or went)");
    return withSteps(actions, expectations);
  }

  /**
   * A sign-out: where it lands (by address, and by heading when it has one) and the texts it
   * showed; a landing on an error page is no outcome to assert.
   */
  static List<TestStep> signedOut(LiveRun run, LiveOutcome outcome) {
    if (outcome.status() != null && outcome.status() >= 400)
      throw new ScenarioSkip("signing out answered HTTP " + outcome.status() + " at generation");
    String path = ObservedApp.pathAndRoute(outcome.url());
    if (path == null) throw new ScenarioSkip("signing out left no address to assert");
    List<TestStep> expectations = new ArrayList<>();
    expectations.add(Steps.expectUrl(UrlPattern.withIds(path)));
    if (outcome.heading() != null && !outcome.heading().isBlank())
      expectations.add(visible(outcome.heading()));
    WholeWords exploration = WholeWords.of(run.notAsserted());
    texts(outcome, false).stream()
        .filter(t -> !t.equals(outcome.heading()))
        .filter(t -> !exploration.inside(t))
        .forEach(t -> expectations.add(visible(t)));
    return withSteps(run.actions(Map.of()), expectations);
  }

  /**
   * The counts an in-page action showed ("0 items left") that may be asserted once a second live
   * run shows them too: only for a test that makes the items it acts on (types a text and presses
   * Enter), where a count covers just what the test made when the app keeps nothing between runs (a
   * fresh browser storage); an app that keeps items shows a different count on the second run.
   * Dates, times and long numbers (a year, an id) are left out: they change without the app.
   */
  static List<String> counts(LiveRun run, LiveOutcome outcome) {
    List<TestStep> actions = run.actions(Map.of());
    boolean makes = false;
    for (int i = 1; i < actions.size(); i++)
      makes |=
          actions.get(i).stepAction() == StepAction.PRESS
              && "Enter".equals(actions.get(i).value())
              && actions.get(i - 1).stepAction() == StepAction.FILL;
    if (!makes) return List.of();
    List<String> messages = outcome.messages().stream().map(ValidationMessage::text).toList();
    return outcome.newTexts().stream()
        .filter(t -> t.length() <= 40 && !messages.contains(t) && !t.contains(TestData.UNIQUE))
        .filter(t -> t.matches(".*\\d.*") && t.matches(".*\\p{L}.*"))
        .filter(t -> !t.matches(".*\\d{4}.*") && !t.matches(".*\\d\\s*[:/.,-]\\s*\\d.*"))
        .toList();
  }

  /** New texts worth asserting: echoes of this run's values first; counts only for searches. */
  static List<String> texts(LiveOutcome outcome, boolean countsAllowed) {
    List<String> messages = outcome.messages().stream().map(ValidationMessage::text).toList();
    List<String> candidates =
        outcome.newTexts().stream()
            .filter(t -> t.length() <= 80 && !messages.contains(t))
            .filter(t -> countsAllowed || !t.replace(TestData.UNIQUE, "").matches(".*\\d.*"))
            .toList();
    List<String> picked = new ArrayList<>();
    candidates.stream().filter(t -> t.contains(TestData.UNIQUE)).limit(1).forEach(picked::add);
    for (String t : candidates) {
      if (picked.size() >= MAX_TEXTS) break;
      if (!picked.contains(t) && picked.stream().noneMatch(p -> p.contains(t) || t.contains(p)))
        picked.add(t);
    }
    return picked;
  }

  /**
   * The values this run typed that the page it landed on shows (a created or edited record's
   * fields): proof that the app kept what was entered, not only that it said so. A value is
   * asserted only when a new text holds it; short values (a "1" is on every page), multi-line ones
   * and values a page does not show as typed (passwords, options, boxes) are left out.
   */
  static List<TestStep> echoes(
      io.testgen.common.agents.observation.FormInfo form,
      Map<String, String> data,
      LiveOutcome outcome) {
    Map<String, String> types = new java.util.HashMap<>();
    for (FieldInfo f : form.fields())
      if (f.name() != null) types.put(f.name(), f.type() == null ? "text" : f.type());
    // the run's own values first (unique, then digits: a telephone, a date), each value once
    return data.entrySet().stream()
        .filter(e -> !UNECHOED.contains(types.getOrDefault(e.getKey(), "hidden")))
        .map(e -> e.getValue() == null ? "" : e.getValue().strip())
        .filter(v -> !v.contains("\n") && (v.length() >= 3 || v.contains(TestData.UNIQUE)))
        .filter(v -> outcome.newTexts().stream().anyMatch(t -> t.contains(v)))
        .distinct()
        .sorted(
            java.util.Comparator.comparing((String v) -> !v.contains(TestData.UNIQUE))
                .thenComparing(v -> !v.matches(".*\\d.*")))
        .limit(MAX_ECHOES)
        .map(OutcomeAssertions::visible)
        .toList();
  }

  /** Whether the last action is followed by an expected address: a query link's test. */
  private static boolean assertsItsAddress(List<TestStep> actions) {
    int last = actions.size() - 1;
    while (last >= 0 && Steps.isExpectation(actions.get(last))) last--;
    return actions.subList(last + 1, actions.size()).stream()
        .anyMatch(a -> a.stepAction() == StepAction.EXPECT_URL);
  }

  /** Expects a text visible. */
  static TestStep visible(String text) {
    return Steps.expectVisible(List.of(FormSteps.text(text)), "'" + text + "'");
  }

  static List<TestStep> withSteps(List<TestStep> actions, List<TestStep> expectations) {
    List<TestStep> all = new ArrayList<>(actions);
    all.addAll(expectations);
    return all;
  }

  static String messages(LiveOutcome outcome) {
    List<String> texts =
        outcome.messages().stream().map(ValidationMessage::text).distinct().limit(3).toList();
    return texts.isEmpty() ? "HTTP " + outcome.status() : String.join("; ", texts);
  }
}
