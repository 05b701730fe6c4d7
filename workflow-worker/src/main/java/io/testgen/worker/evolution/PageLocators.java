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
        switch (l.strategy()) {
          case "role" -> {
            Page.GetByRoleOptions options = new Page.GetByRoleOptions();
            if (l.name() != null)
              options.setName(TestData.withUnique(l.name(), unique)).setExact(true);
            yield page.getByRole(ariaRole(value), options);
          }
          case "label" -> page.getByLabel(value, new Page.GetByLabelOptions().setExact(true));
          case Locator.HINT_TEXT ->
              page.getByPlaceholder(value, new Page.GetByPlaceholderOptions().setExact(true));
          case "test_id" -> page.getByTestId(value);
          case "text" -> page.getByText(value);
          case "alt" -> page.getByAltText(value, new Page.GetByAltTextOptions().setExact(true));
          case "title" -> page.getByTitle(value, new Page.GetByTitleOptions().setExact(true));
          case "css" -> page.locator(value);
          default -> throw new IllegalArgumentException("unknown locator strategy " + l.strategy());
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
