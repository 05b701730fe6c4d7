package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps that put values into a form's fields: the scenario's data first, then what Observation
 * typed, then a valid value for a required field; login fields read credentials from the
 * environment, never literal values.
 */
final class FieldFills {
  private static final List<String> NOT_FILLED =
      List.of("hidden", "submit", "button", "reset", "file");

  private FieldFills() {}

  static List<TestStep> of(
      Map<String, String> data, FormInfo form, Map<String, String> typed, FieldInfo leaveEmpty) {
    List<TestStep> steps = new ArrayList<>();
    for (FieldInfo field : ObservedApp.nullSafe(form.fields())) {
      if (leaveEmpty != null && field == leaveEmpty) continue;
      String type = type(field);
      if (NOT_FILLED.contains(type)) continue;
      String value = data.get(field.name());
      if (value == null) value = typed.get(field.name());
      if (value == null && "login".equals(form.purpose())) value = loginDefault(type);
      if (value == null && field.required()) value = ValidValues.of(field);
      if (value == null) continue;
      steps.addAll(fill(field, value));
    }
    return steps;
  }

  /** One field set to one value; an empty value clears a text field. */
  static List<TestStep> fill(FieldInfo field, String template) {
    String value = TestData.expandRepeats(template);
    if (ObservedApp.nullSafe(field.locators()).isEmpty())
      throw new ScenarioSkip("field " + field.name() + " has no locator");
    String what = field.label() != null ? "'" + field.label() + "'" : field.name();
    String env = TestData.environmentVariable(value);
    return switch (type(field)) {
      case "select", "select-one" ->
          value.isEmpty() ? List.of() : List.of(Steps.select(field.locators(), value, what));
      case "checkbox", "radio" ->
          !"false".equalsIgnoreCase(value) && !value.isEmpty()
              ? List.of(Steps.check(field.locators(), what))
              : List.of();
      default ->
          List.of(
              env != null
                  ? Steps.fill(field.locators(), null, env, what)
                  : Steps.fill(field.locators(), value, null, what));
    };
  }

  static String type(FieldInfo field) {
    return field.type() == null ? "text" : field.type();
  }

  private static String loginDefault(String type) {
    return switch (type) {
      case "password" -> "${" + SuiteEvolution.PASSWORD_ENV + "}";
      case "text", "email" -> "${" + SuiteEvolution.USERNAME_ENV + "}";
      default -> null;
    };
  }
}
