package io.testgen.worker.evolution;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.testgen.common.agents.observation.Locator;

/**
 * Our locator records as Playwright locators. The renderers emit the same calls, so a test verified
 * here behaves the same in the rendered suites: role, label, hint text, alt and title match
 * exactly; text matches as a substring; a locator that was not unique takes the first match.
 */
final class PageLocators {
  private PageLocators() {}

  static com.microsoft.playwright.Locator of(Page page, Locator l, String unique) {
    String value = TestData.withUnique(l.value(), unique);
    com.microsoft.playwright.Locator found =
        switch (l.locatorStrategy()) {
          case ROLE -> {
            Page.GetByRoleOptions options = new Page.GetByRoleOptions();
            if (l.name() != null)
              options.setName(TestData.withUnique(l.name(), unique)).setExact(true);
            yield page.getByRole(ariaRole(value), options);
          }
          case LABEL -> page.getByLabel(value, new Page.GetByLabelOptions().setExact(true));
          case HINT_TEXT ->
              page.getByPlaceholder(value, new Page.GetByPlaceholderOptions().setExact(true));
          case TEST_ID -> page.getByTestId(value);
          case TEXT -> page.getByText(value);
          case ALT -> page.getByAltText(value, new Page.GetByAltTextOptions().setExact(true));
          case TITLE -> page.getByTitle(value, new Page.GetByTitleOptions().setExact(true));
          case CSS -> page.locator(value);
        };
    return l.unique() ? found : found.first();
  }

  static AriaRole ariaRole(String role) {
    return AriaRole.valueOf(role.trim().toUpperCase().replace('-', '_'));
  }

  /** Java enum constant name of a role, for the Java renderer. */
  static String ariaRoleConstant(String role) {
    return ariaRole(role).name();
  }
}
