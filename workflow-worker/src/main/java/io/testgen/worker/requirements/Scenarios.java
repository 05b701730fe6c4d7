package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the rules write a scenario: the immutable record with source {@code rules}, ids safe for file
 * names, and pages named in short words.
 */
final class Scenarios {
  private static final int MAX_TEXT = 80;
  private static final Pattern UNSAFE_ID_CHARACTERS = Pattern.compile("[^A-Za-z0-9_.-]");

  private Scenarios() {}

  static Scenario of(
      String id,
      String title,
      List<String> given,
      List<String> when,
      List<String> then,
      String priority,
      String type,
      List<String> tags,
      Map<String, String> testData,
      Evidence evidence,
      boolean probe) {
    return new Scenario(
        id,
        title,
        List.copyOf(given),
        List.copyOf(when),
        List.copyOf(then),
        priority,
        type,
        List.copyOf(tags),
        Collections.unmodifiableMap(new LinkedHashMap<>(testData)),
        evidence,
        probe,
        ScenarioVocabulary.SOURCE_RULES);
  }

  static Scenario withTags(Scenario s, List<String> tags) {
    return retold(s, s.title(), s.given(), s.when(), s.then(), tags);
  }

  /**
   * {@code s} in other words and with other tags: the same scenario (id, priority, type, data,
   * evidence, source), told differently.
   */
  static Scenario retold(
      Scenario s,
      String title,
      List<String> given,
      List<String> when,
      List<String> then,
      List<String> tags) {
    return new Scenario(
        s.scenarioId(),
        title,
        given,
        when,
        then,
        s.priority(),
        s.scenarioType(),
        List.copyOf(tags),
        s.testData(),
        s.evidence(),
        s.probe(),
        s.source());
  }

  /** What a scenario about one transition cites: its two states and the element acted on. */
  static Evidence evidence(Transition t) {
    return new Evidence(
        List.of(t.fromStateId(), t.toStateId()),
        List.of(),
        t.elementId() == null ? List.of() : List.of(t.elementId()));
  }

  static String pageName(StateInfo state) {
    return "the '" + displayName(state) + "' page";
  }

  static String displayName(StateInfo state) {
    if (state.title() != null && !state.title().isBlank()) {
      return shorten(state.title());
    }
    return state.url() == null ? state.stateId() : shorten(state.url());
  }

  static Optional<Heading> mainHeading(StateInfo state) {
    List<Heading> headings = ObservationIndex.orEmpty(state.headings());
    return headings.stream()
        .filter(h -> h.level() == 1)
        .findFirst()
        .or(() -> headings.stream().findFirst())
        .filter(h -> h.text() != null && !h.text().isBlank());
  }

  /** What a control says: its accessible name, else its text (null when it says nothing). */
  static String words(io.testgen.common.agents.observation.ElementInfo e) {
    return e.name() != null && !e.name().isBlank() ? e.name() : e.text();
  }

  static String safeId(String raw) {
    return UNSAFE_ID_CHARACTERS.matcher(raw == null ? "unknown" : raw).replaceAll("_");
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    String single = text.strip().replaceAll("\\s+", " ");
    return single.length() <= MAX_TEXT ? single : single.substring(0, MAX_TEXT - 3) + "...";
  }
}
