package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.MEDIUM;
import static io.testgen.worker.requirements.Scenarios.displayName;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code REQ-RENDER-<state>}: every state (a template, with its instances) renders its key content:
 * title, main heading, the same layout on each instance. High for the start page. A page the app
 * answered with HTTP 4xx/5xx is its error page: rendering it in the site's frame is what is
 * asserted.
 */
final class RenderRule implements ScenarioRule {

  @Override
  public List<Scenario> derive(RuleInput input) {
    List<Scenario> scenarios = new ArrayList<>();
    for (StateInfo state : input.index().states()) {
      scenarios.add(render(input, state));
    }
    return scenarios;
  }

  private static Scenario render(RuleInput input, StateInfo state) {
    boolean start = state.stateId().equals(input.startStateId());
    List<String> given = new ArrayList<>();
    List<String> path = orEmpty(state.path());
    if (path.isEmpty()) {
      given.add("the user opens " + state.url());
    } else {
      input
          .index()
          .state(input.startStateId())
          .ifPresent(s -> given.add("the user opens " + s.url()));
      // each step shortened, never the path: two paths must not read alike once cut
      given.add(
          "the user does: " + String.join(" > ", path.stream().map(Scenarios::shorten).toList()));
    }
    List<String> then = new ArrayList<>();
    boolean errorPage = state.httpStatus() != null && state.httpStatus() >= 400;
    if (errorPage) {
      then.add("the app answers HTTP " + state.httpStatus() + " with its own error page");
    }
    if (state.title() != null && !state.title().isBlank()) {
      then.add("the page title is '" + shorten(state.title()) + "'");
    }
    Scenarios.mainHeading(state)
        .ifPresent(h -> then.add("the heading '" + shorten(h.text()) + "' is visible"));
    List<String> instances = orEmpty(state.instanceUrls());
    boolean template = instances.size() > 1;
    if (template) {
      then.add("each of the " + instances.size() + " instance pages shows the same layout");
    }
    if (then.isEmpty()) {
      then.add("the page shows its content without an error");
    }
    List<String> tags = new ArrayList<>(List.of("render"));
    if (start) {
      tags.add("start");
    }
    if (template) {
      tags.add("template");
    }
    if (errorPage) {
      tags.add("error_page");
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (state.url() != null) {
      data.put("url", state.url());
    }
    for (int i = 0; template && i < Math.min(3, instances.size()); i++) {
      data.put("instance_url_" + (i + 1), instances.get(i));
    }
    return Scenarios.of(
        "REQ-RENDER-" + Scenarios.safeId(state.stateId()),
        shorten(
            errorPage
                ? "Page '" + displayName(state) + "' shows the app's error page"
                : "Page '" + displayName(state) + "' renders its key content"),
        given,
        List.of("the page has loaded"),
        then,
        start ? HIGH : MEDIUM,
        FUNCTIONAL,
        tags,
        data,
        new Evidence(List.of(state.stateId()), List.of(), List.of()),
        false);
  }
}
