package io.testgen.worker.observation;

import java.util.Map;

/**
 * One replayable action on the way to an in-page state.
 *
 * @param action click, dblclick, hover, submit or press_enter
 * @param css the element acted on (for submit: the form's submit control, may be null)
 * @param formIndex for submit: index of the form in {@code document.forms}
 * @param kind for submit: valid, empty_required or empty
 * @param fills values typed before the action, by CSS selector (never credentials)
 * @param label human words for the action
 * @param method for submit: the form's HTTP method (a non-GET replay is a write)
 * @param formId for submit: the form's id in the result
 */
public record PathStep(
    String action,
    String css,
    Integer formIndex,
    String kind,
    Map<String, String> fills,
    String label,
    String method,
    String formId) {

  PathStep(
      String action,
      String css,
      Integer formIndex,
      String kind,
      Map<String, String> fills,
      String label) {
    this(action, css, formIndex, kind, fills, label, null, null);
  }

  /** The same step under other words. */
  PathStep withLabel(String newLabel) {
    return new PathStep(action, css, formIndex, kind, fills, newLabel, method, formId);
  }
}
