package io.testgen.worker.evolution;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two tokens a scenario's test data may carry: {@code {{unique}}} (a suffix fresh on every run,
 * so a suite can create things twice against the same app) and {@code ${NAME}} (a value read from
 * the environment variable NAME at run time: credentials never enter the test model).
 */
final class TestData {
  static final String UNIQUE = "{{unique}}";
  private static final Pattern ENV_REF = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)}$");

  private TestData() {}

  private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.):(\\d{1,5})}}");

  /**
   * A value with its {@code {{repeat:c:n}}} placeholders (long probe values kept small in
   * scenarios) written out, so tests and both renderings type the same characters.
   */
  static String expandRepeats(String value) {
    if (value == null || !value.contains("{{repeat:")) return value;
    Matcher m = REPEAT.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find())
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
    m.appendTail(out);
    return out.toString();
  }

  /** The environment variable a value refers to, or null for a literal. */
  static String environmentVariable(String value) {
    if (value == null) return null;
    Matcher m = ENV_REF.matcher(value.trim());
    return m.matches() ? m.group(1) : null;
  }

  /** Whether a value carries the unique suffix (null carries nothing). */
  static boolean carriesUnique(String value) {
    return value != null && value.contains(UNIQUE);
  }

  static String withUnique(String value, String unique) {
    return value == null ? null : value.replace(UNIQUE, unique);
  }

  /** A fresh suffix: time-based and short, like the rendered suites make. */
  static String newUnique() {
    return Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString((int) (Math.random() * 1296), 36);
  }

  /** Value of a secret step: from the run's secrets, else the worker's environment. */
  static String secret(String name, Map<String, String> secrets) {
    String v = secrets.get(name);
    if (v == null) v = System.getenv(name);
    return v == null ? "" : v;
  }
}
