package io.testgen.worker.observation;

import java.util.Map;

/**
 * One replayable action on the way to an in-page state.
 *
 * @param action click, submit or press_enter
 * @param css the element acted on (for submit: the form's submit control, may be null)
 * @param formIndex for submit: index of the form in {@code document.forms}
 * @param kind for submit: valid or empty_required
 * @param fills values typed before the action, by CSS selector (never credentials)
 * @param label human words for the action
 */
public record PathStep(
    String action,
    String css,
    Integer formIndex,
    String kind,
    Map<String, String> fills,
    String label) {}
