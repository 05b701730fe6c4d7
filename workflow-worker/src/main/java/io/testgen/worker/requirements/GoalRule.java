package io.testgen.worker.requirements;

import static io.testgen.common.agents.requirements.ScenarioVocabulary.CRITICAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code REQ-GOAL}: the user's instruction end to end, critical, along the flow Observation found;
 * none without an instruction.
 */
final class GoalRule implements ScenarioRule {
  static final String GOAL_ID = "REQ-GOAL";

  @Override
  public List<Scenario> derive(RuleInput input) {
    if (input.instruction() == null) {
      return List.of();
    }
    ObservationIndex index = input.index();
    String instruction = input.instruction();
    GoalFlow flow = input.goalFlow();
    GoalOutcome goal = index.observation().goal();
    List<String> given = new ArrayList<>();
    index.state(input.startStateId()).ifPresent(s -> given.add("the user opens " + s.url()));
    if (given.isEmpty()) {
      given.add("the user opens " + index.observation().targetUrl());
    }
    List<String> when = new ArrayList<>();
    if (goal != null && goal.flowPath() != null && !goal.flowPath().isEmpty()) {
      goal.flowPath().forEach(step -> when.add(shorten(step)));
    } else {
      when.add("the user does: " + shorten(instruction));
    }
    List<String> then = new ArrayList<>();
    then.add("'" + shorten(instruction) + "' is accomplished");
    if (goal != null && goal.goalStateId() != null) {
      index.state(goal.goalStateId()).ifPresent(s -> then.add(Scenarios.pageName(s) + " is shown"));
    }
    Map<String, String> data = new LinkedHashMap<>();
    for (String formId : flow.formIds()) {
      index
          .form(formId)
          .ifPresent(
              form -> FormFacts.formData(form, input.hasCredentials()).forEach(data::putIfAbsent));
    }
    List<String> tags = new ArrayList<>(List.of(ScenarioVocabulary.TAG_GOAL, CRITICAL));
    if (goal != null && !goal.reached()) {
      tags.add("goal_unreached");
    }
    return List.of(
        Scenarios.of(
            GOAL_ID,
            "Goal: " + shorten(instruction),
            given,
            when,
            then,
            CRITICAL,
            FUNCTIONAL,
            tags,
            data,
            new Evidence(flow.stateIds(), flow.formIds(), flow.elementIds()),
            false));
  }
}
