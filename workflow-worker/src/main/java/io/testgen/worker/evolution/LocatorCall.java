package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;

/**
 * Writes a Playwright locator call of a generated suite, in Java or TypeScript: the one switch over
 * {@link io.testgen.common.agents.observation.LocatorStrategy} both renderers use, so a new
 * strategy is written for both languages or compiles for neither. The languages differ only in how
 * a string literal, a role and a method's options are written.
 */
enum LocatorCall {
  JAVA {
    @Override
    String quote(String s) {
      return SourceText.java(s);
    }

    @Override
    String role(String role) {
      return "AriaRole." + PageLocators.ariaRoleConstant(role);
    }

    @Override
    String options(String method, String name) {
      return ", new Page."
          + Character.toUpperCase(method.charAt(0))
          + method.substring(1)
          + "Options()"
          + (name == null ? "" : ".setName(" + name + ")")
          + ".setExact(true)";
    }
  },
  TYPESCRIPT {
    @Override
    String quote(String s) {
      return SourceText.ts(s);
    }

    @Override
    String role(String role) {
      return SourceText.ts(role);
    }

    @Override
    String options(String method, String name) {
      return ", { " + (name == null ? "" : "name: " + name + ", ") + "exact: true }";
    }
  };

  /** A string literal of the language. */
  abstract String quote(String s);

  /** The role argument of {@code getByRole}. */
  abstract String role(String role);

  /** The exact-match options argument of {@code method}, with {@code name} (a literal) if set. */
  abstract String options(String method, String name);

  /** A string literal; test data with the run's unique suffix goes through {@code data(...)}. */
  String literal(String s) {
    return TestData.carriesUnique(s) ? "data(" + quote(s) + ")" : quote(s);
  }

  /** The locator of the first of the step's locators (its first match unless unique). */
  String first(TestStep step) {
    return render(step.locators().get(0), false);
  }

  /**
   * The locator call; {@code all} keeps every match (for counts), otherwise a locator not unique
   * when observed takes its first match.
   */
  String render(Locator l, boolean all) {
    String value = literal(l.value());
    String base =
        switch (l.locatorStrategy()) {
          case ROLE ->
              "page.getByRole("
                  + role(l.value())
                  + (l.name() == null ? "" : options("getByRole", literal(l.name())))
                  + ")";
          case LABEL -> exact("getByLabel", value);
          case HINT_TEXT -> exact("getByPlaceholder", value);
          case TEST_ID -> "page.getByTestId(" + value + ")";
          case TEXT -> "page.getByText(" + value + ")";
          case ALT -> exact("getByAltText", value);
          case TITLE -> exact("getByTitle", value);
          case CSS -> "page.locator(" + value + ")";
        };
    return l.unique() || all ? base : base + ".first()";
  }

  private String exact(String method, String value) {
    return "page." + method + "(" + value + options(method, null) + ")";
  }
}
