package io.testgen.common.agents.evolution;

import io.testgen.common.agents.observation.Locator;
import java.util.List;

/**
 * One step of a generated test.
 *
 * @param action a {@link StepAction}'s wire name, e.g. {@code goto}, {@code expect_visible}
 * @param locators ranked locators of the target element (first is used; others are repair options)
 * @param value URL path for goto, text to type, option, key, or the expected value
 * @param secret for fill: the name of the environment variable that holds the value (credentials)
 */
public record TestStep(
    String action, List<Locator> locators, String value, String secret, String description) {

  public TestStep(
      StepAction action, List<Locator> locators, String value, String secret, String description) {
    this(action.wireName(), locators, value, secret, description);
  }

  /** The action as a type; throws {@link IllegalArgumentException} for an unknown action. */
  public StepAction stepAction() {
    return StepAction.fromWire(action);
  }
}
