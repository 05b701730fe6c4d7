package io.testgen.worker.evolution;

import static io.testgen.common.agents.evolution.StepAction.*;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import java.util.List;

/** Constructors of test steps, so the model builder and repair speak the same vocabulary. */
final class Steps {
  private Steps() {}

  static TestStep goTo(String path) {
    return new TestStep(GOTO, List.of(), path, null, "Open " + path);
  }

  static TestStep click(List<Locator> locators, String what) {
    return new TestStep(CLICK, locators, null, null, "Click " + what);
  }

  static TestStep dblclick(List<Locator> locators, String what) {
    return new TestStep(DBLCLICK, locators, null, null, "Double-click " + what);
  }

  static TestStep hover(List<Locator> locators, String what) {
    return new TestStep(HOVER, locators, null, null, "Hover " + what);
  }

  static TestStep fill(List<Locator> locators, String value, String secret, String what) {
    return new TestStep(FILL, locators, value, secret, "Fill " + what);
  }

  static TestStep select(List<Locator> locators, String option, String what) {
    return new TestStep(SELECT, locators, option, null, "Select '" + option + "' in " + what);
  }

  static TestStep check(List<Locator> locators, String what) {
    return new TestStep(CHECK, locators, null, null, "Check " + what);
  }

  static TestStep press(List<Locator> locators, String key, String what) {
    return new TestStep(PRESS, locators, key, null, "Press " + key + " in " + what);
  }

  static TestStep waitFor(List<Locator> locators, String what) {
    return new TestStep(WAIT_FOR, locators, "visible", null, "Wait for " + what);
  }

  static TestStep expectHidden(List<Locator> locators, String what) {
    return new TestStep(EXPECT_HIDDEN, locators, null, null, "Expect " + what + " hidden");
  }

  /** Some heading is visible: the layout of a page whose heading text is the instance's own. */
  static TestStep expectAHeading() {
    return expectVisible(List.of(Locator.role("heading", null, false)), "a heading");
  }

  static TestStep expectVisible(List<Locator> locators, String what) {
    return new TestStep(EXPECT_VISIBLE, locators, null, null, "Expect " + what + " visible");
  }

  static TestStep clickExpectOk(List<Locator> locators, String what) {
    return new TestStep(
        CLICK_EXPECT_OK, locators, null, null, "Click " + what + " and expect no server error");
  }

  static TestStep expectTabReachable(List<Locator> locators, int maxPresses, String what) {
    return new TestStep(
        EXPECT_TAB_REACHABLE,
        locators,
        Integer.toString(maxPresses),
        null,
        "Expect Tab to reach " + what);
  }

  static TestStep expectNotExecuted(String global) {
    return new TestStep(
        EXPECT_NOT_EXECUTED, List.of(), global, null, "Expect the typed script not to have run");
  }

  static TestStep expectStatus(int status) {
    return new TestStep(
        EXPECT_STATUS,
        List.of(),
        Integer.toString(status),
        null,
        "Expect the address to answer HTTP " + status);
  }

  /**
   * Remembers the text of {@code what} under {@code name} (an identifier: the rendered suites
   * declare it as a variable).
   */
  static TestStep rememberText(List<Locator> locators, String name, String what) {
    return new TestStep(
        REMEMBER_TEXT, locators, identifier(name), null, "Remember the text of " + what);
  }

  /** Expects {@code what} no longer to show the text remembered under {@code name}. */
  static TestStep expectChangedText(List<Locator> locators, String name, String what) {
    return new TestStep(
        EXPECT_CHANGED_TEXT,
        locators,
        identifier(name),
        null,
        "Expect " + what + " to show another text than before");
  }

  /** A remembered text's name, checked: it becomes a variable of the rendered suites. */
  static String identifier(String name) {
    if (name == null || !name.matches("[a-z][A-Za-z0-9]{0,39}"))
      throw new IllegalArgumentException("not a variable name: " + name);
    return name;
  }

  static TestStep expectUrl(String path) {
    return new TestStep(EXPECT_URL, List.of(), path, null, "Expect URL path " + path);
  }

  static TestStep expectTitle(String title) {
    return new TestStep(EXPECT_TITLE, List.of(), title, null, "Expect title '" + title + "'");
  }

  static TestStep expectCount(List<Locator> locators, int count, String what) {
    return new TestStep(
        EXPECT_COUNT, locators, Integer.toString(count), null, "Expect " + count + " " + what);
  }

  /**
   * The index of the last step that acts (expectations after it, such as a query link's address,
   * check its outcome); 0 when none but the first does.
   */
  static int lastAction(List<TestStep> steps) {
    int act = steps.size() - 1;
    while (act > 0 && isExpectation(steps.get(act))) act--;
    return act;
  }

  static boolean isExpectation(TestStep step) {
    return step.action().startsWith("expect_");
  }

  static boolean usesElement(TestStep step) {
    return step.locators() != null && !step.locators().isEmpty();
  }

  /** Human words for a locator, used in repair records and failures. */
  static String describe(Locator l) {
    if (l == null) return "page";
    return switch (l.strategy()) {
      case "role" -> "role=" + l.value() + (l.name() == null ? "" : "[name=\"" + l.name() + "\"]");
      case "css" -> "css=" + l.value();
      default -> l.strategy() + "=\"" + l.value() + "\"";
    };
  }

  static String describe(TestStep step) {
    String target = usesElement(step) ? " " + describe(step.locators().get(0)) : "";
    String value = step.secret() != null ? " ${" + step.secret() + "}" : "";
    if (value.isEmpty() && step.value() != null) value = " \"" + step.value() + "\"";
    return step.action() + target + value;
  }

  /** The environment variables a suite reads its secrets from, sorted. */
  static java.util.SortedSet<String> secretNames(
      java.util.List<io.testgen.common.agents.evolution.GeneratedTest> tests) {
    return tests.stream()
        .flatMap(t -> t.steps().stream())
        .map(io.testgen.common.agents.evolution.TestStep::secret)
        .filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
