package io.testgen.worker.analysis;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.testkit.sites.corpus.GroundTruth;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place a scenario is tied to the ground-truth features it tests, from the evidence it
 * carries, never from its id or title:
 *
 * <ul>
 *   <li>a scenario about a form tests the features whose proof is the request that form sends (its
 *       method and action path; for a GET form, the query its fields make);
 *   <li>an in-page action scenario tests the features whose gestures match its action (or, for an
 *       action that completes what its source state began, that state's last gesture);
 *   <li>otherwise it tests what the state it checks shows (where a navigation leads, else its first
 *       state): a state reached through actions belongs to the features whose gestures match the
 *       last action; a state reached by URL to the features proven by a GET of it.
 * </ul>
 *
 * Where several proofs match a URL, those that constrain the query win (a second page of a list is
 * pagination, not search). A scenario's risk is the highest label among its features; a scenario of
 * no feature has none.
 */
final class ScenarioFeatures {
  /** A scenario, its rank, its features and the risk they give it (null for none). */
  record Mapped(Scenario scenario, int rank, List<GroundTruth.Feature> features, String risk) {
    boolean criticalOrHigh() {
      return ScenarioVocabulary.CRITICAL.equals(risk) || ScenarioVocabulary.HIGH.equals(risk);
    }

    String featureIds() {
      return features.stream().map(GroundTruth.Feature::id).collect(Collectors.joining(","));
    }
  }

  private final GroundTruth truth;
  private final ObservationIndex index;

  ScenarioFeatures(GroundTruth truth, ObservationIndex index) {
    this.truth = truth;
    this.index = index;
  }

  Mapped map(Scenario scenario, int rank) {
    List<GroundTruth.Feature> features = features(scenario);
    String risk =
        features.stream()
            .map(GroundTruth.Feature::risk)
            .min((a, b) -> ScenarioVocabulary.priorityRank(a) - ScenarioVocabulary.priorityRank(b))
            .orElse(null);
    return new Mapped(scenario, rank, features, risk);
  }

  List<GroundTruth.Feature> features(Scenario scenario) {
    Optional<FormInfo> form =
        orEmpty(scenario.evidence().formIds()).stream()
            .map(index::form)
            .flatMap(Optional::stream)
            .findFirst();
    if (form.isPresent()) {
      return byRequest(method(form.get()), path(form.get().action()), query(form.get()));
    }
    List<String> states = orEmpty(scenario.evidence().stateIds());
    if (states.isEmpty()) {
      return List.of();
    }
    String action = ScenarioVocabulary.action(scenario);
    if (action != null) {
      // an in-page action: the features of its gesture; an action that completes what its source
      // state started (Enter in the field a double-click opened) belongs to that state's gesture
      List<GroundTruth.Feature> acted =
          truth.features().stream().filter(f -> f.exercisedByStep(action)).toList();
      if (!acted.isEmpty()) {
        return acted;
      }
      List<String> setUp = index.state(states.get(0)).map(s -> orEmpty(s.path())).orElse(List.of());
      if (setUp.isEmpty()) {
        return List.of();
      }
      String step = setUp.get(setUp.size() - 1);
      return truth.features().stream().filter(f -> f.exercisedByStep(step)).toList();
    }
    // the state it checks: where a navigation leads, else the first (a check's own page)
    boolean navigation = ScenarioVocabulary.NAVIGATION.equals(scenario.scenarioType());
    Optional<StateInfo> last = index.state(states.get(navigation ? states.size() - 1 : 0));
    if (last.isEmpty()) {
      return List.of();
    }
    List<String> path = orEmpty(last.get().path());
    if (!path.isEmpty()) {
      String step = path.get(path.size() - 1);
      return truth.features().stream().filter(f -> f.exercisedByStep(step)).toList();
    }
    URI url = URI.create(last.get().url());
    return byRequest("GET", url.getPath(), url.getRawQuery() == null ? "" : url.getRawQuery());
  }

  /** Features with a proof this request matches; query-constrained proofs first if any match. */
  private List<GroundTruth.Feature> byRequest(String method, String path, String query) {
    List<GroundTruth.Feature> specific = new ArrayList<>();
    List<GroundTruth.Feature> general = new ArrayList<>();
    for (GroundTruth.Feature feature : truth.features()) {
      boolean any = false;
      boolean withQuery = false;
      for (GroundTruth.Proof proof : feature.proof()) {
        if (proof.method() != null && !proof.method().equalsIgnoreCase(method)) continue;
        if (proof.path() != null && !Pattern.matches(proof.path(), path)) continue;
        if (proof.query() != null && !Pattern.matches(proof.query(), query)) continue;
        any = true;
        withQuery |= proof.query() != null;
      }
      if (withQuery) specific.add(feature);
      else if (any) general.add(feature);
    }
    return specific.isEmpty() ? general : specific;
  }

  private static String method(FormInfo form) {
    return form.method() == null ? "GET" : form.method().toUpperCase(Locale.ROOT);
  }

  private static String path(String url) {
    return url == null ? "" : URI.create(url).getPath();
  }

  /** The query a GET form sends: each named field with a value. */
  private static String query(FormInfo form) {
    return orEmpty(form.fields()).stream()
        .map(FieldInfo::name)
        .filter(n -> n != null && !n.isBlank())
        .map(n -> n + "=x")
        .collect(Collectors.joining("&"));
  }
}
