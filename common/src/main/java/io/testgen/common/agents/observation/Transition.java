package io.testgen.common.agents.observation;

import java.util.List;

/**
 * An action that leads from one state to another.
 *
 * @param action navigate, click, dblclick, submit, press_enter, back
 * @param elementId the element acted on (null for navigate/back, and for targets the state does not
 *     list, such as a list item's text)
 * @param label human words for the action ("click 'Add item'")
 * @param locators where the target is found when the state does not list it (a list item's text, a
 *     control that only a hover reveals); empty otherwise
 * @param hover what must be hovered first for the target to show (a list item); empty if nothing
 */
public record Transition(
    String fromStateId,
    String toStateId,
    String action,
    String elementId,
    String label,
    List<Locator> locators,
    List<Locator> hover) {

  public Transition {
    locators = locators == null ? List.of() : List.copyOf(locators);
    hover = hover == null ? List.of() : List.copyOf(hover);
  }

  public Transition(
      String fromStateId, String toStateId, String action, String elementId, String label) {
    this(fromStateId, toStateId, action, elementId, label, List.of(), List.of());
  }
}
