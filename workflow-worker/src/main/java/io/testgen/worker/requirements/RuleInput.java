package io.testgen.worker.requirements;

import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.ObservationIndex;
import java.util.List;

/**
 * What every {@link ScenarioRule} reads, worked out once per derivation: the observation, the
 * instruction (given or the one Observation pursued), whether credentials were given, the start
 * state, the distinct forms, and the instruction's flow.
 *
 * @param instruction trimmed; null when there is none
 * @param startStateId the observation's start state, or its first state; null without states
 * @param goalFlow {@link GoalFlow#EMPTY} without an instruction
 */
record RuleInput(
    ObservationIndex index,
    String instruction,
    boolean hasCredentials,
    String startStateId,
    List<DistinctForm> forms,
    GoalFlow goalFlow) {

  static RuleInput of(ObservationIndex index, String instruction, boolean hasCredentials) {
    String start = startStateId(index);
    String goal = goalInstruction(index, instruction);
    return new RuleInput(
        index,
        goal,
        hasCredentials,
        start,
        DistinctForm.of(index),
        goal == null ? GoalFlow.EMPTY : GoalFlow.of(index, start));
  }

  private static String goalInstruction(ObservationIndex index, String instruction) {
    if (instruction != null && !instruction.isBlank()) {
      return instruction.trim();
    }
    GoalOutcome goal = index.observation().goal();
    if (goal != null && goal.instruction() != null && !goal.instruction().isBlank()) {
      return goal.instruction().trim();
    }
    return null;
  }

  private static String startStateId(ObservationIndex index) {
    String start = index.observation().startStateId();
    if (index.hasState(start)) {
      return start;
    }
    return index.states().isEmpty() ? null : index.states().get(0).stateId();
  }
}
