package io.testgen.common.agents.observation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a {@link Locator} finds its element, in Playwright's terms: the vocabulary the executor and
 * both renderers speak, so the compiler checks that each of them handles every strategy. On the
 * wire each is its snake_case name, e.g. {@code test_id}.
 */
public enum LocatorStrategy {
  ROLE,
  LABEL,
  /** An input's hint text: Playwright's getByPlaceholder. */
  HINT_TEXT,
  TEST_ID,
  TEXT,
  ALT,
  TITLE,
  CSS;

  /** Wire name, e.g. {@code hint_text}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} for unknown names. */
  public static LocatorStrategy fromWire(String name) {
    for (LocatorStrategy strategy : values()) {
      if (strategy.wireName().equals(name)) return strategy;
    }
    throw new IllegalArgumentException("unknown locator strategy " + name);
  }
}
