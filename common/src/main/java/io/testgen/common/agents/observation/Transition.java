package io.testgen.common.agents.observation;

/**
 * An action that leads from one state to another.
 *
 * @param action navigate, click, submit, press_enter, back
 * @param elementId the element acted on (null for navigate/back)
 * @param label human words for the action ("click 'Add item'")
 */
public record Transition(
    String fromStateId, String toStateId, String action, String elementId, String label) {}
