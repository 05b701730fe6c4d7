package io.testgen.worker.evolution;

import io.testgen.common.agents.observation.FieldInfo;

/**
 * A valid value for a required field the scenario gave no data for, from what the page declares
 * (type, options, min, length). Text values carry {@code {{unique}}} so a suite that creates things
 * can run twice against the same app.
 */
final class ValidValues {
  private ValidValues() {}

  static String of(FieldInfo field) {
    String type = field.type() == null ? "text" : field.type();
    if (field.options() != null && !field.options().isEmpty())
      return field.options().stream()
          .filter(o -> o != null && !o.isBlank())
          .findFirst()
          .orElse(null);
    return switch (type) {
      case "email" -> "testgen+{{unique}}@example.com";
      case "number", "range" -> field.min() != null && !field.min().isBlank() ? field.min() : "1";
      case "url" -> "https://example.com/{{unique}}";
      case "tel" -> "5550100";
      case "date" -> "2030-01-15";
      case "checkbox", "radio" -> "true";
      case "password" -> "Pw-{{unique}}-x9";
      default -> fitLength("Test {{unique}}", field);
    };
  }

  private static String fitLength(String value, FieldInfo field) {
    Integer min = field.minLength();
    StringBuilder v = new StringBuilder(value);
    while (min != null && v.length() - TestData.UNIQUE.length() + 9 < min) v.append('x');
    return v.toString();
  }
}
