package io.testgen.common.agents.evolution;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one step of a generated test does: the vocabulary the executor and both renderers speak, so
 * the compiler checks that each of them handles every action. On the wire each is its snake_case
 * name, e.g. {@code expect_visible}.
 */
public enum StepAction {
  GOTO,
  CLICK,
  DBLCLICK,
  HOVER,
  FILL,
  SELECT,
  CHECK,
  PRESS,
  WAIT_FOR,
  EXPECT_VISIBLE,
  EXPECT_HIDDEN,
  EXPECT_TEXT,
  EXPECT_URL,
  EXPECT_TITLE,
  EXPECT_COUNT,
  EXPECT_VALUE,
  /** Click and expect the page it loads to answer below 500 (value: null). */
  CLICK_EXPECT_OK,
  /** Press Tab (at most value times) until the element has focus, then expect it focused. */
  EXPECT_TAB_REACHABLE,
  /** Expect a script the test typed not to have run (value: the global it would set). */
  EXPECT_NOT_EXECUTED,
  /**
   * Expect the current address to answer this HTTP status (value: the status) when requested again
   * in the page's context: an error page that must stay an error (a 500 page answering 200 hides
   * the failure from monitors and crawlers).
   */
  EXPECT_STATUS,
  /**
   * Remember the text content of the element (value: the name it is kept under, a Java and
   * TypeScript identifier) for a later {@link #EXPECT_CHANGED_TEXT} of the same test: what a list
   * shows when the test runs, not what it showed at generation.
   */
  REMEMBER_TEXT,
  /**
   * Expect the element's text no longer to be the one remembered under the name in value (a list's
   * next page shows another first row than its first page did).
   */
  EXPECT_CHANGED_TEXT;

  /** Wire name, e.g. {@code wait_for}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  /** Whether the step asserts something (rather than acting on the page). */
  public boolean expectation() {
    return name().startsWith("EXPECT_");
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} for unknown names. */
  public static StepAction fromWire(String name) {
    for (StepAction action : values()) {
      if (action.wireName().equals(name)) return action;
    }
    throw new IllegalArgumentException("unknown action " + name);
  }
}
