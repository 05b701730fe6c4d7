package io.testgen.common.agents.observation;

/**
 * One way to find an element, in Playwright's terms.
 *
 * @param strategy a {@link LocatorStrategy}'s wire name: role, label, hint_text, test_id, text,
 *     alt, title, css
 * @param value for role: the role; otherwise the label, text, test id or selector
 * @param name accessible name for the role strategy (null otherwise)
 * @param unique whether it matched exactly one element on its state when observed
 */
public record Locator(String strategy, String value, String name, boolean unique) {
  /** Strategy name for an input's hint text. */
  public static final String HINT_TEXT = "hint_text";

  public static Locator css(String selector, boolean unique) {
    return new Locator("css", selector, null, unique);
  }

  public static Locator role(String role, String name, boolean unique) {
    return new Locator("role", role, name, unique);
  }

  /** The strategy as a type; throws {@link IllegalArgumentException} for an unknown strategy. */
  public LocatorStrategy locatorStrategy() {
    return LocatorStrategy.fromWire(strategy);
  }
}
