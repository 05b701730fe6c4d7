package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;

/**
 * Writes one test step as a Playwright Java statement of the generated suite (locators, actions,
 * assertions); test data with the run's unique suffix goes through {@code data(...)}.
 */
final class JavaStepStatements {
  private JavaStepStatements() {}

  private static String str(String s) {
    return LocatorCall.JAVA.literal(s);
  }

  static String statement(TestStep step) {
    String value = step.value();
    return switch (step.stepAction()) {
      case GOTO -> "page.navigate(" + str(value) + ");";
      case CLICK -> locator(step) + ".click();";
      case DBLCLICK -> locator(step) + ".dblclick();";
      case HOVER -> locator(step) + ".hover();";
      case CLICK_EXPECT_OK ->
          "{ com.microsoft.playwright.Response response = page.waitForResponse(r ->"
              + " r.request().isNavigationRequest() && r.request().frame().parentFrame() == null, () -> "
              + locator(step)
              + ".click()); org.junit.jupiter.api.Assertions.assertTrue(response.status() < 500,"
              + " \"HTTP \" + response.status()); }";
      case EXPECT_TAB_REACHABLE ->
          "for (int i = 0; i < "
              + Integer.parseInt(value)
              + " && !(Boolean) "
              + locator(step)
              + ".evaluate(\"e => e === document.activeElement\"); i++)"
              + " page.keyboard().press(\"Tab\"); assertThat("
              + locator(step)
              + ").isFocused();";
      case EXPECT_STATUS ->
          "org.junit.jupiter.api.Assertions.assertEquals("
              + Integer.parseInt(value)
              + ", page.request().get(page.url()).status(), \"HTTP status of \" + page.url());";
      case EXPECT_NOT_EXECUTED ->
          "org.junit.jupiter.api.Assertions.assertEquals(\"undefined\", page.evaluate(\"name =>"
              + " typeof window[name]\", "
              + str(value)
              + "), \"the typed script ran\");";
      case FILL ->
          locator(step)
              + ".fill("
              + (step.secret() != null
                  ? "secret(" + SourceText.java(step.secret()) + ")"
                  : str(value))
              + ");";
      case SELECT -> locator(step) + ".selectOption(" + str(value) + ");";
      case CHECK -> locator(step) + ".check();";
      case PRESS ->
          step.locators().isEmpty()
              ? "page.keyboard().press(" + str(value) + ");"
              : locator(step) + ".press(" + str(value) + ");";
      case WAIT_FOR ->
          locator(step)
              + ".waitFor(new com.microsoft.playwright.Locator.WaitForOptions()"
              + ".setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE).setTimeout(15_000));";
      case EXPECT_VISIBLE -> "assertThat(" + locator(step) + ").isVisible();";
      case EXPECT_HIDDEN -> "assertThat(" + locator(step) + ").isHidden();";
      case EXPECT_TEXT -> "assertThat(" + locator(step) + ").containsText(" + str(value) + ");";
      case EXPECT_VALUE -> "assertThat(" + locator(step) + ").hasValue(" + str(value) + ");";
      case EXPECT_COUNT ->
          "assertThat("
              + LocatorCall.JAVA.render(step.locators().get(0), true)
              + ").hasCount("
              + Integer.parseInt(value)
              + ");";
      case EXPECT_URL ->
          "assertThat(page).hasURL(Pattern.compile("
              + SourceText.java(UrlPattern.forPath(value))
              + "));";
      case EXPECT_TITLE -> "assertThat(page).hasTitle(" + str(value) + ");";
      case REMEMBER_TEXT ->
          "String " + Steps.identifier(value) + " = " + locator(step) + ".textContent();";
      case EXPECT_CHANGED_TEXT ->
          "assertThat(" + locator(step) + ").not().hasText(" + Steps.identifier(value) + ");";
    };
  }

  private static String locator(TestStep step) {
    return LocatorCall.JAVA.first(step);
  }
}
