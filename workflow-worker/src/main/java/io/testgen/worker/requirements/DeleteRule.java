package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.worker.requirements.Scenarios.safeId;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.RecordIds;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code REQ-DELETE-<collection>}: deleting a record, tested as a round trip on a record the test
 * creates itself. A record's page sits below its collection ({@code /library/book/3/change/} below
 * {@code /library/book/}) and offers a delete control (a "Delete" link, or a form that deletes);
 * the collection's create form ({@code /library/book/add/}) makes a record with unique values, the
 * test opens it, deletes it and checks it is gone. No record the app had is ever deleted, so this
 * needs no {@code allow_destructive}. One scenario per collection; none without a create form.
 */
final class DeleteRule implements ScenarioRule {
  private static final Pattern DELETE_WORDS =
      Pattern.compile("\\b(delete|remove|destroy|trash)\\b");

  /** A record's page and the control on it that deletes the record. */
  private record Control(StateInfo recordPage, String elementId, String collection) {}

  @Override
  public List<Scenario> derive(RuleInput input) {
    Map<String, Control> byCollection = new LinkedHashMap<>();
    for (StateInfo state : input.index().states())
      control(input, state).ifPresent(c -> byCollection.putIfAbsent(c.collection(), c));
    List<Scenario> scenarios = new ArrayList<>();
    for (Control c : byCollection.values())
      createForm(input, c.collection()).ifPresent(f -> scenarios.add(scenario(input, f, c)));
    return scenarios;
  }

  /** A delete link or delete form on a record's page of a collection. */
  private static Optional<Control> control(RuleInput input, StateInfo state) {
    Optional<String> collection = collectionOf(path(state.url()));
    if (collection.isEmpty()) return Optional.empty();
    for (ElementInfo link : ObservationIndex.orEmpty(state.links()))
      if (deletes(link) && link.href() != null && path(link.href()).startsWith(collection.get()))
        return Optional.of(new Control(state, link.elementId(), collection.get()));
    return input.forms().stream()
        .map(DistinctForm::form)
        .filter(f -> state.stateId().equals(f.stateId()))
        .filter(f -> "delete".equals(FormFacts.purposeOf(f)) && f.submit() != null)
        .findFirst()
        .map(f -> new Control(state, f.submit().elementId(), collection.get()));
  }

  private static boolean deletes(ElementInfo link) {
    String words = (link.name() + " " + link.text()).toLowerCase(Locale.ROOT);
    return DELETE_WORDS.matcher(words).find();
  }

  /** The collection's create form: on a page below the collection that names no record. */
  private static Optional<FormInfo> createForm(RuleInput input, String collection) {
    return input.forms().stream()
        .map(DistinctForm::form)
        .filter(f -> FormRule.RECORD_MAKERS.contains(FormFacts.purposeOf(f)))
        // an account form the run did not allow exploration to submit makes no test's records
        .filter(
            f ->
                !"account".equals(FormFacts.purposeOf(f))
                    || !FormFacts.refusedByExploration(input.index(), f))
        .filter(f -> !FormFacts.inputFields(f).isEmpty())
        .filter(
            f -> {
              String p = input.index().state(f.stateId()).map(s -> path(s.url())).orElse("");
              return p.startsWith(collection) && collectionOf(p).isEmpty();
            })
        .min(
            Comparator.comparingInt(
                f -> input.index().state(f.stateId()).map(s -> path(s.url()).length()).orElse(0)));
  }

  private static Scenario scenario(RuleInput input, FormInfo create, Control delete) {
    String createPage =
        input.index().state(create.stateId()).map(Scenarios::pageName).orElse("its page");
    String createName =
        input.index().state(create.stateId()).map(Scenarios::displayName).orElse("its page");
    List<String> elements = new ArrayList<>();
    FormFacts.inputFields(create).stream().map(FieldInfo::elementId).forEach(elements::add);
    elements.add(delete.elementId());
    elements.removeIf(e -> e == null);
    return Scenarios.of(
        "REQ-DELETE-" + safeId(delete.collection().replaceAll("^/+|/+$", "").replace('/', '-')),
        shorten("Deleting a record made on '" + createName + "' removes it"),
        List.of("the user is on " + createPage),
        List.of(
            "the user creates a record with unique values",
            "the user opens the record, deletes it and confirms"),
        List.of("the app confirms the deletion", "no link names the record any more"),
        HIGH,
        FUNCTIONAL,
        List.of("form", "delete", "round_trip", "creates_data"),
        FormFacts.namedUniquely(create),
        new Evidence(
            List.of(create.stateId(), delete.recordPage().stateId()),
            List.of(create.formId()),
            List.copyOf(elements)),
        false);
  }

  /**
   * The path up to a record's id segment ({@code /library/book/} of {@code /library/book/3/});
   * empty when no segment is an id.
   */
  static Optional<String> collectionOf(String path) {
    String[] segments = path.split("/", -1);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0 && RecordIds.isId(segments[i])) return Optional.of(prefix.toString());
      prefix.append(segments[i]).append('/');
    }
    return Optional.empty();
  }

  private static String path(String url) {
    return UrlParts.parse(url).map(UrlParts::pathOrRoot).orElse("");
  }
}
