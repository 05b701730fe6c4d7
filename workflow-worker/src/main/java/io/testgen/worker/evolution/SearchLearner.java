package io.testgen.worker.evolution;

import static io.testgen.worker.evolution.OutcomeAssertions.texts;
import static io.testgen.worker.evolution.OutcomeAssertions.visible;
import static io.testgen.worker.evolution.OutcomeAssertions.withSteps;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learns a search scenario live: what the search shows is its outcome; a search meant to find
 * something that found nothing is tried again with terms from the records the app lists.
 */
final class SearchLearner {
  private final Function<List<TestStep>, LiveOutcome> perform;
  private final int maxAdjustments;

  /**
   * @param perform runs steps live and reads the outcome of the last step that acts
   * @param maxAdjustments half the number of listed terms tried
   */
  SearchLearner(Function<List<TestStep>, LiveOutcome> perform, int maxAdjustments) {
    this.perform = perform;
    this.maxAdjustments = maxAdjustments;
  }

  /**
   * A search: what it shows is the outcome, a "not found" message included. A search meant to find
   * something that found nothing is tried with an empty query and then with words of the records
   * that lists, so the term comes from the app's own data.
   */
  GeneratedTest learn(Scenario s, LiveRun run, Map<String, String> data, LiveOutcome outcome) {
    FieldInfo query =
        ObservedApp.nullSafe(run.form().fields()).stream()
            .filter(f -> f.name() != null && data.containsKey(f.name()))
            .findFirst()
            .orElse(null);
    if (s.scenarioId().endsWith("-HIT") && query != null && nothingFound(outcome)) {
      Map<String, String> all = new LinkedHashMap<>(data);
      all.put(query.name(), "");
      LiveOutcome listed = perform.apply(run.actions(all));
      int tries = 0;
      for (String word : words(listed)) {
        if (tries++ >= 2 * maxAdjustments) break;
        Map<String, String> next = new LinkedHashMap<>(data);
        next.put(query.name(), word);
        LiveOutcome found = perform.apply(run.actions(next));
        if (!nothingFound(found)) {
          data.clear();
          data.putAll(next);
          outcome = found;
          break;
        }
      }
      if (nothingFound(outcome))
        throw new ScenarioSkip(
            "data that cannot be synthesised: no term from the listed records found anything");
    }
    if (s.scenarioId().endsWith("-MANY") && nothingFound(outcome))
      throw new ScenarioSkip(
          "the term several listed records share found nothing: the search looks at another field");
    List<TestStep> expectations = new ArrayList<>();
    String path = ObservedApp.pathOnly(outcome.url());
    if (path != null) expectations.add(Steps.expectUrl(path));
    outcome.messages().stream()
        .filter(m -> "page".equals(m.source()))
        .findFirst()
        .ifPresent(m -> expectations.add(visible(m.text())));
    texts(outcome, true).forEach(t -> expectations.add(visible(t)));
    if (path != null && path.equals(run.formPath()) && s.scenarioId().endsWith("-HIT"))
      filteredOut(outcome, data)
          .ifPresent(
              t -> expectations.add(Steps.expectHidden(List.of(FormSteps.text(t)), "'" + t + "'")));
    if (expectations.size() == 1 && path != null && path.equals(run.formPath()))
      throw new ScenarioSkip("the search changed nothing observable");
    return TestModelBuilder.test(s, withSteps(run.actions(data), expectations));
  }

  /**
   * A record a search on its own list no longer shows: a text that went, holds none of the terms
   * typed and is not part of one that came (a row, not a control).
   */
  private static Optional<String> filteredOut(LiveOutcome outcome, Map<String, String> data) {
    return outcome.removedTexts().stream()
        .filter(t -> t.length() <= 80 && !t.matches(".*\\d.*"))
        .filter(t -> outcome.newTexts().stream().noneMatch(n -> n.contains(t) || t.contains(n)))
        .filter(
            t ->
                data.values().stream()
                    .noneMatch(v -> !v.isBlank() && t.toLowerCase().contains(v.toLowerCase())))
        .findFirst();
  }

  private static boolean nothingFound(LiveOutcome outcome) {
    return !outcome.messages().isEmpty() || outcome.newTexts().isEmpty();
  }

  /**
   * Terms from listed records: the last word of each multi-word text first (a person's surname, a
   * title's last word), then single words; headers tend to be single words.
   */
  private static List<String> words(LiveOutcome listed) {
    List<String> words = new ArrayList<>();
    List<String> singles = new ArrayList<>();
    for (String text : listed.newTexts()) {
      String[] parts = text.split("[^\\p{L}]+");
      List<String> letters = java.util.Arrays.stream(parts).filter(w -> w.length() >= 3).toList();
      if (letters.size() >= 2) {
        String last = letters.get(letters.size() - 1);
        if (!words.contains(last)) words.add(last);
      } else if (letters.size() == 1 && !singles.contains(letters.get(0)))
        singles.add(letters.get(0));
    }
    words.addAll(singles);
    return words;
  }
}
