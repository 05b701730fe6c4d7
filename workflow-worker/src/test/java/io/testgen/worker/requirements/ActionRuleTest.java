package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.json.JsonMapperFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ActionRuleTest {
  /** A todo list: add an item, edit it by double-click, delete it from a hover, an About link. */
  private static final String TODO =
      """
      {"target_url": "https://todo.test/", "start_state_id": "s-list",
       "states": [
        {"state_id": "s-list", "url": "https://todo.test/", "title": "Todos", "depth": 0,
         "headings": [{"level": 1, "text": "todos"}], "path": []},
        {"state_id": "s-one", "url": "https://todo.test/", "title": "Todos", "depth": 1,
         "headings": [{"level": 1, "text": "todos"}], "path": ["press Enter in 'New'"]},
        {"state_id": "s-edit", "url": "https://todo.test/", "title": "Todos", "depth": 2,
         "headings": [{"level": 1, "text": "todos"}],
         "path": ["press Enter in 'New'", "double-click the first item's text"]},
        {"state_id": "s-about", "url": "https://todo.test/about", "title": "About", "depth": 1,
         "headings": [{"level": 1, "text": "About"}], "path": []}],
       "transitions": [
        {"from_state_id": "s-list", "to_state_id": "s-one", "action": "press_enter",
         "element_id": "e-new", "label": "press Enter in 'New'"},
        {"from_state_id": "s-list", "to_state_id": "s-about", "action": "click",
         "element_id": "e-about", "label": "click 'About'"},
        {"from_state_id": "s-one", "to_state_id": "s-edit", "action": "dblclick",
         "label": "double-click the first item's text",
         "locators": [{"strategy": "css", "value": "li label", "unique": false}]},
        {"from_state_id": "s-one", "to_state_id": "s-list", "action": "click",
         "element_id": "e-destroy", "label": "hover the item, click the revealed button",
         "locators": [{"strategy": "css", "value": "li button", "unique": false}],
         "hover": [{"strategy": "css", "value": "li", "unique": false}]},
        {"from_state_id": "s-one", "to_state_id": "s-one", "action": "click",
         "element_id": "e-all", "label": "click 'All'"},
        {"from_state_id": "s-edit", "to_state_id": "s-one", "action": "press_enter",
         "element_id": "e-new-2", "label": "press Enter in 'New'"}]}
      """;

  @Test
  void eachDistinctInPageActionOnceFromTheNearestStateNotLinksNorNoOps() throws Exception {
    ObservationResult todo = JsonMapperFactory.shared().readValue(TODO, ObservationResult.class);
    List<Scenario> scenarios =
        new ActionRule().derive(RuleInput.of(new ObservationIndex(todo), null, false));
    assertThat(scenarios)
        .extracting(
            Scenario::scenarioId, Scenario::title, s -> s.evidence().stateIds(), Scenario::when)
        .containsExactly(
            tuple(
                "REQ-ACT-s-list-1",
                "Press Enter in 'New' on 'todos' changes the page",
                List.of("s-list", "s-one"),
                List.of("the user does: press Enter in 'New'")),
            tuple(
                "REQ-ACT-s-one-1",
                "Double-click the first item's text on 'todos' changes the page",
                List.of("s-one", "s-edit"),
                List.of("the user does: double-click the first item's text")),
            tuple(
                "REQ-ACT-s-one-2",
                "Hover the item, click the revealed button on 'todos' changes the page",
                List.of("s-one", "s-list"),
                List.of("the user does: hover the item, click the revealed button")));
    assertThat(scenarios.get(2).testData())
        .containsEntry("action", "hover the item, click the revealed button")
        .containsEntry("start_url", "https://todo.test/");
    assertThat(scenarios).allMatch(s -> s.scenarioType().equals("functional"));
  }
}
