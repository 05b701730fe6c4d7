package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.EDGE;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code REQ-SEARCH-<form>-HIT|MANY|NO-HIT} of a search form: a term that finds something (the one
 * Observation searched for, else a word from a link), a term several listed records share (when a
 * list shows one), and one that matches nothing.
 */
final class SearchScenarios {
  private SearchScenarios() {}

  static List<Scenario> of(ObservationIndex index, DistinctForm form, List<FieldInfo> fields) {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(hit(index, form, fields.get(0)));
    SharedWord.in(index.states())
        .ifPresent(w -> scenarios.add(many(index, form, fields.get(0), w)));
    scenarios.add(noHit(index, form, fields.get(0)));
    return List.copyOf(scenarios);
  }

  /**
   * The pages where this search's records are listed: the form's own pages (a changelist with its
   * search box) and the pages at the form's action (the list an empty search returns).
   */
  private static List<StateInfo> resultLists(ObservationIndex index, DistinctForm distinct) {
    String action = pathOf(distinct.form().action());
    return index.states().stream()
        .filter(
            st ->
                distinct.stateIds().contains(st.stateId())
                    || (action != null
                        && (action.equals(pathOf(st.url()))
                            || orEmpty(st.instanceUrls()).stream()
                                .anyMatch(u -> action.equals(pathOf(u))))))
        .toList();
  }

  private static String pathOf(String url) {
    return UrlParts.parse(url).map(UrlParts::path).orElse(null);
  }

  /**
   * A term that two or more records of an observed list share (two customers named Davis): the
   * search lists each of them, not one, not none.
   */
  private static Scenario many(
      ObservationIndex index, DistinctForm distinct, FieldInfo query, SharedWord shared) {
    List<String> then = new ArrayList<>(List.of("at least two results are listed"));
    shared.texts().stream()
        .limit(2)
        .forEach(t -> then.add("'" + Scenarios.shorten(t) + "' is listed"));
    return search(
        index,
        distinct,
        query,
        shared.word(),
        "MANY",
        "Search with a term several records share lists each of them",
        "the user searches for '" + shared.word() + "'",
        then,
        MEDIUM,
        FUNCTIONAL);
  }

  private static Scenario hit(ObservationIndex index, DistinctForm distinct, FieldInfo query) {
    FormInfo form = distinct.form();
    Optional<FormSubmission> observed =
        FormFacts.submissions(form, "valid").stream()
            .filter(s -> !orEmpty(s.newTexts()).isEmpty() && s.values() != null)
            .filter(s -> s.values().get(query.name()) != null)
            .findFirst();
    String term =
        observed.map(s -> s.values().get(query.name())).orElseGet(() -> searchTerm(index));
    List<String> then = new ArrayList<>(List.of("at least one result is listed"));
    observed.ifPresent(s -> then.add("'" + Scenarios.shorten(s.newTexts().get(0)) + "' is listed"));
    return search(
        index,
        distinct,
        query,
        term,
        "HIT",
        "Search finds matching results",
        "the user searches for '" + term + "'",
        then,
        HIGH,
        FUNCTIONAL);
  }

  private static Scenario noHit(ObservationIndex index, DistinctForm distinct, FieldInfo query) {
    return search(
        index,
        distinct,
        query,
        "zzqx-no-match-" + FieldTestData.UNIQUE,
        "NO-HIT",
        "Search without a match says so",
        "the user searches for a term nothing matches",
        List.of("no result is listed", "a no-results message is shown", "no error page appears"),
        MEDIUM,
        EDGE);
  }

  /**
   * A scenario of this search form: on the form's page the user searches for {@code term} (the
   * query field's data), tagged search, citing the form and its query field.
   */
  private static Scenario search(
      ObservationIndex index,
      DistinctForm distinct,
      FieldInfo query,
      String term,
      String suffix,
      String title,
      String when,
      List<String> then,
      String priority,
      String type) {
    FormInfo form = distinct.form();
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FormFacts.dataKeyOf(query), term);
    return Scenarios.of(
        "REQ-SEARCH-" + Scenarios.safeId(form.formId()) + "-" + suffix,
        title,
        FormFacts.onItsPage(index, form),
        List.of(when),
        then,
        priority,
        type,
        List.of("search"),
        data,
        FormFacts.evidence(distinct, List.of(query)),
        false);
  }

  /** A word from a link text, so a search for it likely finds something. */
  private static String searchTerm(ObservationIndex index) {
    for (StateInfo state : index.states()) {
      for (ElementInfo link : orEmpty(state.links())) {
        if (link.text() == null) {
          continue;
        }
        for (String word : link.text().split("\\W+")) {
          if (word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
            return word.toLowerCase(Locale.ROOT);
          }
        }
      }
    }
    return "test";
  }
}
