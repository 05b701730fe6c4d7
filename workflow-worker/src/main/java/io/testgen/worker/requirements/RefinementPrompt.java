package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link LlmScenarioRefiner} tells the model: the task and reply format, and a bounded digest
 * of the observation (ids, short titles, field names) and of the rule-derived scenarios.
 */
final class RefinementPrompt {
  private static final int PROMPT_STATES = 50;
  private static final int PROMPT_FORMS = 20;
  private static final int PROMPT_ELEMENTS = 80;
  private static final int PROMPT_TEXT = 40;

  static final String SYSTEM =
      """
      You improve end-to-end test scenarios for a web application. You receive the states, forms
      and elements a crawler observed, the user's instruction, and scenarios derived by rules.
      You may: (1) reword titles and given/when/then steps to be clearer, keeping their meaning;
      (2) propose up to 10 extra scenarios that the instruction implies and the rules missed.
      Use only the state, form and element ids listed; never invent ids, URLs or credentials.
      Reply with one JSON object and nothing else:
      {"edits":[{"scenario_id":"...","title":"...","given":["..."],"when":["..."],"then":["..."]}],
       "new_scenarios":[{"title":"...","given":["..."],"when":["..."],"then":["..."],
         "scenario_type":"functional|navigation|form_validation|negative|accessibility|security|edge",
         "priority":"critical|high|medium|low","state_ids":["..."],"form_ids":["..."],
         "element_ids":["..."],"test_data":{"field":"value"}}]}
      Omit a field of an edit to keep it unchanged. Use empty lists when you have nothing to add.
      """;

  private RefinementPrompt() {}

  /** Ids, short titles and field names only: no page text beyond that, no test data. */
  static String user(ObservationIndex index, String instruction, List<Scenario> scenarios) {
    StringBuilder prompt = new StringBuilder();
    prompt
        .append("Instruction: ")
        .append(
            instruction == null || instruction.isBlank()
                ? "(none)"
                : LlmScenarioRefiner.clip(instruction, 300))
        .append("\n\nStates (id | title | url):\n");
    index.states().stream()
        .limit(PROMPT_STATES)
        .forEach(
            s ->
                prompt
                    .append("- ")
                    .append(s.stateId())
                    .append(" | ")
                    .append(LlmScenarioRefiner.clip(s.title(), PROMPT_TEXT))
                    .append(" | ")
                    .append(LlmScenarioRefiner.clip(s.url(), 100))
                    .append('\n'));
    prompt.append("\nForms (id | state | purpose | fields):\n");
    index.forms().stream()
        .limit(PROMPT_FORMS)
        .forEach(
            f ->
                prompt
                    .append("- ")
                    .append(f.formId())
                    .append(" | ")
                    .append(f.stateId())
                    .append(" | ")
                    .append(f.purpose())
                    .append(" | ")
                    .append(String.join(", ", fieldNames(f)))
                    .append('\n'));
    prompt.append("\nElements (id | kind | text):\n");
    promptElements(index, scenarios).stream()
        .limit(PROMPT_ELEMENTS)
        .forEach(
            e ->
                prompt
                    .append("- ")
                    .append(e.elementId())
                    .append(" | ")
                    .append(e.kind())
                    .append(" | ")
                    .append(
                        LlmScenarioRefiner.clip(
                            e.text() == null ? e.name() : e.text(), PROMPT_TEXT))
                    .append('\n'));
    prompt.append("\nScenarios:\n");
    for (Scenario s : scenarios) {
      prompt
          .append("- ")
          .append(s.scenarioId())
          .append(" [")
          .append(s.scenarioType())
          .append(", ")
          .append(s.priority())
          .append("] ")
          .append(s.title())
          .append("\n  given: ")
          .append(String.join("; ", s.given()))
          .append("\n  when: ")
          .append(String.join("; ", s.when()))
          .append("\n  then: ")
          .append(String.join("; ", s.then()))
          .append('\n');
    }
    return prompt.toString();
  }

  /** Elements the scenarios use, then the links and buttons of the instruction's states. */
  private static List<ElementInfo> promptElements(
      ObservationIndex index, List<Scenario> scenarios) {
    Set<String> ids = new LinkedHashSet<>();
    for (Scenario s : scenarios) {
      ids.addAll(orEmpty(s.evidence().elementIds()));
    }
    for (String stateId : LlmScenarioRefiner.goalFlowStates(scenarios)) {
      index.state(stateId).map(ObservationIndex::elementsOf).orElse(List.of()).stream()
          .map(ElementInfo::elementId)
          .forEach(ids::add);
    }
    List<ElementInfo> elements = new ArrayList<>();
    for (String id : ids) {
      index.element(id).ifPresent(elements::add);
    }
    return elements;
  }

  private static List<String> fieldNames(FormInfo form) {
    return orEmpty(form.fields()).stream().map(FieldInfo::name).filter(n -> n != null).toList();
  }
}
